package fastlog.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.Logger;

/**
 * A small "service" handling requests on virtual threads, logging the way services do: a bound
 * request id, typed fields, nested values (a record, a map, a list), a slow-query warning, an
 * occasional failure with its exception, and a header that is redacted by default.
 * NDJSON goes to stdout; a summary goes to stderr.
 *
 * <p>The records are in package {@code fastlog.examples.model}, which module-info opens to
 * {@code fastlog}: that is what lets fastlog log them as JSON objects on the module path.
 */
public final class DemoApp {

    private static final Logger HTTP = Fastlog.logger("demo.http");
    private static final Logger DB = Fastlog.logger("demo.db");
    private static final Logger PAYMENTS = Fastlog.logger("demo.payments");
    private static final String[] PATHS = {"/api/orders", "/api/users/me", "/api/cart", "/health", "/api/search"};

    enum Outcome { OK, CLIENT_ERROR, SERVER_ERROR }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Fastlog.setLevel("demo.db", Level.DEBUG);
        HTTP.info("service starting", "requests", requests, "pid", ProcessHandle.current().pid());
        AtomicLong events = new AtomicLong(1);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                int n = i;
                pool.submit(() -> events.addAndGet(handle(n)));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        HTTP.info("service stopping", "requests", requests, "uptime", took);
        Fastlog.flush();
        System.err.printf("demo: %d requests on virtual threads, %d events, %d ms; stats: %s%n",
                requests, events.get() + 1, took.toMillis(), Fastlog.stats());
    }

    private static int handle(int n) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Logger log = HTTP.with("request_id", UUID.randomUUID()).with("thread", Thread.currentThread().isVirtual() ? "virtual" : "platform");
        String path = PATHS[n % PATHS.length];
        log.info("request started", "method", n % 7 == 0 ? "POST" : "GET", "path", path,
                "headers", Map.of("accept", "application/json", "authorization", "Bearer demo-" + n));
        int events = 1;
        if (path.equals("/api/orders")) {
            fastlog.examples.model.Order order = new fastlog.examples.model.Order(n, "EUR",
                    List.of(new fastlog.examples.model.Line("SKU-" + n % 13, 1 + n % 3, 9.99)));
            log.info("order placed", "order", order, "tags", List.of("web", n % 2 == 0 ? "new" : "returning"));
            events++;
        }
        double ms = 0.2 + rnd.nextDouble() * 30;
        DB.debug("query", "sql", "SELECT * FROM orders WHERE user_id = ?", "rows", rnd.nextInt(50), "ms", ms);
        events++;
        if (ms > 28) {
            DB.warn("slow query", "ms", ms, "threshold_ms", 28);
            events++;
        }
        Outcome outcome = n % 97 == 0 ? Outcome.SERVER_ERROR : n % 31 == 0 ? Outcome.CLIENT_ERROR : Outcome.OK;
        if (outcome == Outcome.SERVER_ERROR) {
            try {
                charge(n);
            } catch (IllegalStateException e) {
                PAYMENTS.error("payment failed", "order", n, "error", e, "at", Instant.now());
                events++;
            }
        }
        int status = switch (outcome) {
            case OK -> 200;
            case CLIENT_ERROR -> 404;
            case SERVER_ERROR -> 502;
        };
        log.info("request finished", "status", status, "outcome", outcome, "ms", ms + rnd.nextDouble());
        return events + 1;
    }

    private static void charge(int order) {
        try {
            throw new java.io.UncheckedIOException("connection reset by payment gateway",
                    new java.io.IOException("Connection reset"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("charge failed for order " + order, e);
        }
    }
}
