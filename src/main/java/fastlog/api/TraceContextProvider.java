package fastlog.api;

/**
 * Supplies the active trace span of the logging thread, so that every event logged inside a span
 * carries that span's trace id, span id and trace flags. {@code fastlog-otel} implements it with
 * the OpenTelemetry API; fastlog finds an implementation with {@link java.util.ServiceLoader}
 * ({@code provides fastlog.api.TraceContextProvider with ...} in a module, or a
 * {@code META-INF/services/fastlog.api.TraceContextProvider} file on the class path), or takes
 * one from {@link Configuration#traceContextProvider}.
 *
 * <p>The work is split in two, so that the logging thread pays for one lookup and no text:
 * <ol>
 *   <li>{@link #current()} runs on the <b>logging thread</b>, during every logging call that
 *       gets past the level check and sampling. It returns a token for the active span, or
 *       {@code null} when there is none.</li>
 *   <li>{@link #traceId}, {@link #spanId} and {@link #traceFlags} run later on fastlog's
 *       <b>writer thread</b>, with that token, while the line is rendered.</li>
 * </ol>
 *
 * <p>What an implementation must guarantee:
 * <ul>
 *   <li>The token is <b>immutable</b>: the writer reads it after the logging call has returned,
 *       on another thread, with no synchronization but the record's own hand-off. OpenTelemetry's
 *       {@code SpanContext} is such a value.</li>
 *   <li>{@link #current()} returns {@code null} when no span is active, <b>without
 *       allocating</b>, and is cheap when one is (it is on every logging call's path).</li>
 *   <li>The accessors return the W3C forms: {@link #traceId} 32 and {@link #spanId} 16 lowercase
 *       hex digits, {@link #traceFlags} the 8 flag bits (bit 0: sampled). fastlog writes the ids as
 *       given (as JSON strings; a {@code null} id leaves its field out) and the flags as two
 *       lowercase hex digits.</li>
 *   <li>A public no-argument constructor (or a {@code provider()} method, in a module), as
 *       {@code ServiceLoader} requires.</li>
 *   <li>No logging through fastlog from the constructor or these methods: a log call from
 *       {@link #current()} would call {@link #current()} again.</li>
 * </ul>
 * fastlog protects its callers from a broken implementation: one that cannot be loaded, or whose
 * {@link #current()} or accessors throw, is reported once on stderr; the events are still logged,
 * without trace fields, and no exception reaches the logging call.
 *
 * @param <T> the token type, e.g. OpenTelemetry's {@code SpanContext}
 */
public interface TraceContextProvider<T> {

    /**
     * The logging thread's active span, or {@code null} if there is none. Called on the logging
     * thread; must not allocate when it returns {@code null}.
     */
    T current();

    /** The trace id of a token {@link #current()} returned: 32 lowercase hex digits. Writer thread. */
    String traceId(T span);

    /** The span id of a token {@link #current()} returned: 16 lowercase hex digits. Writer thread. */
    String spanId(T span);

    /** The W3C trace flags of a token {@link #current()} returned, in the low 8 bits. Writer thread. */
    int traceFlags(T span);
}
