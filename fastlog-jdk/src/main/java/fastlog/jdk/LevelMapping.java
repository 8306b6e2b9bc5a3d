package fastlog.jdk;

import fastlog.api.Level;

/**
 * Level mapping between fastlog and java.util.logging / System.Logger.
 *
 * <p>java.util.logging levels are integers; a custom level maps to the fastlog level of the
 * nearest standard JUL level (a tie goes to the more severe one):
 *
 * <pre>
 *   JUL value               standard levels in the range     fastlog
 *   Integer.MAX_VALUE       OFF                              (dropped)
 *   950 and above           SEVERE (1000)                    ERROR
 *   850 .. 949              WARNING (900)                    WARN
 *   600 .. 849              CONFIG (700), INFO (800)         INFO
 *   450 .. 599              FINE (500)                       DEBUG
 *   below 450               FINER (400), FINEST (300), ALL   TRACE
 * </pre>
 *
 * <p>The inverse, {@link #julThreshold}, is the lowest JUL value that maps to a fastlog level, so a
 * JUL logger whose level is {@code julThreshold(L)} lets through exactly the records that fastlog
 * logs at level {@code L}: no more (a disabled call costs JUL's own check only) and no fewer (no
 * record fastlog wants is dropped by JUL first).
 */
final class LevelMapping {

    static final int ERROR_FROM = 950;
    static final int WARN_FROM = 850;
    static final int INFO_FROM = 600;
    static final int DEBUG_FROM = 450;

    /** JUL levels whose value is the lowest that maps to a fastlog level (DEBUG and up). */
    static final java.util.logging.Level JUL_DEBUG = new Threshold("FASTLOG_DEBUG", DEBUG_FROM);
    static final java.util.logging.Level JUL_INFO = new Threshold("FASTLOG_INFO", INFO_FROM);
    static final java.util.logging.Level JUL_WARN = new Threshold("FASTLOG_WARN", WARN_FROM);
    static final java.util.logging.Level JUL_ERROR = new Threshold("FASTLOG_ERROR", ERROR_FROM);

    private LevelMapping() {
    }

    /** The fastlog level of a JUL level value; null for OFF (such records are not logged). */
    static Level fromJul(int value) {
        if (value >= ERROR_FROM) {
            return value == Integer.MAX_VALUE ? null : Level.ERROR;
        }
        if (value >= WARN_FROM) {
            return Level.WARN;
        }
        if (value >= INFO_FROM) {
            return Level.INFO;
        }
        return value >= DEBUG_FROM ? Level.DEBUG : Level.TRACE;
    }

    /** The lowest JUL level that {@link #fromJul} maps to {@code level} or above. */
    static java.util.logging.Level julThreshold(Level level) {
        return switch (level) {
            case TRACE -> java.util.logging.Level.ALL;
            case DEBUG -> JUL_DEBUG;
            case INFO -> JUL_INFO;
            case WARN -> JUL_WARN;
            case ERROR -> JUL_ERROR;
        };
    }

    /**
     * The fastlog level of a System.Logger level: ALL and TRACE are TRACE, WARNING is WARN,
     * OFF is null (never loggable). A null level throws NullPointerException, as System.Logger
     * specifies.
     */
    static Level fromSystem(System.Logger.Level level) {
        return switch (level) {
            case ALL, TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case ERROR -> Level.ERROR;
            case OFF -> null;
        };
    }

    /** A JUL level with a value between the standard ones (Level's constructor is protected). */
    private static final class Threshold extends java.util.logging.Level {
        private static final long serialVersionUID = 1L;

        Threshold(String name, int value) {
            super(name, value);
        }
    }
}
