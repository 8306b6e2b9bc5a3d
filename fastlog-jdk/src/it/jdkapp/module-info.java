/**
 * The application of fastlog-jdk's child-JVM tests (ChildJvmIT). It knows nothing of fastlog: it
 * logs through java.util.logging (configured by logging.properties) and System.Logger, and makes
 * the JDK's HttpClient log through System.Logger. Run on the module path as a module and on the
 * class path as plain classes.
 */
module jdkapp {
    requires transitive java.logging; // DropSecrets, exported, is a java.util.logging.Filter
    requires java.net.http;
    requires jdk.httpserver;

    // LogManager instantiates the Filter named in logging.properties reflectively.
    exports jdkapp;
}
