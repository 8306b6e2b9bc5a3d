package fastlog.internal.ambient;

import java.io.PrintStream;
import java.util.Locale;

import fastlog.api.TraceContextProvider;

/**
 * Which ambient fields a pipeline captures on the logging thread.
 *
 * @param traceProvider the trace context provider given to the configuration, or null
 * @param discoverTraceProvider with no provider given: whether to use the one found by
 *                              {@link TraceProviders} (false: no trace fields)
 * @param threadName capture the logging thread's name
 * @param callerLocation capture the caller's class, method, file and line ({@link CallerLocation})
 */
public record AmbientSettings(TraceContextProvider<?> traceProvider, boolean discoverTraceProvider,
                              boolean threadName, boolean callerLocation) {

    /**
     * The settings from the environment: {@code -Dfastlog.threadName} / {@code FASTLOG_THREAD_NAME}
     * and {@code -Dfastlog.callerLocation} / {@code FASTLOG_CALLER_LOCATION} ({@code true} or
     * {@code false}, default false); {@code -Dfastlog.traceProvider} / {@code FASTLOG_TRACE_PROVIDER}
     * {@code none} turns discovery off (a class name chooses among several: {@link TraceProviders}).
     * A system property wins over the environment variable.
     */
    public static AmbientSettings fromEnvironment() {
        return new AmbientSettings(null, !"none".equalsIgnoreCase(setting("traceProvider")),
                flag("threadName"), flag("callerLocation"));
    }

    /** The provider for a pipeline built from these settings, or null for no trace fields. */
    public TraceContextProvider<?> provider(PrintStream errors) {
        if (traceProvider != null) {
            return traceProvider;
        }
        return discoverTraceProvider ? TraceProviders.discovered(setting("traceProvider"), errors) : null;
    }

    /** {@code -Dfastlog.<key>}, else {@code FASTLOG_<KEY>} (camel case to upper snake case), else null. */
    static String setting(String key) {
        String fromProperty = System.getProperty("fastlog." + key);
        return fromProperty != null ? fromProperty : System.getenv("FASTLOG_" + key.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
    }

    private static boolean flag(String key) {
        String v = setting(key);
        if (v == null || v.isBlank()) {
            return false;
        }
        if (v.trim().equalsIgnoreCase("true") || v.trim().equalsIgnoreCase("false")) {
            return v.trim().equalsIgnoreCase("true");
        }
        System.err.println("fastlog: fastlog." + key + " must be true or false, not '" + v + "'; using false");
        return false;
    }
}
