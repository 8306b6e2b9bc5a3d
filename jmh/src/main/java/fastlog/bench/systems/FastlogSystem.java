package fastlog.bench.systems;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import fastlog.api.Fastlog;
import fastlog.api.FileOutput;
import fastlog.api.FullQueuePolicy;
import fastlog.api.Logger;
import fastlog.api.Stats;

/**
 * fastlog with its defaults (queue of 65,536 events, BLOCK when full, 1 ms linger), writing to a
 * plain {@link FileOutputStream}: the writer thread makes one {@code write(2)} per batch, so no
 * buffering stream is put in between. With {@code -Dbench.fastlog.output=file} it writes through
 * its own file output instead ({@code Configuration.output(FileOutput)}), and with
 * {@code -Dbench.rolling=BYTES} that file rotates every BYTES (the persisted benchmark's
 * {@code --rolling}).
 *
 * <p>{@link #checkAfterDrain} fails the benchmark when fastlog dropped, lost or failed to write
 * anything, or when the file does not hold exactly the lines fastlog says it wrote. Two knobs
 * exist only to prove that this check fails when it should ({@code make bench-selftest}):
 * {@code -Dbench.fastlog.fullQueuePolicy=DROP} and {@code -Dbench.fastlog.queueCapacity=N}.
 */
final class FastlogSystem implements BenchSystem {

    /** Ten fields through the {@code Object...} overload instead of the event builder. */
    private final boolean varargs;
    private Logger log;
    private FileOutputStream out;
    private Path file;
    /** What the last check saw: the file position reached and fastlog's written count then. */
    private long checkedPosition;
    private long checkedWritten;
    private long checks;

    /** @param varargs log ten fields with the {@code Object...} overload ("fastlog-varargs") */
    FastlogSystem(boolean varargs) {
        this.varargs = varargs;
    }

    @Override
    public String name() {
        return varargs ? "fastlog-varargs" : "fastlog";
    }

    @Override
    public void start(Path file) {
        this.file = file;
        long rolling = Long.getLong("bench.rolling", 0);
        boolean ownFile = rolling > 0 || "file".equals(System.getProperty("bench.fastlog.output"));
        var config = Fastlog.configure();
        if (ownFile) {
            // fastlog's own file output (FileChannel, direct buffer), rotating when -Dbench.rolling is set.
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.output(FileOutput.to(file).rotateAtSize(rolling).keep(Integer.MAX_VALUE));
        } else {
            try {
                out = new FileOutputStream(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.output(out);
        }
        String policy = System.getProperty("bench.fastlog.fullQueuePolicy");
        if (policy != null) {
            config.fullQueuePolicy(FullQueuePolicy.valueOf(policy));
        }
        Integer capacity = Integer.getInteger("bench.fastlog.queueCapacity");
        if (capacity != null) {
            config.queueCapacity(capacity);
        }
        config.apply();
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
        if (varargs) {
            // The Object... overload: boxes the primitives, allocates the array.
            log.info("checkout", "user_id", userId, "order_id", orderId, "items", items, "total", total,
                    "currency", currency, "country", country, "coupon", coupon, "express", express,
                    "latency_ms", latencyMs, "region", region);
            return;
        }
        // More than three pairs: the event builder (allocates nothing once compiled).
        log.atInfo().field("user_id", userId).field("order_id", orderId).field("items", items)
                .field("total", total).field("currency", currency).field("country", country)
                .field("coupon", coupon).field("express", express).field("latency_ms", latencyMs)
                .field("region", region).log("checkout");
    }

    @Override
    public void fourFields(long userId, long orderId, double total, String currency) {
        log.atInfo().field("user_id", userId).field("order_id", orderId).field("total", total)
                .field("currency", currency).log("checkout");
    }

    @Override
    public void sixteenFields(long userId, long orderId, long items, double total, String currency,
                              String country, String coupon, boolean express, double latencyMs, String region) {
        log.atInfo().field("user_id", userId).field("order_id", orderId).field("items", items)
                .field("total", total).field("currency", currency).field("country", country)
                .field("coupon", coupon).field("express", express).field("latency_ms", latencyMs)
                .field("region", region).field("cart_id", orderId + 1).field("session", userId + 2)
                .field("discount", total / 10).field("channel", "web").field("retry", false)
                .field("attempt", items + 3).log("checkout");
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
    public void mapField(Map<String, Object> order) {
        // A Map.of is kept by reference (checked, not copied); a HashMap is snapshotted here.
        log.info("order placed", "order", order);
    }

    @Override
    public void recordField(Record order) {
        log.info("order placed", "order", order);
    }

    @Override
    public void listField(List<Long> ids) {
        log.info("batch", "ids", ids);
    }

    @Override
    public void drain() {
        Fastlog.flush();
    }

    @Override
    public void stop() {
        Fastlog.shutdown();
        if (out == null) {
            return; // fastlog's own file output: closed by shutdown
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a drain: no event dropped or lost and no failed write (the counters are cumulative, so
     * they must stay 0), nothing left staged, the file grew by exactly as many lines as fastlog
     * counts as written since the last check (and holds no hole in that range), and, when the
     * caller knows how many events it logged, fastlog wrote exactly that many.
     */
    @Override
    public void checkAfterDrain(long expectedEvents) {
        Stats s = Fastlog.stats();
        long position;
        try {
            // where fastlog's next write() lands; with its own (maybe rotating) file output, the
            // file's size, and the line count is checked only when nothing rotated
            position = out != null ? out.getChannel().position() : java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long written = s.eventsWritten() - checkedWritten;
        long[] linesAndZeros = out != null || Long.getLong("bench.rolling", 0) == 0
                ? countLines(file, checkedPosition, position) : new long[] {written, 0};
        StringBuilder problems = new StringBuilder();
        if (s.eventsDropped() != 0) {
            problems.append("; eventsDropped=").append(s.eventsDropped());
        }
        if (s.eventsLost() != 0) {
            problems.append("; eventsLost=").append(s.eventsLost());
        }
        if (s.writeErrors() != 0) {
            problems.append("; writeErrors=").append(s.writeErrors());
        }
        if (s.queueDepth() != 0) {
            problems.append("; queueDepth=").append(s.queueDepth()).append(" after flush()");
        }
        if (linesAndZeros[0] != written) {
            problems.append("; the file has ").append(linesAndZeros[0]).append(" new lines but fastlog counts ")
                    .append(written).append(" events written");
        }
        if (linesAndZeros[1] != 0) {
            problems.append("; ").append(linesAndZeros[1]).append(" zero bytes (a hole) among the new lines");
        }
        if (expectedEvents >= 0 && written != expectedEvents) {
            problems.append("; ").append(expectedEvents).append(" events were logged but ").append(written)
                    .append(" written");
        }
        checks++;
        if (problems.length() > 0) {
            throw new IllegalStateException("FASTLOG BENCH CHECK FAILED after check " + checks + ": "
                    + problems.substring(2) + " (" + s + ")");
        }
        checkedPosition = position;
        checkedWritten = s.eventsWritten();
    }

    /** Newlines and zero bytes in {@code [from, to)} of the file. */
    private static long[] countLines(Path file, long from, long to) {
        long lines = 0;
        long zeros = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = from;
            while (pos < to) {
                buf.clear();
                if (to - pos < buf.capacity()) {
                    buf.limit((int) (to - pos));
                }
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break; // shorter than fastlog's position: the missing bytes count as missing lines
                }
                for (int i = 0; i < n; i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        lines++;
                    } else if (b == 0) {
                        zeros++;
                    }
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {lines, zeros};
    }
}
