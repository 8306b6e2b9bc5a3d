package fastlog.jdk;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code System.LoggerFinder} that makes {@code System.getLogger(name)} log through fastlog,
 * for the application and for the JDK's own code (for example {@code jdk.httpclient.HttpClient}).
 * The JDK finds it as a service (module {@code fastlog.jdk} provides it; on the class path,
 * {@code META-INF/services}): putting the jar on the module path or the class path is enough.
 *
 * <p>LevelMapping: ALL and TRACE become TRACE, DEBUG DEBUG, INFO INFO, WARNING WARN, ERROR ERROR; OFF
 * is never loggable. {@code isLoggable} is one fastlog level check. Messages, resource bundles
 * ({@code System.getLogger(name, bundle)}), {@code {0}} parameters and Throwables are handled as
 * {@link FastlogHandler} handles them; the logger name is kept; the caller's module is not used.
 */
public final class FastlogLoggerFinder extends System.LoggerFinder {

    private final ConcurrentHashMap<String, FastlogSystemLogger> loggers = new ConcurrentHashMap<>();

    /** Called by the JDK's service loader; does nothing else (it may run early in JVM start-up). */
    public FastlogLoggerFinder() {
    }

    /**
     * The logger with this name (one instance per name).
     *
     * @throws NullPointerException if {@code name} or {@code module} is null, as specified
     */
    @Override
    public System.Logger getLogger(String name, Module module) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        FastlogSystemLogger logger = loggers.get(name);
        return logger != null ? logger : loggers.computeIfAbsent(name, FastlogSystemLogger::new);
    }
}
