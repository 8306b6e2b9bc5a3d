/**
 * An example service whose every log line goes through fastlog. It needs fastlog.jdk for the
 * one-call java.util.logging installer; fastlog.slf4j is not required: SLF4J finds it as a
 * service provider when its jar is on the path.
 */
module fastlog.serviceexample {
    requires fastlog;
    requires fastlog.jdk;
    requires org.slf4j;
    requires org.eclipse.jetty.server;
    requires java.logging;
    requires java.net.http;
}
