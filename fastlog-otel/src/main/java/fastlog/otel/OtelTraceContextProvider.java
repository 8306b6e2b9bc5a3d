package fastlog.otel;

import fastlog.api.TraceContextProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * fastlog's trace context from OpenTelemetry: the current span of the logging thread's current
 * {@code io.opentelemetry.context.Context}, as {@code Span.current().getSpanContext()} gives it.
 * Found by fastlog with {@code ServiceLoader}; nothing to configure.
 *
 * <p>The token is the span's {@link SpanContext}, an immutable value the span holds from its
 * start: the logging thread only looks it up (a ThreadLocal read inside OpenTelemetry's default
 * context storage, and a map lookup in the context), allocating nothing, whether a span is current
 * or not; the writer thread reads its ids later. A context with no span, or with an invalid one
 * (a propagated all-zero context), gives no trace fields.
 */
public final class OtelTraceContextProvider implements TraceContextProvider<SpanContext> {

    /** For {@code ServiceLoader}. */
    public OtelTraceContextProvider() {
    }

    @Override
    public SpanContext current() {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid() ? c : null;
    }

    @Override
    public String traceId(SpanContext span) {
        return span.getTraceId();
    }

    @Override
    public String spanId(SpanContext span) {
        return span.getSpanId();
    }

    @Override
    public int traceFlags(SpanContext span) {
        return span.getTraceFlags().asByte();
    }
}
