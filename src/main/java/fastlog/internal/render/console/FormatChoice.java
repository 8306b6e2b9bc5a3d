package fastlog.internal.render.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import fastlog.api.OutputFormat;

/**
 * Which format the writer writes and whether the console format uses ANSI colours, decided once
 * when a pipeline is built (never per event).
 *
 * <p>Format: what the code set ({@code Configuration.format}), else {@code -Dfastlog.format},
 * else {@code FASTLOG_FORMAT}, else JSON. {@code auto} is console when the output is stdout and
 * stdout is a terminal ({@link Terminal}). A value that is none of json, console, auto is reported
 * once on stderr and means JSON.
 *
 * <p>Colour (console only): {@code -Dfastlog.color}, else {@code FASTLOG_COLOR}: {@code always},
 * {@code never} or {@code auto} (the default). {@code auto} colours when the output is stdout,
 * stdout is a terminal, {@code NO_COLOR} is unset or empty (no-color.org: any non-empty value
 * turns colour off) and {@code TERM} is not {@code dumb}. An explicit {@code always} wins over
 * {@code NO_COLOR}, as no-color.org asks of per-program settings.
 *
 * @param console write the console format (else JSON)
 * @param color colour the console format
 */
public record FormatChoice(boolean console, boolean color) {

    public static final FormatChoice JSON = new FormatChoice(false, false);

    /** The choice for this process: its system properties, environment and stdout. */
    public static FormatChoice forThisProcess(OutputFormat configured, boolean toStdout, PrintStream warnings) {
        return resolve(configured, toStdout, System::getProperty, System::getenv, Terminal::stdoutIsTerminal, warnings);
    }

    /**
     * The choice from explicit sources (tests pass their own).
     *
     * @param configured the format the code set, or null
     * @param toStdout whether lines go to the process's stdout (a terminal can only be there)
     * @param properties system property lookup
     * @param env environment variable lookup
     * @param terminal whether stdout is a terminal; asked only when needed
     * @param warnings where a bad setting is reported
     */
    public static FormatChoice resolve(OutputFormat configured, boolean toStdout, UnaryOperator<String> properties,
                                       UnaryOperator<String> env, BooleanSupplier terminal, PrintStream warnings) {
        OutputFormat format = configured;
        if (format == null) {
            String[] source = setting(properties, env, "fastlog.format", "FASTLOG_FORMAT");
            format = source == null ? OutputFormat.JSON : OutputFormat.parse(source[0]);
            if (format == null) {
                warnings.println("fastlog: unknown format '" + source[0] + "' (from " + source[1]
                        + "); expected json, console or auto; using json");
                format = OutputFormat.JSON;
            }
        }
        boolean onTerminal = toStdout && format != OutputFormat.JSON && terminal.getAsBoolean();
        if (format == OutputFormat.JSON || (format == OutputFormat.AUTO && !onTerminal)) {
            return JSON;
        }
        return new FormatChoice(true, color(properties, env, onTerminal, warnings));
    }

    private static boolean color(UnaryOperator<String> properties, UnaryOperator<String> env, boolean onTerminal,
                                 PrintStream warnings) {
        String[] source = setting(properties, env, "fastlog.color", "FASTLOG_COLOR");
        String mode = source == null ? "auto" : source[0].trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "always":
                return true;
            case "never":
                return false;
            case "auto":
                break;
            default:
                warnings.println("fastlog: unknown colour setting '" + source[0] + "' (from " + source[1]
                        + "); expected always, never or auto; using auto");
        }
        String noColor = env.apply("NO_COLOR");
        return onTerminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.apply("TERM"));
    }

    /** {value, where it came from}, or null if neither is set (blank counts as unset). */
    private static String[] setting(UnaryOperator<String> properties, UnaryOperator<String> env,
                                    String property, String variable) {
        String p = properties.apply(property);
        if (p != null && !p.isBlank()) {
            return new String[] {p, "-D" + property};
        }
        String e = env.apply(variable);
        return e != null && !e.isBlank() ? new String[] {e, variable} : null;
    }
}
