package fastlog.internal.record;

/**
 * The four keys fastlog writes on every line ({@code ts}, {@code level}, {@code logger},
 * {@code msg} by default) and the rule for user keys that collide with them: a colliding user key
 * gets an underscore prefix ({@code "msg"} becomes {@code "_msg"}), repeated until it no longer
 * collides. No line ever holds the same key twice.
 */
public final class ReservedKeys {

    private final String timestamp;
    private final String level;
    private final String logger;
    private final String message;
    /** Bit {@code n} set if a reserved name has length {@code n} (names of 64+ chars: bit 63). */
    private final long lengths;

    public ReservedKeys(String timestamp, String level, String logger, String message) {
        this.timestamp = timestamp;
        this.level = level;
        this.logger = logger;
        this.message = message;
        this.lengths = lengthBit(timestamp) | lengthBit(level) | lengthBit(logger) | lengthBit(message);
    }

    private static long lengthBit(String s) {
        return 1L << Math.min(63, s.length());
    }

    public String timestamp() {
        return timestamp;
    }

    public String level() {
        return level;
    }

    public String logger() {
        return logger;
    }

    public String message() {
        return message;
    }

    public boolean isReserved(String key) {
        // Most keys differ in length from every reserved name: one test instead of four equals.
        return (lengths & lengthBit(key)) != 0 && isReservedName(key);
    }

    private boolean isReservedName(String key) {
        return key.equals(timestamp) || key.equals(level) || key.equals(logger) || key.equals(message);
    }

    /** {@code key} itself, or the key prefixed with underscores until it is not reserved. */
    public String rename(String key) {
        String k = key;
        while (isReserved(k)) {
            k = "_" + k;
        }
        return k;
    }
}
