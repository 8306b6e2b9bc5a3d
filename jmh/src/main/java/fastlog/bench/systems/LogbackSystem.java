package fastlog.bench.systems;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.value;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

/**
 * Logback with logstash-logback-encoder as its README recommends for async JSON logging:
 * {@code LoggingEventAsyncDisruptorAppender} (LMAX Disruptor ring of 8,192 events) in front of a
 * FileAppender ({@code immediateFlush=false}; the async appender flushes at the end of each batch)
 * with {@code LogstashEncoder} ({@code bench-logback.xml}). {@code appendTimeout=-1} makes callers
 * wait when the ring is full: the default (0) drops events. Fields are
 * {@code StructuredArguments.kv(...)}, which the encoder writes as top-level fields. Nested values
 * (a map, a record, a list) are {@code StructuredArguments.value("order", v)}: the encoder writes
 * {@code "order":{...}} with its Jackson ObjectMapper, on the appender's thread. With
 * {@code -Dbench.rolling=BYTES}: a RollingFileAppender with a SizeAndTimeBasedRollingPolicy that
 * rotates every BYTES ({@code bench-logback-rolling.xml}).
 */
final class LogbackSystem implements BenchSystem {

    private Logger log;

    @Override
    public String name() {
        return "logback";
    }

    @Override
    public void start(Path file) {
        System.setProperty("bench.logback.file", file.toAbsolutePath().toString());
        boolean rolling = Long.getLong("bench.rolling", 0) > 0;
        if (rolling) {
            String f = file.toAbsolutePath().toString();
            System.setProperty("bench.logback.pattern", f.substring(0, f.lastIndexOf('.')) + "-%d{yyyy-MM-dd}.%i.log");
        }
        System.setProperty("logback.configurationFile", rolling ? "bench-logback-rolling.xml" : "bench-logback.xml");
        log = LoggerFactory.getLogger("bench.auth");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            throw new IllegalStateException("SLF4J is not bound to Logback: " + LoggerFactory.getILoggerFactory());
        }
        if (DrainableAsyncAppender.instance == null) {
            throw new IllegalStateException("bench-logback.xml did not create the async appender");
        }
    }

    @Override
    public void oneField(long userId) {
        log.info("user login", kv("user_id", userId));
    }

    @Override
    public void threeFields(long status, String path, double ms) {
        log.info("request served", kv("status", status), kv("path", path), kv("ms", ms));
    }

    @Override
    public void tenFields(long userId, long orderId, long items, double total, String currency,
                          String country, String coupon, boolean express, double latencyMs, String region) {
        log.info("checkout", kv("user_id", userId), kv("order_id", orderId), kv("items", items),
                kv("total", total), kv("currency", currency), kv("country", country), kv("coupon", coupon),
                kv("express", express), kv("latency_ms", latencyMs), kv("region", region));
    }

    @Override
    public void exception(long orderId, Throwable error) {
        log.error("payment failed", kv("order_id", orderId), error);
    }

    @Override
    public void disabled(long key) {
        log.debug("cache probe", kv("key", key));
    }

    @Override
    public void mapField(Map<String, Object> order) {
        log.info("order placed", value("order", order));
    }

    @Override
    public void recordField(Record order) {
        log.info("order placed", value("order", order));
    }

    @Override
    public void listField(List<Long> ids) {
        log.info("batch", value("ids", ids));
    }

    @Override
    public void drain() {
        DrainableAsyncAppender a = DrainableAsyncAppender.instance;
        for (int spins = 0; !a.drained(); spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000L);
            }
        }
    }

    @Override
    public void stop() {
        drain();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
