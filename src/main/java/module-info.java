/**
 * fastlog: structured JSON logging for Java 21+, built for virtual threads.
 *
 * <p>Only {@code fastlog.api} is exported; everything else is an implementation detail.
 * The module needs only {@code java.base}. {@code java.management} is optional: it is used for the
 * JMX MBean when that is turned on ({@code fastlog.jmx=true}) and the module is present.
 */
module fastlog {
    requires static java.management;

    exports fastlog.api;
}
