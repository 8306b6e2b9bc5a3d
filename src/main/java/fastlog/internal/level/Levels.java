package fastlog.internal.level;

/**
 * Level ordinals and names: the one place that defines them. {@code fastlog.api.Level}'s
 * constants are declared in the same order (a test checks it), so {@code Level.ordinal()} is the
 * ordinal used here, in records and in level thresholds.
 */
public final class Levels {

    public static final int TRACE = 0;
    public static final int DEBUG = 1;
    public static final int INFO = 2;
    public static final int WARN = 3;
    public static final int ERROR = 4;
    /** A threshold above every level: nothing is enabled. */
    public static final int OFF = 5;

    /** Number of levels (ordinals {@code 0 .. COUNT - 1}). */
    public static final int COUNT = 5;

    private static final String[] NAMES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"};

    private Levels() {
    }

    /** The level's name as written in lines, e.g. {@code "INFO"}. */
    public static String name(int ordinal) {
        return NAMES[ordinal];
    }
}
