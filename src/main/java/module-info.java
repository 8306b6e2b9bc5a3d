/**
 * fastlog: structured JSON logging for Java 21+, built for virtual threads.
 *
 * <p>Only {@code fastlog.api} is exported; everything else is an implementation detail.
 * The module has no dependencies beyond {@code java.base}; it uses the service
 * {@link fastlog.api.TraceContextProvider}, which {@code fastlog-otel} provides.
 */
module fastlog {
    exports fastlog.api;

    // Trace ids for each event, e.g. from fastlog-otel (see TraceContextProvider).
    uses fastlog.api.TraceContextProvider;
}
