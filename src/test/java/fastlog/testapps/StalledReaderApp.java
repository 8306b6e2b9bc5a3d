package fastlog.testapps;

import java.util.ArrayList;
import java.util.List;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child program whose stdout pipe is not read at all for a while (a stalled log shipper).
 * Arguments: {@code threads perThread}. Virtual threads log {@code "t", t, "seq", s} into a small
 * queue (1,024), so nearly all of them end up waiting for room. Heap after GC is measured 1 s and
 * 6 s after they start; waiting threads must not make it grow (README: memory is fixed at start).
 * Reports {@code heapGrowthKB} and {@code waiting} (threads still blocked at the second sample),
 * then waits for the reader, flushes and reports the stats.
 */
public final class StalledReaderApp {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int perThread = Integer.parseInt(args[1]);
        Fastlog.configure().queueCapacity(1024).apply();
        Logger log = Fastlog.logger("stalled");
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofVirtual().start(() -> {
                for (int s = 0; s < perThread; s++) {
                    log.info("e", "t", id, "seq", s);
                }
            }));
        }
        Thread.sleep(1_000);
        long first = heapAfterGc();
        Thread.sleep(5_000);
        long second = heapAfterGc();
        long waiting = workers.stream().filter(Thread::isAlive).count();
        ChildReport.report("heapGrowthKB", (second - first) / 1024, "waiting", waiting);
        for (Thread w : workers) {
            w.join();
        }
        Fastlog.flush();
        ChildReport.reportStats();
    }

    /** Used heap after a full collection (the tests run children with SerialGC). */
    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
