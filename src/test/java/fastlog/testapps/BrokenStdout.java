package fastlog.testapps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child program for a failing stdout (a reader that went away, /dev/full). Logs until fastlog
 * has counted a write error (at most 30 s), then {@code threads} threads log {@code after}
 * events each, timing every call; then flushes, reports and returns from main.
 *
 * <p>Reports {@code logged}, {@code sawError}, {@code errorsAtPhase2}, {@code maxCallMicros},
 * then the stats ({@link ChildReport#reportStats()}).
 */
public final class BrokenStdout {

    private static final String PAD = "x".repeat(200);

    public static void main(String[] args) throws Exception {
        int after = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Logger log = Fastlog.logger("broken");
        long logged = 0;
        boolean sawError = false;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() - deadline < 0) {
            log.info("before", "seq", logged, "pad", PAD);
            logged++;
            if (logged % 64 == 0) {
                Fastlog.flush();
                if (Fastlog.stats().writeErrors() > 0) {
                    sawError = true;
                    break;
                }
            }
        }
        long errorsAtPhase2 = Fastlog.stats().writeErrors();
        AtomicLong maxNanos = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                long max = 0;
                for (int i = 0; i < after; i++) {
                    long t0 = System.nanoTime();
                    log.info("after", "t", id, "seq", i, "pad", PAD);
                    max = Math.max(max, System.nanoTime() - t0);
                }
                maxNanos.accumulateAndGet(max, Math::max);
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        logged += (long) after * threads;
        Fastlog.flush();
        ChildReport.report("logged", logged, "sawError", sawError, "errorsAtPhase2", errorsAtPhase2,
                "maxCallMicros", maxNanos.get() / 1000);
        ChildReport.reportStats();
    }
}
