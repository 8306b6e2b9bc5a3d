package fastlog.api;

import java.util.Locale;

/**
 * What the writer writes: one JSON object per line, or a line for people reading a terminal.
 * Chosen once, when the logging system starts ({@link Configuration#format(OutputFormat)},
 * {@code -Dfastlog.format} or {@code FASTLOG_FORMAT}); the logging call costs the same either way.
 */
public enum OutputFormat {

    /** NDJSON: one JSON object per line (the default). */
    JSON,

    /**
     * One readable line per event, {@code 09:14:03.512 INFO  auth - user login user_id=48213},
     * an exception's stack trace on the indented lines after it; ANSI colours by level when the
     * output is a terminal and {@code NO_COLOR} is not set. For people, not for log shippers.
     */
    CONSOLE,

    /**
     * {@link #CONSOLE} when the output is stdout and stdout is a terminal, {@link #JSON}
     * otherwise (piped, redirected to a file, in a container). "A terminal" is what
     * {@link System#console()} reports; on Java 22+ also {@code Console.isTerminal()}. Either
     * way the JDK counts a console only when stdin and stdout are both terminals.
     */
    AUTO;

    /**
     * Parses {@code json}, {@code console} or {@code auto}, ignoring case and surrounding blanks.
     *
     * @return the format, or {@code null} if {@code name} is null or not one of them
     */
    public static OutputFormat parse(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "console" -> CONSOLE;
            case "auto" -> AUTO;
            default -> null;
        };
    }
}
