package fastlog.bench.systems;

import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;

/**
 * logstash-logback-encoder's {@link LoggingEventAsyncDisruptorAppender}, unchanged, with its
 * protected "ring buffer is empty" check made visible so the benchmark can wait for the
 * background thread (which flushes the file appender at the end of each batch) without sleeping.
 */
public final class DrainableAsyncAppender extends LoggingEventAsyncDisruptorAppender {

    static volatile DrainableAsyncAppender instance;

    public DrainableAsyncAppender() {
        instance = this;
    }

    boolean drained() {
        return isRingBufferEmpty();
    }
}
