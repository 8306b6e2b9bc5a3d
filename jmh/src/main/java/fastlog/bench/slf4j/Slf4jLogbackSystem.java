package fastlog.bench.slf4j;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

/**
 * SLF4J on Logback (its native API), configured as the other Logback benchmarks configure it:
 * logstash-logback-encoder's {@code LoggingEventAsyncDisruptorAppender} (ring of 8,192,
 * {@code appendTimeout=-1}: callers wait when it is full) in front of a FileAppender
 * ({@code immediateFlush=false}) with {@code LogstashEncoder} ({@code bench-slf4j-logback.xml}).
 * The encoder's key/value-pairs provider writes SLF4J 2's fluent pairs as typed top-level fields
 * and its arguments provider writes only structured arguments, so the classic call's {@code {}}
 * argument appears in {@code msg} only (the same line as fastlog's and Log4j's).
 */
final class Slf4jLogbackSystem extends Slf4jSystem {

    @Override
    String name() {
        return "logback";
    }

    @Override
    void start(Path file) {
        System.setProperty("bench.logback.file", file.toAbsolutePath().toString());
        System.setProperty("logback.configurationFile", "bench-slf4j-logback.xml");
        bind("ch.qos.logback.classic.spi.LogbackServiceProvider", "ch.qos.logback.classic.LoggerContext",
                "ch.qos.logback.classic.Logger", "ch.qos.logback.classic.util.LogbackMDCAdapter");
        if (Slf4jDrainableAppender.instance == null) {
            throw new IllegalStateException("bench-slf4j-logback.xml did not create the async appender");
        }
    }

    @Override
    void drain() {
        Slf4jDrainableAppender a = Slf4jDrainableAppender.instance;
        for (int spins = 0; !a.drained(); spins++) {
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
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
