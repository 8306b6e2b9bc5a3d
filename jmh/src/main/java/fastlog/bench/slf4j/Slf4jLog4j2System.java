package fastlog.bench.slf4j;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;

/**
 * SLF4J through Log4j's own provider, {@code log4j-slf4j2-impl} 2.26.1, into Log4j 2 configured as
 * the other Log4j benchmarks configure it: every logger asynchronous
 * ({@code AsyncLoggerContextSelector}, LMAX Disruptor 3.4.4, default ring and wait policy), a
 * RandomAccessFile appender with {@code immediateFlush="false"} and JsonTemplateLayout
 * ({@code bench-slf4j-log4j2.xml}, {@code bench-slf4j-log4j2-template.json}). The template
 * differs from the StringMapMessage one only in where the fields come from: {@code msg} is the
 * (formatted) message and the ThreadContext is flattened into the line, because that is where
 * log4j-slf4j2-impl puts fluent key/value pairs ({@code Log4jEventBuilder.log()} wraps the call in
 * {@code CloseableThreadContext.putAll}, with every value as {@code String.valueOf(value)}).
 */
final class Slf4jLog4j2System extends Slf4jSystem {

    private RingBufferAdmin ring;

    @Override
    String name() {
        return "log4j2";
    }

    @Override
    void start(Path file) {
        System.setProperty("bench.log4j2.file", file.toAbsolutePath().toString());
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
        System.setProperty("log4j2.configurationFile", "bench-slf4j-log4j2.xml");
        bind("org.apache.logging.slf4j.SLF4JServiceProvider", "org.apache.logging.slf4j.Log4jLoggerFactory",
                "org.apache.logging.slf4j.Log4jLogger", "org.apache.logging.slf4j.Log4jMDCAdapter");
        org.apache.logging.log4j.Logger underlying = LogManager.getLogger("bench.auth");
        if (!(underlying instanceof AsyncLogger)) {
            throw new IllegalStateException("Log4j logger behind SLF4J is not an AsyncLogger: "
                    + underlying.getClass().getName());
        }
        ring = ((AsyncLoggerContext) LogManager.getContext(false)).createRingBufferAdmin();
    }

    @Override
    boolean pairValuesAsStrings() {
        return true;
    }

    /** The ring is empty once the background thread has handled (and, at batch end, flushed) every event. */
    @Override
    void drain() {
        long size = ring.getBufferSize();
        for (int spins = 0; ring.getRemainingCapacity() < size; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000L);
            }
        }
    }

    @Override
    void stop() {
        drain();
        LogManager.shutdown();
    }
}
