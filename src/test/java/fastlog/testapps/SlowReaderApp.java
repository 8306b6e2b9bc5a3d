package fastlog.testapps;

import java.util.ArrayList;
import java.util.List;

import fastlog.api.Fastlog;
import fastlog.api.FullQueuePolicy;
import fastlog.api.Logger;

/**
 * Child program whose stdout is read slowly by the test. Arguments:
 * {@code policy threads perThread capacity kind}: configures the full-queue policy and queue
 * capacity, then {@code threads} threads ({@code platform} or {@code virtual}) log
 * {@code "t", t, "seq", s, "pad", ...} {@code perThread} times each; then flush, report, return.
 */
public final class SlowReaderApp {

    private static final String PAD = "p".repeat(80);

    public static void main(String[] args) throws Exception {
        FullQueuePolicy policy = FullQueuePolicy.valueOf(args[0]);
        int threads = Integer.parseInt(args[1]);
        int perThread = Integer.parseInt(args[2]);
        int capacity = Integer.parseInt(args[3]);
        boolean virtual = args[4].equals("virtual");
        Fastlog.configure().fullQueuePolicy(policy).queueCapacity(capacity).apply();
        Logger log = Fastlog.logger("slow");
        List<Thread> workers = new ArrayList<>();
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(builder.start(() -> {
                for (int s = 0; s < perThread; s++) {
                    log.info("e", "t", id, "seq", s, "pad", PAD);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        long loggingMillis = (System.nanoTime() - t0) / 1_000_000;
        Fastlog.flush();
        ChildReport.report("logged", (long) threads * perThread, "loggingMillis", loggingMillis);
        ChildReport.reportStats();
    }
}
