package fastlog.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import fastlog.internal.config.ExternalSettings;
import fastlog.internal.jmx.Jmx;
import fastlog.internal.level.LevelRegistry;
import fastlog.internal.pipeline.EventAppender;
import fastlog.internal.pipeline.Pipeline;
import fastlog.internal.pipeline.PipelineConfig;
import fastlog.internal.record.LoggerCore;

/**
 * Entry point: loggers, levels, flush, shutdown, statistics and configuration.
 *
 * <pre>{@code
 * private static final Logger log = Fastlog.logger(Checkout.class);
 * log.info("order placed", "order_id", id, "items", n, "total", 99.5);
 * }</pre>
 *
 * <p>The logging system starts on the first logged event (with {@link #configure()}'s settings
 * if they were applied) and stops at {@link #shutdown()} or at JVM exit, whichever comes first.
 */
public final class Fastlog {

    private static final VarHandle PIPELINE;
    static {
        try {
            PIPELINE = MethodHandles.lookup().findStaticVarHandle(Fastlog.class, "pipeline", Pipeline.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Settings from system properties, the environment and fastlog.properties: read once. */
    private static final ExternalSettings SETTINGS = ExternalSettings.read(System.getProperties(), System.getenv(),
            settingsLoader(), System.err, Configuration::new);
    private static final LevelRegistry LEVELS = initialLevels();
    private static final ConcurrentHashMap<String, Logger> LOGGERS = new ConcurrentHashMap<>();
    private static volatile Pipeline pipeline;
    private static volatile PipelineConfig config;
    private static volatile boolean jmx;
    static {
        Configuration fromSettings = configure();
        config = fromSettings.build();
        jmx = fromSettings.jmx();
    }

    private Fastlog() {
    }

    /** The logger with this name; the same instance for the same name. A null name is "null". */
    public static Logger logger(String name) {
        String n = name == null ? "null" : name;
        Logger l = LOGGERS.get(n);
        return l != null ? l : LOGGERS.computeIfAbsent(n, k -> new Logger(new LoggerCore(k, LEVELS.setting(k))));
    }

    /** The logger named after the class's binary name, e.g. {@code com.acme.Checkout}. */
    public static Logger logger(Class<?> type) {
        return logger(type == null ? "null" : type.getName());
    }

    /** Sets the global minimum level: loggers without a level of their own follow it. */
    public static void setLevel(Level level) {
        LEVELS.setGlobal(Objects.requireNonNull(level, "level").ordinal());
    }

    /**
     * Sets the minimum level for a logger name and every name below it at a dot ({@code "com.acme"}
     * covers {@code "com.acme.db"}); the nearest set prefix wins. {@code null} removes the setting.
     */
    public static void setLevel(String loggerName, Level level) {
        LEVELS.setForName(Objects.requireNonNull(loggerName, "loggerName"), level == null ? -1 : level.ordinal());
    }

    /**
     * The levels set for logger-name prefixes with {@link #setLevel(String, Level)}: an immutable
     * snapshot, by name.
     */
    public static Map<String, Level> levels() {
        Map<String, Level> out = new TreeMap<>();
        LEVELS.explicitSnapshot().forEach((name, t) -> out.put(name, Level.ofOrdinal(t)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Runs {@code listener} after every later change of the global level or of a name's level, on
     * the thread that made the change (bridges use it to mirror fastlog's levels into other
     * logging APIs). A listener that throws is reported on stderr and does not stop the others.
     */
    public static void addLevelListener(Runnable listener) {
        LEVELS.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added with {@link #addLevelListener}. */
    public static void removeLevelListener(Runnable listener) {
        LEVELS.removeListener(listener);
    }

    /** The global minimum level. */
    public static Level level() {
        return Level.ofOrdinal(LEVELS.global());
    }

    /** The effective minimum level of the logger with this name. */
    public static Level level(String loggerName) {
        return Level.ofOrdinal(LEVELS.setting(Objects.requireNonNull(loggerName, "loggerName")).threshold());
    }

    /**
     * Returns once every event logged, by any thread, before this call began has been written
     * to the output (and the output flushed). Rendering may happen on the calling thread.
     */
    public static void flush() {
        Pipeline p = pipeline;
        if (p != null) {
            p.flush();
        }
    }

    /**
     * Like {@link #flush()}, but gives up if it cannot start within {@code timeout} (another
     * thread is writing to a stalled output).
     *
     * @return whether everything was written
     */
    public static boolean flush(Duration timeout) {
        Pipeline p = pipeline;
        return p == null || p.flush(System.nanoTime() + timeout.toNanos());
    }

    /**
     * Writes everything logged so far, flushes the output and stops the writer thread. Safe to
     * call more than once and from any thread. Events logged afterwards are written synchronously
     * by the logging thread. The JVM shutdown hook calls this at exit.
     */
    public static void shutdown() {
        Pipeline p = pipeline;
        if (p != null) {
            p.shutdown();
        }
        Jmx.unregister();
    }

    /** A snapshot of the counters. */
    public static Stats stats() {
        Pipeline p = pipeline;
        if (p == null) {
            return new Stats(0, 0, 0, config.queueCapacity(), 0, 0, 0);
        }
        return new Stats(p.eventsWritten(), p.eventsDropped(), p.queueDepth(), p.queueCapacity(),
                p.writeErrors(), p.eventsLost(), p.eventsSampledOut());
    }

    /**
     * A builder for the settings, filled from the settings given outside the code (system
     * properties, environment, {@code fastlog.properties}); see {@link Configuration}.
     */
    public static Configuration configure() {
        return SETTINGS.applyTo(new Configuration()).fileFromSettings(SETTINGS.file());
    }

    static void install(PipelineConfig newConfig, boolean withJmx) {
        Pipeline current = pipeline;
        if (current != null && !current.isClosed()) {
            throw new IllegalStateException(
                    "fastlog is already running: configure it before the first event is logged, or after Fastlog.shutdown()");
        }
        Pipeline next = new Pipeline(newConfig, System.err);
        if (!PIPELINE.compareAndSet(current, next)) {
            throw new IllegalStateException("fastlog was started concurrently with configure().apply()");
        }
        config = newConfig;
        jmx = withJmx;
        next.start();
        if (withJmx) {
            Jmx.register(System.err);
        }
    }

    /** Where logging calls go: the running pipeline's producer side, started on first use. */
    static EventAppender appender() {
        return pipeline().appender();
    }

    /** The running pipeline, started on first use. */
    static Pipeline pipeline() {
        Pipeline p = pipeline;
        return p != null ? p : start();
    }

    private static Pipeline start() {
        Pipeline created = new Pipeline(config, System.err);
        if (PIPELINE.compareAndSet((Pipeline) null, created)) {
            created.start();
            if (jmx) {
                Jmx.register(System.err);
            }
            return created;
        }
        return pipeline; // another thread started it first; ours was never started
    }

    /** The global and per-logger levels the settings give; INFO for what they leave unset. */
    private static LevelRegistry initialLevels() {
        LevelRegistry levels = new LevelRegistry(SETTINGS.globalLevel(Level.INFO).ordinal());
        SETTINGS.loggerLevels().forEach((name, level) -> levels.setForName(name, level.ordinal()));
        return levels;
    }

    /** Where {@code fastlog.properties} is looked for: the thread's context class loader, else fastlog's. */
    private static ClassLoader settingsLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Fastlog.class.getClassLoader();
    }
}
