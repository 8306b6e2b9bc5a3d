package fastlog.ingest.generator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/**
 * Events inside and outside spans of the real OpenTelemetry SDK: a root and a child span on one
 * thread, a span on a virtual thread, a {@code Context.current().wrap(...)} hand-off to a pool
 * thread, and a thread started inside a span without the context (its lines carry no ids).
 * {@link Events} notes the span current at each event; the check compares each line with it.
 */
final class TraceEvents {

    private TraceEvents() {
    }

    static void log(Events ev) throws Exception {
        // without a span processor the SDK hands out no-op tracers (invalid span contexts)
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new DiscardingExporter())).build()) {
            Tracer tracer = provider.get("fastlog-ingest-check");
            ev.at("trace-outside").info("before any span");

            Span checkout = tracer.spanBuilder("checkout").startSpan();
            try (Scope ignored = checkout.makeCurrent()) {
                ev.at("trace-root").info("checkout started", "v_long", 1L);
                Span db = tracer.spanBuilder("db").startSpan();
                try (Scope inner = db.makeCurrent()) {
                    ev.at("trace-child").info("query", "v_long", 2L);
                    ev.at("trace-child").warn("slow query", "v_double", 950.5);
                    if (!ev.bindsTraceIds()) {
                        // a user key equal to the correlation field, inside a span: the span's id must win
                        ev.at("trace-child").info("user trace.id inside a span", "trace.id", "user-value");
                    }
                } finally {
                    db.end();
                }
                ev.at("trace-root").error("checkout failed", new IllegalStateException("declined"));
                // a thread started inside the span without its context: no ids
                Thread plain = Thread.ofVirtual().start(() -> ev.at("trace-not-propagated").info("no context here"));
                plain.join();
            } finally {
                checkout.end();
            }

            Thread vt = Thread.ofVirtual().start(() -> {
                Span span = tracer.spanBuilder("virtual").startSpan();
                try (Scope ignored = span.makeCurrent()) {
                    for (int i = 0; i < 3; i++) {
                        ev.at("trace-virtual").info("on a virtual thread", "v_long", i);
                    }
                } finally {
                    span.end();
                }
            });
            vt.join();

            Span handoff = tracer.spanBuilder("handoff").startSpan();
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try (Scope ignored = handoff.makeCurrent()) {
                ev.at("trace-handoff").info("before the hand-off");
                pool.submit(Context.current().wrap(() -> {
                    ev.at("trace-handoff").info("on the pool thread", "v_long", 1L);
                    ev.at("trace-handoff").info("still on the pool thread", "v_long", 2L);
                })).get();
            } finally {
                handoff.end();
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
            ev.at("trace-outside").info("after every span");
        }
    }

    /** Spans are only needed for their ids; nothing is exported. */
    private static final class DiscardingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
