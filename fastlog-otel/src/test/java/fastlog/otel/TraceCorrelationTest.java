package fastlog.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Trace correlation with the real OpenTelemetry SDK: spans made by an {@link SdkTracerProvider},
 * exported to memory; fastlog finds {@link OtelTraceContextProvider} itself (META-INF/services on
 * this class path). Every line names the span it was logged in ({@code "in"}, or nothing), and
 * must carry exactly that exported span's trace id, span id and flags; lines outside any span
 * carry none.
 */
class TraceCorrelationTest {

    private static SdkTracerProvider tracerProvider;
    private static InMemorySpanExporter exporter;
    private static Tracer tracer;

    private final Logger log = Fastlog.logger("otel.test");
    private Captured out;

    @BeforeAll
    static void sdk() {
        exporter = InMemorySpanExporter.create();
        tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        tracer = tracerProvider.get("fastlog-otel-test");
    }

    @AfterAll
    static void closeSdk() {
        tracerProvider.close();
        Fastlog.shutdown();
    }

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        exporter.reset();
        out = Captured.start();
    }

    @AfterEach
    void stop() {
        Fastlog.shutdown();
    }

    /** Checks each line against the exported span its "in" field names; returns how many were inside one. */
    private static int assertEveryLineCarriesItsSpan(List<JsonNode> lines, List<SpanData> spans) {
        Map<String, SpanData> byName = new HashMap<>();
        for (SpanData s : spans) {
            assertTrue(s.getSpanContext().isValid());
            assertEquals(null, byName.put(s.getName(), s), "span names are unique in these tests");
        }
        int inside = 0;
        for (JsonNode line : lines) {
            JsonNode in = line.get("in");
            if (in == null) {
                assertFalse(line.has("trace_id") || line.has("span_id") || line.has("trace_flags"),
                        () -> "outside any span, yet: " + line);
                continue;
            }
            SpanData span = byName.get(in.asText());
            assertNotNull(span, () -> "no exported span named " + in + " for " + line);
            assertEquals(span.getTraceId(), line.path("trace_id").asText(null), line::toString);
            assertEquals(span.getSpanId(), line.path("span_id").asText(null), line::toString);
            assertEquals(span.getSpanContext().getTraceFlags().asHex(), line.path("trace_flags").asText(null),
                    line::toString);
            inside++;
        }
        return inside;
    }

    /** Logs "outside", then, in a new span (a child of the current one, if any), "inside" lines and a nested span's line. */
    private void work(String name, int linesInside) {
        log.info("outside", "task", name);
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            for (int i = 0; i < linesInside; i++) {
                log.info("inside", "in", name, "i", i);
            }
            Span child = tracer.spanBuilder(name + "/child").startSpan();
            try (Scope alsoIgnored = child.makeCurrent()) {
                log.warn("in child", "in", name + "/child");
            } finally {
                child.end();
            }
            log.info("back in parent", "in", name);
        } finally {
            span.end();
        }
        log.info("outside again", "task", name);
    }

    @Test
    void spansOnPlatformThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String name = "platform-" + t;
                done.add(pool.submit(() -> work(name, 20)));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        List<JsonNode> lines = out.lines();
        assertEquals(16 * 24, lines.size());
        assertEquals(16 * 22, assertEveryLineCarriesItsSpan(lines, exporter.getFinishedSpanItems()));
    }

    @Test
    void spansOnVirtualThreads() throws Exception {
        try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 500; t++) {
                String name = "virtual-" + t;
                vts.submit(() -> {
                    work(name, 3);
                    Thread.yield(); // let the carrier run another virtual thread in between
                    return null;
                });
            }
        }
        List<JsonNode> lines = out.lines();
        assertEquals(500 * 7, lines.size());
        assertEquals(500 * 5, assertEveryLineCarriesItsSpan(lines, exporter.getFinishedSpanItems()));
    }

    @Test
    void aContextWrappedTaskCarriesTheSpanToAnotherThreadAndAnUnwrappedOneDoesNot() throws Exception {
        ExecutorService platform = Executors.newSingleThreadExecutor();
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Span span = tracer.spanBuilder("handed-off").startSpan();
            Runnable wrapped;
            Runnable plain;
            try (Scope ignored = span.makeCurrent()) {
                log.info("submitting", "in", "handed-off");
                wrapped = Context.current().wrap(() -> log.info("in the task", "in", "handed-off",
                        "thread", Thread.currentThread().isVirtual() ? "virtual" : "platform"));
                plain = () -> log.info("not wrapped");
            } finally {
                span.end();
            }
            // The span has ended and its scope is closed here: only the wrapper carries its context.
            platform.submit(wrapped).get(60, TimeUnit.SECONDS);
            virtual.submit(wrapped).get(60, TimeUnit.SECONDS);
            platform.submit(plain).get(60, TimeUnit.SECONDS);
            virtual.submit(plain).get(60, TimeUnit.SECONDS);
            log.info("after");
        } finally {
            platform.shutdown();
            virtual.close();
        }
        List<JsonNode> lines = out.lines();
        assertEquals(6, lines.size());
        assertEquals(3, assertEveryLineCarriesItsSpan(lines, exporter.getFinishedSpanItems()));
        assertEquals("platform", lines.get(1).path("thread").asText());
        assertEquals("virtual", lines.get(2).path("thread").asText());
    }

    @Test
    void anInvalidOrRemoteSpanContext() {
        // A propagated context that is not valid (all zeros) gives no trace fields; a valid remote
        // parent's ids are those of the remote span.
        SpanContext invalid = SpanContext.getInvalid();
        try (Scope ignored = Span.wrap(invalid).makeCurrent()) {
            log.info("invalid context");
        }
        SpanContext remote = SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(remote).makeCurrent()) {
            log.info("remote context");
        }
        List<JsonNode> lines = out.lines();
        assertFalse(lines.get(0).has("trace_id"), lines.get(0)::toString);
        assertEquals("0af7651916cd43dd8448eb211c80319c", lines.get(1).path("trace_id").asText());
        assertEquals("b7ad6b7169203331", lines.get(1).path("span_id").asText());
        assertEquals("01", lines.get(1).path("trace_flags").asText());
    }

    @Test
    void anUnsampledSpanStillCorrelatesWithFlags00() {
        SpanContext unsampled = SpanContext.create("5bf92f3577b34da6a3ce929d0e0e4737", "10f067aa0ba902b8",
                TraceFlags.getDefault(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(unsampled).makeCurrent()) {
            log.info("unsampled");
        }
        JsonNode line = out.lines().get(0);
        assertEquals("5bf92f3577b34da6a3ce929d0e0e4737", line.path("trace_id").asText(), line::toString);
        assertEquals("10f067aa0ba902b8", line.path("span_id").asText());
        assertEquals("00", line.path("trace_flags").asText());
    }
}
