package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fastlog.testapps.PrintLevels;

/**
 * The console format through the real pipeline: chosen by {@code configure().format},
 * {@code -Dfastlog.format} and {@code -Dfastlog.color}, the code's choice winning; every event
 * written once, in the layout the golden tests pin down (ConsoleRendererTest), from many threads.
 */
class ConsoleFormatTest {

    /** Time, padded level, logger, message, fields. */
    private static final Pattern LINE = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) (TRACE|DEBUG|INFO |WARN |ERROR) (\\S+) - (.*)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.clearProperty("fastlog.format");
        System.clearProperty("fastlog.color");
        Fastlog.shutdown();
    }

    private List<String> lines() {
        Fastlog.flush();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), text);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    private void start(OutputFormat format) {
        Fastlog.shutdown();
        Configuration c = Fastlog.configure().output(out);
        if (format != null) {
            c.format(format);
        }
        c.apply();
    }

    @Test
    void configuredConsoleWritesReadableLines() {
        start(OutputFormat.CONSOLE);
        Fastlog.logger("api.test").info("user login", "user_id", 48213, "name", "Ada Lovelace", "roles", List.of("a", "b"));
        List<String> lines = lines();
        assertEquals(1, lines.size(), lines::toString);
        Matcher m = LINE.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        assertEquals("INFO ", m.group(2));
        assertEquals("api.test", m.group(3));
        assertEquals("user login user_id=48213 name=\"Ada Lovelace\" roles=[\"a\",\"b\"]", m.group(4));
        assertFalse(lines.get(0).contains("\u001b"), "no colour: the output is not a terminal");
    }

    @Test
    void threadNameAndCallerAppearAsPairsBeforeTheFields() throws Exception {
        Fastlog.shutdown();
        Fastlog.configure().output(out).format(OutputFormat.CONSOLE).threadName(true).callerLocation(true)
                .traceContextProvider(null).apply();
        Thread t = new Thread(() -> Fastlog.logger("api.test").info("served", "status", 200), "worker-3");
        t.start();
        t.join();
        List<String> lines = lines();
        assertEquals(1, lines.size(), lines::toString);
        Matcher m = LINE.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        assertTrue(m.group(4).matches("served thread=worker-3 caller=fastlog\\.api\\.ConsoleFormatTest\\.\\S+:\\d+ status=200"),
                m.group(4));
    }

    @Test
    void propertySelectsConsoleAndForcedColour() {
        System.setProperty("fastlog.format", "console");
        System.setProperty("fastlog.color", "always");
        start(null);
        Fastlog.logger("p").warn("slow", "ms", 950);
        String line = lines().get(0);
        assertTrue(line.matches("\u001b\\[2m\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\u001b\\[0m \u001b\\[33mWARN\u001b\\[0m  "
                + "\u001b\\[36mp\u001b\\[0m - slow \u001b\\[2mms=\u001b\\[0m950"), line);
    }

    @Test
    void theCodesChoiceWinsOverTheProperty() throws Exception {
        System.setProperty("fastlog.format", "console");
        start(OutputFormat.JSON);
        Fastlog.logger("p").info("m", "k", 1);
        String line = lines().get(0);
        assertEquals(1, CapturedLog.JSON.readTree(line).get("k").asInt(), line);
    }

    @Test
    void jsonStaysTheDefault() throws Exception {
        start(null);
        Fastlog.logger("p").info("m");
        assertEquals("m", CapturedLog.JSON.readTree(lines().get(0)).get("msg").asText());
    }

    @Test
    void autoIsJsonWhenTheOutputIsNotStdout() throws Exception {
        start(OutputFormat.AUTO);
        Fastlog.logger("p").info("m");
        assertEquals("m", CapturedLog.JSON.readTree(lines().get(0)).get("msg").asText());
    }

    @Test
    void exceptionsScopedContextAndBoundFieldsAppear() {
        start(OutputFormat.CONSOLE);
        IllegalStateException e = new IllegalStateException("declined\nERROR forged line");
        e.initCause(new java.io.IOException("timeout"));
        LogContext.where("request_id", "r-9").run(() ->
                Fastlog.logger("pay").with("tenant", "acme").error("payment failed", e));
        List<String> lines = lines();
        assertTrue(LINE.matcher(lines.get(0)).matches(), lines.get(0));
        assertTrue(lines.get(0).endsWith(" - payment failed request_id=r-9 tenant=acme"), lines.get(0));
        assertEquals("    java.lang.IllegalStateException: declined\\nERROR forged line", lines.get(1));
        assertTrue(lines.get(2).startsWith("        at ") && lines.get(2).contains("ConsoleFormatTest.exceptionsScoped"), lines.get(2));
        assertTrue(lines.contains("    Caused by: java.io.IOException: timeout"), lines::toString);
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.startsWith("    "), "continuation lines are indented: " + l);
        }
    }

    @Test
    void everyEventFromManyThreadsIsOneLine() throws Exception {
        start(OutputFormat.CONSOLE);
        int threads = 8;
        int each = 500;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int id = t;
                pool.submit(() -> {
                    Logger log = Fastlog.logger("t" + id);
                    for (int i = 0; i < each; i++) {
                        log.info("event\r\nforged", "i", i, "m", Map.of("k", "v\u001b"));
                    }
                });
            }
        }
        List<String> lines = lines();
        assertEquals(threads * each, lines.size());
        List<Integer> next = new ArrayList<>(java.util.Collections.nCopies(threads, 0));
        Pattern fields = Pattern.compile("event\\\\r\\\\nforged i=(\\d+) m=\\{\"k\":\"v\\\\u001b\"}");
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            int thread = Integer.parseInt(m.group(3).substring(1));
            Matcher f = fields.matcher(m.group(4));
            assertTrue(f.matches(), line);
            assertEquals(next.get(thread), Integer.parseInt(f.group(1)), "per-thread order");
            next.set(thread, next.get(thread) + 1);
        }
    }

    @TempDir
    Path dir;

    private ChildJvm.Result child(List<String> jvmArgs, Map<String, String> env) throws Exception {
        ChildJvm.Result r = ChildJvm.run(dir, PrintLevels.class, jvmArgs, env);
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    @Test
    void theEnvironmentChoosesTheFormatOfAFreshProcess() throws Exception {
        // FASTLOG_FORMAT read at the first event (no configure() call); stdout is a file here.
        ChildJvm.Result console = child(List.of(), Map.of("FASTLOG_FORMAT", "console"));
        String text = new String(console.stdout(), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\n"));
        assertEquals(3, lines.size(), text);
        assertTrue(LINE.matcher(lines.get(0)).matches() && lines.get(0).endsWith(" INFO  levels - info"), text);
        assertFalse(text.contains("\u001b"), "stdout is not a terminal: no colour");
        // auto on a file is JSON; a property beats the variable; a bad value is reported and means JSON.
        assertEquals(3, CapturedLog.parse(child(List.of(), Map.of("FASTLOG_FORMAT", "auto")).stdout()).size());
        ChildJvm.Result property = child(List.of("-Dfastlog.format=console", "-Dfastlog.color=always"),
                Map.of("FASTLOG_FORMAT", "json"));
        assertTrue(new String(property.stdout(), StandardCharsets.UTF_8).contains("\u001b[1;31mERROR\u001b[0m"));
        ChildJvm.Result bad = child(List.of(), Map.of("FASTLOG_FORMAT", "fancy"));
        assertEquals(3, CapturedLog.parse(bad.stdout()).size());
        assertTrue(bad.stderr().contains("fastlog: unknown format 'fancy' (from FASTLOG_FORMAT)"), bad.stderr());
    }
}
