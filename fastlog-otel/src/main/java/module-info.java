/**
 * fastlog-otel: OpenTelemetry trace correlation for fastlog. Put the jar beside
 * {@code opentelemetry-api}: fastlog finds the provider with {@code ServiceLoader} (module path:
 * the {@code provides} below; class path: {@code META-INF/services}), and every event logged
 * while an OpenTelemetry span is current carries its {@code trace_id}, {@code span_id} and
 * {@code trace_flags}. Applications need not require this module.
 */
module fastlog.otel {
    requires fastlog;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports fastlog.otel;

    provides fastlog.api.TraceContextProvider with fastlog.otel.OtelTraceContextProvider;
}
