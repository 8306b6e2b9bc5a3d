package fastlog.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;
import fastlog.api.Stats;

/**
 * A million virtual threads, each handling one "request": it binds a {@code request_id} with
 * {@link LogContext} and logs a few events inside that scope. NDJSON goes to stdout (exactly
 * {@code threads × eventsPerThread} lines, nothing else); a summary goes to stderr.
 *
 * <pre>
 * java -p target/fastlog-0.1.0-SNAPSHOT.jar:examples/target/classes \
 *      -m fastlog.examples/fastlog.examples.MillionThreads [threads] [eventsPerThread] &gt; out.ndjson
 * </pre>
 *
 * <p>Every line carries {@code request_id} (from the scope), {@code step} (0, 1, 2, ... in the
 * order the thread logged them), {@code of} and {@code ms}, so a checker can verify that each
 * thread's events all arrived, once, in order ({@code vthreads-compare/check_ndjson.py} does).
 *
 * <p>Threads end after logging; they are not all alive at once. The summary reports the heap
 * sampled every 5 ms (this module reads only {@code java.base}, so it uses {@link Runtime}
 * rather than the management beans) and the peak resident set size ({@code VmHWM}).
 * Exits with status 1 if {@link Fastlog#stats()} shows a dropped, lost or unwritten event.
 */
public final class MillionThreads {

    private static final Logger LOG = Fastlog.logger("vthreads.request");

    private MillionThreads() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? parseCount(args[0]) : 1_000_000;
        int perThread = args.length > 1 ? parseCount(args[1]) : 3;
        long expected = (long) threads * perThread;

        HeapSampler heap = HeapSampler.start();
        CountDownLatch done = new CountDownLatch(threads);
        Thread.Builder.OfVirtual builder = Thread.ofVirtual();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int n = i;
            builder.start(() -> handle(n, perThread, done));
        }
        long spawned = System.nanoTime();
        done.await();
        long logged = System.nanoTime();
        Fastlog.flush();
        long flushed = System.nanoTime();
        heap.stop();
        Stats stats = Fastlog.stats();

        double loggedSec = (logged - start) / 1e9;
        double wallSec = (flushed - start) / 1e9;
        StringBuilder s = new StringBuilder(512);
        s.append(String.format(Locale.ROOT, "MillionThreads: %,d virtual threads x %d events = %,d events%n",
                threads, perThread, expected));
        s.append(String.format(Locale.ROOT,
                "  wall %.2f s (started all threads in %.2f s, all had logged at %.2f s, flushed at %.2f s)%n",
                wallSec, (spawned - start) / 1e9, loggedSec, wallSec));
        s.append(String.format(Locale.ROOT, "  %,.0f events/s while the threads logged, %,.0f events/s until written%n",
                expected / loggedSec, expected / wallSec));
        s.append(String.format(Locale.ROOT, "  peak heap used %,d MiB (sampled every 5 ms), peak heap committed %,d MiB, max %,d MiB%n",
                heap.peakUsed() >> 20, heap.peakCommitted() >> 20, Runtime.getRuntime().maxMemory() >> 20));
        s.append(String.format(Locale.ROOT, "  peak RSS %s (VmHWM)%n", peakRss()));
        s.append(String.format(Locale.ROOT, "  context mechanism: %s; %s%n", LogContext.mechanism(), stats));
        boolean ok = stats.eventsWritten() == expected && stats.eventsDropped() == 0 && stats.eventsLost() == 0
                && stats.writeErrors() == 0;
        if (!ok) {
            s.append(String.format(Locale.ROOT, "  FAILED: expected %,d events written, none dropped or lost%n", expected));
        }
        System.err.print(s);
        System.err.flush();
        if (!ok) {
            System.exit(1);
        }
    }

    /** One request: three (or {@code events}) events, all carrying the scope's request_id. */
    private static void handle(int n, int events, CountDownLatch done) {
        try {
            LogContext.where("request_id", "req-" + n).run(() -> {
                for (int step = 0; step < events; step++) {
                    LOG.info("request step", "step", step, "of", events, "ms", 0.25 * (n % 400) + step);
                }
            });
        } finally {
            done.countDown();
        }
    }

    private static int parseCount(String s) {
        int v = Integer.parseInt(s.replace("_", "").replace(",", ""));
        if (v < 1) {
            throw new IllegalArgumentException("must be positive: " + s);
        }
        return v;
    }

    /** {@code VmHWM} from /proc/self/status, e.g. "1,234 MiB", or "n/a" off Linux. */
    static String peakRss() {
        long kb = procStatusKb("VmHWM:");
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", kb >> 10);
    }

    static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs
        }
        return -1;
    }

    /** A platform daemon thread that samples heap use (total minus free) every 5 ms. */
    static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long peakCommitted;
        private final Thread thread = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(this);

        static HeapSampler start() {
            HeapSampler h = new HeapSampler();
            h.sample();
            h.thread.start();
            return h;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            Runtime rt = Runtime.getRuntime();
            long committed = rt.totalMemory();
            long used = committed - rt.freeMemory();
            if (used > peakUsed) {
                peakUsed = used;
            }
            if (committed > peakCommitted) {
                peakCommitted = committed;
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        long peakUsed() {
            return peakUsed;
        }

        long peakCommitted() {
            return peakCommitted;
        }
    }
}
