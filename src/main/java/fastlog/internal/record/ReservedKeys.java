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

    public ReservedKeys(String timestamp, String level, String logger, String message) {
        this.timestamp = timestamp;
        this.level = level;
        this.logger = logger;
        this.message = message;
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
