package fastlog.bench.slf4j;

import java.nio.file.Path;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One SLF4J provider under test, writing JSON lines to a file. The benchmarks call the same
 * {@code org.slf4j.Logger} code ({@link Slf4jCalls}) whatever the provider; a system only says how
 * its provider is configured, how to wait until everything is written, and what it checks.
 *
 * <p><b>One provider per JVM.</b> benchmarks.jar holds three SLF4J providers: Logback (the only one
 * its {@code META-INF/services} lists, as before the SLF4J benchmarks existed), fastlog-slf4j and
 * log4j-slf4j2-impl (their service files are left out of the shaded jar, see jmh/pom.xml). Each
 * system runs in its own JMH fork and names its provider with {@code slf4j.provider} before SLF4J
 * initializes; SLF4J then instantiates only that class and does not consult ServiceLoader.
 * {@link #start} then checks what SLF4J actually bound (logger factory, logger and MDC adapter
 * classes) and throws if it is anything else, so a fork can never measure the wrong provider.
 */
abstract class Slf4jSystem {

    /** The logger every call goes through, from {@code LoggerFactory.getLogger("bench.auth")}. */
    Logger log;

    /** The name used in results: fastlog, log4j2, logback. */
    abstract String name();

    /** Configures the system to write to {@code file}, binds SLF4J to its provider and checks the binding. */
    abstract void start(Path file);

    /** Returns once everything logged before the call is in the file. */
    abstract void drain();

    /** Drains and stops the system. */
    abstract void stop();

    /** As {@code BenchSystem.checkAfterDrain}: fastlog checks its counters and file; the peers count nothing. */
    void checkAfterDrain(long expectedEvents) {
    }

    /**
     * True when the system writes SLF4J key/value pair values as JSON strings (Log4j's
     * log4j-slf4j2-impl puts {@code String.valueOf(value)} into the ThreadContext), false when it
     * keeps them typed (fastlog, logstash-logback-encoder).
     */
    boolean pairValuesAsStrings() {
        return false;
    }

    /**
     * Names {@code providerClass} with {@code -Dslf4j.provider}, gets the logger, and checks that
     * SLF4J bound exactly the expected classes.
     */
    final void bind(String providerClass, String factoryClass, String loggerClass, String mdcAdapterClass) {
        System.setProperty(LoggerFactory.PROVIDER_PROPERTY_KEY, providerClass);
        log = LoggerFactory.getLogger("bench.auth");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        String gotFactory = factory.getClass().getName();
        String gotLogger = log.getClass().getName();
        String gotMdc = MDC.getMDCAdapter() == null ? "null" : MDC.getMDCAdapter().getClass().getName();
        if (!gotFactory.equals(factoryClass) || !gotLogger.equals(loggerClass) || !gotMdc.equals(mdcAdapterClass)) {
            throw new IllegalStateException("SLF4J BOUND THE WRONG PROVIDER for system " + name()
                    + ": slf4j.provider=" + providerClass + ", but the logger factory is " + gotFactory
                    + " (expected " + factoryClass + "), the logger " + gotLogger + " (expected " + loggerClass
                    + "), the MDC adapter " + gotMdc + " (expected " + mdcAdapterClass + ")");
        }
        System.out.println("SLF4J BINDING OK system=" + name() + " provider=" + providerClass + " factory="
                + gotFactory + " logger=" + gotLogger + " mdc=" + gotMdc);
    }

    /** Creates the system with this name. */
    static Slf4jSystem named(String name) {
        return switch (name) {
            case "fastlog" -> new Slf4jFastlogSystem();
            case "log4j2" -> new Slf4jLog4j2System();
            case "logback" -> new Slf4jLogbackSystem();
            default -> throw new IllegalArgumentException("unknown system: " + name
                    + " (expected fastlog, log4j2 or logback)");
        };
    }
}
