package fastlog.internal.render.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import fastlog.api.OutputFormat;

/** Format and colour from code, properties, environment and the terminal, all injected. */
class FormatChoiceTest {

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    private FormatChoice choose(OutputFormat configured, boolean toStdout, Map<String, String> props,
                                Map<String, String> env, boolean terminal) {
        BooleanSupplier tty = () -> terminal;
        return FormatChoice.resolve(configured, toStdout, props::get, env::get, tty,
                new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }

    private static final FormatChoice CONSOLE_COLOR = new FormatChoice(true, true);
    private static final FormatChoice CONSOLE_PLAIN = new FormatChoice(true, false);

    @Test
    void jsonByDefaultEvenOnATerminal() {
        assertEquals(FormatChoice.JSON, choose(null, true, Map.of(), Map.of(), true));
    }

    @Test
    void environmentAndPropertySelectTheFormatPropertyFirst() {
        assertEquals(CONSOLE_COLOR, choose(null, true, Map.of(), Map.of("FASTLOG_FORMAT", "console"), true));
        assertEquals(CONSOLE_PLAIN, choose(null, true, Map.of(), Map.of("FASTLOG_FORMAT", "CONSOLE"), false));
        assertEquals(FormatChoice.JSON, choose(null, true, Map.of("fastlog.format", "json"),
                Map.of("FASTLOG_FORMAT", "console"), true));
        assertEquals(CONSOLE_COLOR, choose(null, true, Map.of("fastlog.format", " console "), Map.of(), true));
    }

    @Test
    void codeWinsOverPropertyAndEnvironment() {
        assertEquals(FormatChoice.JSON, choose(OutputFormat.JSON, true, Map.of("fastlog.format", "console"),
                Map.of("FASTLOG_FORMAT", "console"), true));
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, false, Map.of("fastlog.format", "json"), Map.of(), true));
    }

    @Test
    void autoIsConsoleOnlyOnAStdoutTerminal() {
        Map<String, String> auto = Map.of("FASTLOG_FORMAT", "auto");
        assertEquals(CONSOLE_COLOR, choose(null, true, Map.of(), auto, true));
        assertEquals(FormatChoice.JSON, choose(null, true, Map.of(), auto, false));
        assertEquals(FormatChoice.JSON, choose(null, false, Map.of(), auto, true)); // output(stream)
        assertEquals(FormatChoice.JSON, choose(OutputFormat.AUTO, true, Map.of(), Map.of(), false));
    }

    @Test
    void noColorWithAnyNonEmptyValueTurnsColourOff() {
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, true, Map.of(), Map.of("NO_COLOR", "1"), true));
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, true, Map.of(), Map.of("NO_COLOR", "false"), true));
        assertEquals(CONSOLE_COLOR, choose(OutputFormat.CONSOLE, true, Map.of(), Map.of("NO_COLOR", ""), true));
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, true, Map.of(), Map.of("TERM", "dumb"), true));
    }

    @Test
    void colourNeedsATerminalUnlessForced() {
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, true, Map.of(), Map.of(), false));
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, false, Map.of(), Map.of(), true));
        assertEquals(CONSOLE_COLOR, choose(OutputFormat.CONSOLE, false, Map.of(),
                Map.of("FASTLOG_COLOR", "always", "NO_COLOR", "1"), false));
        assertEquals(CONSOLE_PLAIN, choose(OutputFormat.CONSOLE, true, Map.of("fastlog.color", "never"),
                Map.of("FASTLOG_COLOR", "always"), true));
    }

    @Test
    void theTerminalIsNotAskedWhenTheFormatIsJson() {
        BooleanSupplier fails = () -> {
            throw new AssertionError("asked");
        };
        FormatChoice c = FormatChoice.resolve(null, true, k -> null, k -> null, fails, System.err);
        assertEquals(FormatChoice.JSON, c);
    }

    @Test
    void badValuesAreReportedOnceAndIgnored() {
        assertEquals(FormatChoice.JSON, choose(null, true, Map.of(), Map.of("FASTLOG_FORMAT", "pretty"), true));
        String w = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(w.contains("unknown format 'pretty' (from FASTLOG_FORMAT)"), w);
        assertEquals(1, w.lines().count(), w);
        warnings.reset();
        assertEquals(CONSOLE_COLOR, choose(OutputFormat.CONSOLE, true, Map.of("fastlog.color", "sometimes"), Map.of(), true));
        assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("-Dfastlog.color"));
        assertFalse(OutputFormat.parse("pretty") != null);
    }
}
