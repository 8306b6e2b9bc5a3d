package fastlog.bench.slf4j;

import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;

/**
 * logstash-logback-encoder's {@link LoggingEventAsyncDisruptorAppender}, unchanged, with its
 * protected "ring buffer is empty" check made visible so the benchmark can wait for the
 * background thread (which flushes the file appender at the end of each batch) without sleeping.
 * (The same as {@code fastlog.bench.systems.DrainableAsyncAppender}, for this package.)
 */
public final class Slf4jDrainableAppender extends LoggingEventAsyncDisruptorAppender {

    static volatile Slf4jDrainableAppender instance;

    public Slf4jDrainableAppender() {
        instance = this;
    }

    boolean drained() {
        return isRingBufferEmpty();
    }
}
