package fastlog.ingest.generator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import fastlog.api.Fastlog;
import fastlog.api.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Hands out one logger per event, bound with the event's case name ({@code ingest_case}) and a
 * sequence number ({@code ingest_seq}); each logger returned must log exactly one event. It also
 * notes, per sequence number, the span that was current when the event was logged: that is what
 * the line's {@code trace.id}/{@code span.id} must say.
 */
final class Events {

    /** Documented OpenSearch limits (docs/ingestion-check.md): these lines may be rejected. */
    static final String LIMIT_PREFIX = "limit:";

    private final AtomicLong seq = new AtomicLong();
    private final Map<Long, SpanContext> traced = new ConcurrentHashMap<>();
    private final boolean bindTraceIds;

    /**
     * @param bindTraceIds true when no fastlog trace provider is present ({@code --trace fields}):
     *     the generator then binds the current span's ids itself, under the ECS names
     */
    Events(boolean bindTraceIds) {
        this.bindTraceIds = bindTraceIds;
    }

    Logger at(String caseName) {
        return at(caseName, "ingest");
    }

    Logger at(String caseName, String loggerName) {
        long n = seq.incrementAndGet();
        Logger log = Fastlog.logger(loggerName).with("ingest_case", caseName).with("ingest_seq", n);
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            traced.put(n, span);
            if (bindTraceIds) {
                log = log.with("trace.id", span.getTraceId()).with("span.id", span.getSpanId());
            }
        }
        return log;
    }

    /** True when the generator binds the ids itself (no fastlog trace provider). */
    boolean bindsTraceIds() {
        return bindTraceIds;
    }

    long count() {
        return seq.get();
    }

    Map<Long, SpanContext> traced() {
        return traced;
    }
}
