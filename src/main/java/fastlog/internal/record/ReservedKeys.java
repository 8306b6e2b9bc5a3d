package fastlog.internal.record;

/**
 * The four keys fastlog writes on every line ({@code ts}, {@code level}, {@code logger},
 * {@code msg} by default), those of the fields it adds when set up to ({@link #plus}: trace ids,
 * thread, caller), and the rule for user keys that collide with them: a colliding user key
 * gets an underscore prefix ({@code "msg"} becomes {@code "_msg"}), repeated until it no longer
 * collides. No line ever holds the same key twice.
 */
public final class ReservedKeys {

    private final String timestamp;
    private final String level;
    private final String logger;
    private final String message;
    /** Further names the writer puts on lines (trace ids, thread, caller, when captured). */
    private final String[] others;
    /** Bit {@code n} set if a reserved name has length {@code n} (names of 64+ chars: bit 63). */
    private final long lengths;

    public ReservedKeys(String timestamp, String level, String logger, String message) {
        this(timestamp, level, logger, message, new String[0]);
    }

    private ReservedKeys(String timestamp, String level, String logger, String message, String[] others) {
        this.timestamp = timestamp;
        this.level = level;
        this.logger = logger;
        this.message = message;
        this.others = others;
        long bits = lengthBit(timestamp) | lengthBit(level) | lengthBit(logger) | lengthBit(message);
        for (String o : others) {
            bits |= lengthBit(o);
        }
        this.lengths = bits;
    }

    /** These names and {@code more}: user keys equal to any of them are renamed too. */
    public ReservedKeys plus(String... more) {
        String[] all = java.util.Arrays.copyOf(others, others.length + more.length);
        System.arraycopy(more, 0, all, others.length, more.length);
        return new ReservedKeys(timestamp, level, logger, message, all);
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
        if (key.equals(timestamp) || key.equals(level) || key.equals(logger) || key.equals(message)) {
            return true;
        }
        for (String o : others) {
            if (key.equals(o)) {
                return true;
            }
        }
        return false;
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
