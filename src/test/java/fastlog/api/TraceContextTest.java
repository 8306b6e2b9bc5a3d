package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Trace correlation with a fake {@link TraceContextProvider} given to the configuration: which
 * lines carry trace fields, through every logging path, and that a broken provider never breaks a
 * line or reaches the caller. (Discovery with ServiceLoader: {@code TraceProviderDiscoveryTest};
 * the real OpenTelemetry SDK: fastlog-otel's tests.)
 */
class TraceContextTest {

    private static final FakeTraceProvider.Span SPAN =
            new FakeTraceProvider.Span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 1);

    private final Logger log = Fastlog.logger("test.trace");
    private final FakeTraceProvider fake = new FakeTraceProvider();
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureStderr() {
        Fastlog.setLevel(Level.INFO);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)); // the pipeline takes System.err at apply()
    }

    @AfterEach
    void restore() {
        fake.deactivate();
        Fastlog.shutdown();
        System.setErr(realErr);
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    private static void assertSpan(JsonNode line, String traceId, String spanId, String flags) {
        assertEquals(traceId, line.path("trace_id").asText(null), line::toString);
        assertEquals(spanId, line.path("span_id").asText(null), line::toString);
        assertEquals(flags, line.path("trace_flags").asText(null), line::toString);
    }

    private static void assertNoTraceFields(JsonNode line) {
        assertFalse(line.has("trace_id") || line.has("span_id") || line.has("trace_flags"), line::toString);
    }

    @Test
    void linesInsideASpanCarryItsIdsRightAfterTheMessageAndLinesOutsideCarryNone() {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake));
        log.info("before");
        fake.activate(SPAN);
        log.info("inside", "n", 1);
        fake.deactivate();
        log.info("after");
        List<JsonNode> lines = out.lines();
        assertNoTraceFields(lines.get(0));
        assertSpan(lines.get(1), SPAN.traceId(), SPAN.spanId(), "01");
        assertEquals(List.of("ts", "level", "logger", "msg", "trace_id", "span_id", "trace_flags", "n"),
                fieldNames(lines.get(1)));
        assertNoTraceFields(lines.get(2));
    }

    @Test
    void everyLoggingPathCarriesTheIds() {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake));
        fake.activate(new FakeTraceProvider.Span("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", 0));
        log.info("no fields");
        log.info("one", "a", 1L);
        log.info("two", "a", 1.5, "b", "x");
        log.info("three", "a", 1, "b", 2, "c", 3);
        log.info("pairs", "a", 1, "b", 2, "c", 3, "d", Map.of("k", "v"));
        log.info("mutable pairs", "a", new StringBuilder("sb"));
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "pattern {} {}", "x", 2, null);
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "pattern {}", new Object[] {"x"}, new IllegalStateException("boom"));
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "tags {}", new Object[] {"x"}, null, new String[] {"t"},
                new Object[] {"k", "v"});
        ThreadFields.put("request_id", "r-1");
        try {
            log.info("with per-thread fields", "a", 1);
        } finally {
            ThreadFields.clear();
        }
        List<JsonNode> lines = out.lines();
        assertEquals(10, lines.size());
        for (JsonNode line : lines) {
            assertSpan(line, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "00");
        }
        assertEquals("r-1", lines.get(9).path("request_id").asText());
    }

    @Test
    void flagsAreTwoLowercaseHexDigits() {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake));
        for (int flags : new int[] {0, 1, 0x0a, 0xff, 0x1ff}) {
            fake.activate(new FakeTraceProvider.Span("t", "s", flags));
            log.info("flags");
        }
        List<String> got = out.lines().stream().map(l -> l.path("trace_flags").asText()).toList();
        assertEquals(List.of("00", "01", "0a", "ff", "ff"), got);
    }

    @Test
    void aUserKeyNamedLikeATraceFieldIsRenamedNotDuplicated() {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake));
        fake.activate(SPAN);
        log.with("span_id", "bound").info("collide", "trace_id", "mine");
        JsonNode line = out.only(); // CapturedLog rejects duplicate keys
        assertSpan(line, SPAN.traceId(), SPAN.spanId(), "01");
        assertEquals("mine", line.path("_trace_id").asText());
        assertEquals("bound", line.path("_span_id").asText());
    }

    @Test
    void withoutAProviderNoLineCarriesTraceFieldsAndUserKeysKeepTheirNames() {
        // No provider on this test's module path: discovery finds none.
        CapturedLog out = CapturedLog.start();
        log.info("plain", "trace_id", "mine");
        JsonNode line = out.only();
        assertEquals("mine", line.path("trace_id").asText());
        assertFalse(line.has("span_id") || line.has("_trace_id"), line::toString);
    }

    @Test
    void aNullProviderTurnsTraceFieldsOffAndTheProviderIsNeverCalled() {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake).traceContextProvider(null));
        fake.activate(SPAN);
        log.info("off");
        assertNoTraceFields(out.only());
        assertEquals(0, fake.currentCalls);
    }

    @Test
    void aProviderThatThrowsOnTheLoggingThreadGivesValidLinesAndOneReport() {
        TraceContextProvider<Object> throwing = new Throwing(true, false);
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(throwing));
        for (int i = 0; i < 5; i++) {
            log.info("still logged", "i", i);
        }
        List<JsonNode> lines = out.lines();
        assertEquals(5, lines.size());
        lines.forEach(TraceContextTest::assertNoTraceFields);
        String report = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, report.lines().filter(l -> l.contains("trace context provider")).count(), report);
        assertTrue(report.contains(Throwing.class.getName() + ".current() threw java.lang.IllegalStateException: no context"),
                report);
    }

    @Test
    void aProviderWhoseAccessorsThrowOnTheWriterGivesValidLinesWithoutThoseFields() {
        TraceContextProvider<Object> throwing = new Throwing(false, true);
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(throwing));
        log.info("one");
        log.info("two");
        List<JsonNode> lines = out.lines();
        assertEquals(2, lines.size());
        for (JsonNode line : lines) {
            assertFalse(line.has("trace_id"), line::toString);
            assertEquals("00f067aa0ba902b7", line.path("span_id").asText(), line::toString);
            assertEquals("01", line.path("trace_flags").asText(), line::toString);
        }
        String report = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, report.lines().filter(l -> l.contains("trace context provider")).count(), report);
        assertTrue(report.contains(".traceId() threw java.lang.UnsupportedOperationException"), report);
    }

    @Test
    void idsThatAreNotHexStillGiveValidJsonAndANullIdLeavesItsFieldOut() {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake));
        fake.activate(new FakeTraceProvider.Span("quote\" back\\ nl\n \u2028 \ud800", null, 1));
        log.info("odd ids");
        JsonNode line = out.only();
        assertEquals("quote\" back\\ nl\n \u2028 \ufffd", line.path("trace_id").asText());
        assertFalse(line.has("span_id"), line::toString);
        assertEquals("01", line.path("trace_flags").asText());
    }

    @Test
    void eachThreadGetsItsOwnSpan() throws Exception {
        CapturedLog out = CapturedLog.start(c -> c.traceContextProvider(fake));
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            String id = String.format("%032x", t + 1);
            threads[t] = Thread.ofVirtual().start(() -> {
                fake.activate(new FakeTraceProvider.Span(id, id.substring(16), 1));
                for (int i = 0; i < 50; i++) {
                    log.info("vt", "trace", id);
                }
                fake.deactivate();
                log.info("vt done", "trace", id);
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        List<JsonNode> lines = out.lines();
        assertEquals(8 * 51, lines.size());
        for (JsonNode line : lines) {
            if (line.path("msg").asText().equals("vt")) {
                assertSpan(line, line.path("trace").asText(), line.path("trace").asText().substring(16), "01");
            } else {
                assertNoTraceFields(line);
            }
        }
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Throws from current() or from traceId(), as told. */
    private record Throwing(boolean inCurrent, boolean inTraceId) implements TraceContextProvider<Object> {
        @Override
        public Object current() {
            if (inCurrent) {
                throw new IllegalStateException("no context");
            }
            return SPAN;
        }

        @Override
        public String traceId(Object span) {
            if (inTraceId) {
                throw new UnsupportedOperationException("no id");
            }
            return SPAN.traceId();
        }

        @Override
        public String spanId(Object span) {
            return SPAN.spanId();
        }

        @Override
        public int traceFlags(Object span) {
            return SPAN.flags();
        }
    }
}
