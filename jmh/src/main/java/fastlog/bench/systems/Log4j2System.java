package fastlog.bench.systems;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.StringMapMessage;

/**
 * Log4j 2 as its manual recommends for low-latency async logging: every logger asynchronous
 * ({@code log4j2.contextSelector=AsyncLoggerContextSelector}, LMAX Disruptor 3.4.4, default ring
 * of 256 Ki events, default policy: callers wait when it is full) into a RandomAccessFile appender
 * with {@code immediateFlush="false"} (async loggers flush at the end of each batch), rendered by
 * JsonTemplateLayout ({@code bench-log4j2.xml}, {@code bench-log4j2-template.json}). With
 * {@code -Dbench.rolling=BYTES}: a RollingRandomAccessFile appender that rotates every BYTES
 * ({@code bench-log4j2-rolling.xml}).
 *
 * <p>Key/value fields travel in a {@link StringMapMessage}, Log4j's structured message (the
 * idiom the JsonTemplateLayout and ECS layout documentation show); the template flattens the map
 * into the line with the {@code map} resolver. Log4j 2's API has no key/value arguments
 * otherwise (its LogBuilder has none, unlike SLF4J 2's {@code addKeyValue}). Nested values go in a
 * {@link MapMessage} with Object values ({@code with("order", map)}): JsonTemplateLayout writes a
 * map or a list as JSON, on the background thread; a record has no JSON form there (it is written
 * as its {@code toString()}), which is what Log4j users get.
 */
final class Log4j2System implements BenchSystem {

    private Logger log;
    private RingBufferAdmin ring;

    @Override
    public String name() {
        return "log4j2";
    }

    @Override
    public void start(Path file) {
        System.setProperty("bench.log4j2.file", file.toAbsolutePath().toString());
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
        long rolling = Long.getLong("bench.rolling", 0);
        if (rolling > 0) {
            String f = file.toAbsolutePath().toString();
            System.setProperty("bench.log4j2.pattern", f.substring(0, f.lastIndexOf('.')) + "-%d{yyyy-MM-dd}-%i.log");
        }
        System.setProperty("log4j2.configurationFile", rolling > 0 ? "bench-log4j2-rolling.xml" : "bench-log4j2.xml");
        log = LogManager.getLogger("bench.auth");
        if (!(log instanceof AsyncLogger)) {
            throw new IllegalStateException("Log4j logger is not an AsyncLogger: " + log.getClass().getName());
        }
        AsyncLoggerContext ctx = (AsyncLoggerContext) LogManager.getContext(false);
        ring = ctx.createRingBufferAdmin();
    }

    @Override
    public void oneField(long userId) {
        log.info(new StringMapMessage(2).with("msg", "user login").with("user_id", userId));
    }

    @Override
    public void threeFields(long status, String path, double ms) {
        log.info(new StringMapMessage(4).with("msg", "request served").with("status", status)
                .with("path", path).with("ms", ms));
    }

    @Override
    public void tenFields(long userId, long orderId, long items, double total, String currency,
                          String country, String coupon, boolean express, double latencyMs, String region) {
        log.info(new StringMapMessage(11).with("msg", "checkout").with("user_id", userId)
                .with("order_id", orderId).with("items", items).with("total", total)
                .with("currency", currency).with("country", country).with("coupon", coupon)
                .with("express", express).with("latency_ms", latencyMs).with("region", region));
    }

    @Override
    public void exception(long orderId, Throwable error) {
        log.error(new StringMapMessage(2).with("msg", "payment failed").with("order_id", orderId), error);
    }

    @Override
    public void disabled(long key) {
        log.debug(new StringMapMessage(2).with("msg", "cache probe").with("key", key));
    }

    @Override
    public void mapField(Map<String, Object> order) {
        log.info(new MapMessage<>(2).with("msg", "order placed").with("order", order));
    }

    @Override
    public void recordField(Record order) {
        log.info(new MapMessage<>(2).with("msg", "order placed").with("order", order));
    }

    @Override
    public void listField(List<Long> ids) {
        log.info(new MapMessage<>(2).with("msg", "batch").with("ids", ids));
    }

    /** The ring is empty once the background thread has handled (and, at batch end, flushed) every event. */
    @Override
    public void drain() {
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
    public void stop() {
        drain();
        LogManager.shutdown();
    }
}
