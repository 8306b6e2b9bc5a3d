package fastlog.api;

/**
 * Implemented by a class that logs itself as a JSON object (or as one JSON value) when it is
 * passed as a field value: fastlog's counterpart of Jackson's {@code @JsonValue} or zap's
 * {@code ObjectMarshaler}, without any JSON library.
 *
 * <pre>{@code
 * record Money(long cents, String currency) implements Loggable {
 *     public void logTo(Loggable.Writer out) {
 *         out.field("amount", cents / 100.0).field("currency", currency);
 *     }
 * }
 * final class UserId implements Loggable {
 *     public void logTo(Loggable.Writer out) { out.value("u-" + id); }   // logged as "u-48213"
 * }
 * log.info("charged", "price", price);   // ..."price":{"amount":12.5,"currency":"EUR"}
 * }</pre>
 *
 * <p>{@link #logTo} runs on the logging thread, during the logging call (only when the level is
 * enabled), so it may read mutable state: what it writes is captured before the call returns and
 * rendered later by fastlog's writer. Values given to the writer are captured like any field
 * value (maps, lists, records, other {@code Loggable}s nest). The {@link Writer} is valid only
 * during {@code logTo}. If {@code logTo} throws, the value becomes the string
 * {@code "<logTo() threw java.lang.IllegalStateException for com.acme.Money>"}.
 */
@FunctionalInterface
public interface Loggable {

    /** Writes this object's fields to {@code out}, or calls {@link Writer#value} once. */
    void logTo(Writer out);

    /**
     * Receives a {@link Loggable}'s fields. Fields are written in call order; a key given twice
     * keeps its last value, and past the element cap (see {@link Configuration#maxElements})
     * fields are counted, not kept. Calling {@link #value} makes the whole object that one value
     * instead; fields written around it are ignored.
     */
    interface Writer {

        Writer field(String key, long value);

        Writer field(String key, double value);

        Writer field(String key, boolean value);

        /** Any value: captured like a field value of a logging call. */
        Writer field(String key, Object value);

        /** Logs the object as this single value (a string, a number, a map...) instead of an object. */
        void value(Object value);
    }
}
