package fastlog.bench.systems;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One logging system under test, configured to write JSON lines to a file. Every system makes
 * the same calls (the "call shapes" below) with the same argument values, so the benchmarks
 * compare the loggers and not the workloads.
 *
 * <p>Lifecycle: {@link #start} once per JVM (the peers configure themselves through system
 * properties, so each system runs in its own forked JVM), any number of calls from any number
 * of threads, {@link #drain} to wait until everything logged before it is in the file, and
 * {@link #stop} at the end.
 */
public interface BenchSystem {

    /** The name used in results: fastlog, log4j2, logback. */
    String name();

    /** Configures the system to write to {@code file} (created or truncated). */
    void start(Path file);

    /** {@code info("user login", "user_id", 48213)}. */
    void oneField(long userId);

    /** {@code info("request served", "status", 200, "path", "/api/orders", "ms", 12.5)}. */
    void threeFields(long status, String path, double ms);

    /** A ten-field {@code info("checkout", ...)}: ints, strings, doubles and a boolean. */
    void tenFields(long userId, long orderId, long items, double total, String currency,
                   String country, String coupon, boolean express, double latencyMs, String region);

    /**
     * Four fields through fastlog's event builder ({@code atInfo().field(..)...log(msg)}); fastlog
     * only: the arity limits of the builder's allocation-free path, with {@link #sixteenFields}.
     */
    default void fourFields(long userId, long orderId, double total, String currency) {
        throw new UnsupportedOperationException(name() + ": fastlog's event builder only");
    }

    /** Sixteen fields through fastlog's event builder, its capacity; fastlog only. */
    default void sixteenFields(long userId, long orderId, long items, double total, String currency,
                               String country, String coupon, boolean express, double latencyMs, String region) {
        throw new UnsupportedOperationException(name() + ": fastlog's event builder only");
    }

    /** {@code error("payment failed", "order_id", 99000123, <exception>)}. */
    void exception(long orderId, Throwable error);

    /** {@code debug("cache probe", "key", 48213)} with the level at INFO: a disabled call. */
    void disabled(long key);

    /**
     * {@code info("order placed", "order", {...5 entries...})}: a nested object, the map given as
     * it is (a HashMap or a Map.of in the benchmarks).
     */
    void mapField(Map<String, Object> order);

    /** {@code info("order placed", "order", record)}: a record of four components as a nested object. */
    void recordField(Record order);

    /** {@code info("batch", "ids", [10 longs])}: a nested array. */
    void listField(List<Long> ids);

    /** Returns once everything logged before the call is written to the file. */
    void drain();

    /** Drains and stops the system; the file is complete afterwards. */
    void stop();

    /**
     * Called after {@link #drain}, outside any measurement: throws {@link IllegalStateException}
     * if the system reports that it dropped, lost or failed to write an event since the last
     * check, or wrote a different number of lines than it counted. {@code expectedEvents} is the
     * number of events logged since the last check when the caller knows it, else -1.
     *
     * <p>fastlog checks its own counters ({@code Fastlog.stats()}) and its output file. The peers
     * do nothing here: their APIs do not count dropped or lost events; their losses show in the
     * persisted benchmark, which counts and parses every line of every system's file.
     */
    default void checkAfterDrain(long expectedEvents) {
    }

    /** Creates the system with this name. */
    static BenchSystem named(String name) {
        return switch (name) {
            case "fastlog" -> new FastlogSystem(false);
            case "fastlog-varargs" -> new FastlogSystem(true);
            case "log4j2" -> new Log4j2System();
            case "logback" -> new LogbackSystem();
            default -> throw new IllegalArgumentException("unknown system: " + name
                    + " (expected fastlog, fastlog-varargs, log4j2 or logback)");
        };
    }
}
