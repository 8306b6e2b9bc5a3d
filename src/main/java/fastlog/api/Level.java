package fastlog.api;

/**
 * Severity of an event, from least to most severe. The constants are declared in the order of
 * the internal level ordinals ({@code ordinal()} is what records and thresholds hold).
 */
public enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR;

    private static final Level[] VALUES = values();

    /**
     * Parses a level name, case-insensitively ({@code "warning"} is accepted for WARN).
     *
     * @return the level, or {@code null} if {@code name} is null or not a level
     */
    public static Level parse(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.equals("WARNING")) {
            return WARN;
        }
        for (Level l : VALUES) {
            if (l.name().equals(n)) {
                return l;
            }
        }
        return null;
    }

    static Level ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
