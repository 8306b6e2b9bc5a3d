package fastlog.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The same correlation through SLF4J (fastlog-slf4j is the SLF4J provider on this class path):
 * classic calls with arguments and exceptions, the fluent API, and MDC, on platform and virtual
 * threads.
 */
class Slf4jTraceCorrelationTest {

    private static SdkTracerProvider tracerProvider;
    private static InMemorySpanExporter exporter;
    private static Tracer tracer;
    private final org.slf4j.Logger slf4j = LoggerFactory.getLogger("otel.slf4j");

    @BeforeAll
    static void sdk() {
        exporter = InMemorySpanExporter.create();
        tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        tracer = tracerProvider.get("fastlog-otel-slf4j-test");
    }

    @AfterAll
    static void close() {
        tracerProvider.close();
        Fastlog.shutdown();
    }

    private void work(int t) {
        slf4j.info("outside {}", t);
        Span span = tracer.spanBuilder("slf4j-" + t).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            slf4j.info("classic {} {}", t, "arg");
            slf4j.warn("with exception", new IllegalStateException("boom"));
            slf4j.atInfo().addKeyValue("t", t).log("fluent");
            MDC.put("request_id", "r-" + t);
            try {
                slf4j.error("with mdc {}", t);
            } finally {
                MDC.remove("request_id");
            }
        } finally {
            span.end();
        }
        slf4j.info("outside again");
    }

    @Test
    void everySlf4jLineInsideASpanCarriesItsIds() throws Exception {
        Fastlog.setLevel(Level.INFO);
        Captured out = Captured.start();
        try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int t = 0; t < 40; t++) {
                int n = t;
                (t % 2 == 0 ? vts : pool).submit(() -> work(n));
            }
        }
        List<JsonNode> lines = out.lines();
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(40, spans.size());
        assertEquals(40 * 6, lines.size());
        int inside = 0;
        for (JsonNode line : lines) {
            String msg = line.path("msg").asText();
            if (msg.startsWith("outside")) {
                assertFalse(line.has("trace_id") || line.has("span_id"), line::toString);
                continue;
            }
            String traceId = line.path("trace_id").asText();
            SpanData span = spans.stream().filter(s -> s.getTraceId().equals(traceId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no span with the trace id of " + line));
            assertEquals(span.getSpanId(), line.path("span_id").asText(), line::toString);
            // The SDK's flags: sampled, and (W3C Trace Context level 2) random trace id: "03".
            assertEquals(span.getSpanContext().getTraceFlags().asHex(), line.path("trace_flags").asText(), line::toString);
            int t = Integer.parseInt(span.getName().substring("slf4j-".length()));
            if (msg.startsWith("classic") || msg.startsWith("with mdc")) {
                assertEquals(String.valueOf(t), msg.replaceAll("\\D+", " ").trim().split(" ")[0], line::toString);
            }
            if (msg.startsWith("with mdc")) {
                assertEquals("r-" + t, line.path("request_id").asText(), line::toString);
            }
            if (msg.equals("fluent")) {
                assertEquals(t, line.path("t").asInt(), line::toString);
            }
            inside++;
        }
        assertEquals(40 * 4, inside);
    }
}
