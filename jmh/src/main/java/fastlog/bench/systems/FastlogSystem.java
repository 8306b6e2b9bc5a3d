package fastlog.bench.systems;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * fastlog with its defaults (queue of 65,536 events, BLOCK when full, 1 ms linger), writing to a
 * plain {@link FileOutputStream}: the writer thread makes one {@code write(2)} per batch, so no
 * buffering stream is put in between.
 */
final class FastlogSystem implements BenchSystem {

    private Logger log;
    private FileOutputStream out;

    @Override
    public String name() {
        return "fastlog";
    }

    @Override
    public void start(Path file) {
        try {
            out = new FileOutputStream(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Fastlog.configure().output(out).apply();
        log = Fastlog.logger("bench.auth");
    }

    @Override
    public void oneField(long userId) {
        log.info("user login", "user_id", userId);
    }

    @Override
    public void threeFields(long status, String path, double ms) {
        log.info("request served", "status", status, "path", path, "ms", ms);
    }

    @Override
    public void tenFields(long userId, long orderId, long items, double total, String currency,
                          String country, String coupon, boolean express, double latencyMs, String region) {
        // More than three pairs: the Object... overload (boxes the primitives, allocates the array).
        log.info("checkout", "user_id", userId, "order_id", orderId, "items", items, "total", total,
                "currency", currency, "country", country, "coupon", coupon, "express", express,
                "latency_ms", latencyMs, "region", region);
    }

    @Override
    public void exception(long orderId, Throwable error) {
        log.error("payment failed", "order_id", orderId, "error", error);
    }

    @Override
    public void disabled(long key) {
        log.debug("cache probe", "key", key);
    }

    @Override
    public void drain() {
        Fastlog.flush();
    }

    @Override
    public void stop() {
        Fastlog.shutdown();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events fastlog reports as dropped or lost (must stay 0 under the default BLOCK policy). */
    static long droppedOrLost() {
        var s = Fastlog.stats();
        return s.eventsDropped() + s.eventsLost();
    }
}
