/**
 * fastlog: structured JSON logging for Java 21+, built for virtual threads.
 *
 * <p>Only {@code fastlog.api} is exported; everything else is an implementation detail.
 * The module needs only {@code java.base}. {@code java.management} is optional: it is used for the
 * JMX MBean when that is turned on ({@code fastlog.jmx=true}) and the module is present. It uses the
 * service {@link fastlog.api.TraceContextProvider}, which {@code fastlog-otel} provides.
 */
module fastlog {
    requires static java.management;

    exports fastlog.api;

    // Trace ids for each event, e.g. from fastlog-otel (see TraceContextProvider).
    uses fastlog.api.TraceContextProvider;
}
