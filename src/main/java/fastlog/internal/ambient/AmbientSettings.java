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

    /** Nothing captured besides the fields, no trace provider looked for. */
    public static final AmbientSettings NONE = new AmbientSettings(null, false, false, false);

    /**
     * Trace-provider discovery as the environment sets it: on, unless {@code -Dfastlog.traceProvider}
     * / {@code FASTLOG_TRACE_PROVIDER} is {@code none} (a class name chooses among several:
     * {@link TraceProviders}). The thread-name and caller settings come from the settings table
     * ({@code fastlog.internal.config.Options}), like every other option.
     */
    public static AmbientSettings fromEnvironment() {
        return new AmbientSettings(null, !"none".equalsIgnoreCase(setting("traceProvider")), false, false);
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
}
