package fastlog.vtcompare;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One measured run in its own JVM (started by {@link Compare}); prints one {@code VTRESULT k=v ...}
 * line on stdout.
 *
 * <pre>
 * Workload SYSTEM MODE THREADS EVENTS OUT_FILE
 *   SYSTEM  fastlog | fastlog-fallback | log4j2 | logback | nolog
 *   MODE    vthreads  THREADS virtual threads each handle one request (EVENTS events in a scoped
 *                     request_id), then all park alive; heap is read after full GCs while they
 *                     are parked and a class histogram is written to OUT_FILE.histo; then
 *                     they are released
 *           idle      the same threads park without logging (the system is started and warmed
 *                     up): the logging system's fixed cost, no per-thread part
 *           platform  2 platform threads handle THREADS requests between them (same events)
 * </pre>
 *
 * <p>Before the measured part, every mode but nolog handles {@link #WARMUP_REQUESTS} requests on
 * the main thread (the system starts, fills its caches, the JIT compiles the path), and the
 * parked modes run rounds of virtual threads doing exactly what the measured threads do
 * ({@code -Dvt.parkWarmupRounds} x {@code -Dvt.parkWarmupThreads}, 5 x 20,000). Lines are
 * counted in the output file: "drained" is when it holds every expected line; a run whose file
 * stops growing for {@code -Dvt.stallSeconds} (30) short of that is reported as losing events.
 * {@code -Dvt.keep=true} keeps the output file; {@code -Dvt.fastlog.queueCapacity} is for experiments.
 *
 * <p>At the end, after the system has stopped and peak RSS has been read, every line of the file
 * is parsed ({@link NdjsonCheck}: one JSON object per line, valid UTF-8, no repeated key, msg
 * "request step") and counted, and the system's own counters are read
 * ({@link LogSystem#reportedProblems}). The run is {@code complete} when the file holds exactly the
 * expected lines, all good, and the system reports nothing dropped or lost. An incomplete fastlog
 * run exits with status 3 (after its VTRESULT line), which fails the comparison; an incomplete
 * peer run exits 0, and the comparison reports it as a FINDING.
 */
public final class Workload {

    static final int WARMUP_REQUESTS = 10_000;

    private Workload() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Workload SYSTEM MODE THREADS EVENTS OUT_FILE");
            System.exit(2);
        }
        String systemName = args[0];
        String mode = args[1];
        int threads = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        boolean logs = !systemName.equals("nolog");
        if (!mode.equals("vthreads") && !mode.equals("idle") && !mode.equals("platform")) {
            throw new IllegalArgumentException("mode must be vthreads, idle or platform: " + mode);
        }
        Files.deleteIfExists(out);
        Files.createFile(out);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("system", systemName);
        r.put("mode", mode);
        r.put("threads", threads);
        r.put("events_per_thread", events);

        r.put("loadavg_start", loadAverage());
        HeapSampler sampler = HeapSampler.start();
        LogSystem system = LogSystem.of(systemName);
        system.start(out);
        int warmup = logs ? WARMUP_REQUESTS : 0;
        for (int i = 0; i < warmup; i++) {
            system.request(-1 - i, events);
        }
        boolean threadsLog = logs && !mode.equals("idle");
        long measured = threadsLog ? (long) threads * events : 0;
        long expectedLines = (long) warmup * events + measured;
        r.put("expected_lines", expectedLines);
        LineCounter lines = new LineCounter(out);
        if (logs) {
            lines.awaitAtLeast((long) warmup * events, stallNanos()); // warm-up written before timing starts
        }

        if (!mode.equals("platform")) {
            long warmupEvents = warmUpParking(system, threadsLog, events);
            expectedLines += warmupEvents;
            r.put("expected_lines", expectedLines);
            if (warmupEvents > 0) {
                lines.awaitAtLeast(expectedLines - measured, stallNanos());
            }
        }
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        long spawned;
        long logged;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = null;
        if (mode.equals("platform")) {
            Thread[] ts = new Thread[2];
            for (int t = 0; t < ts.length; t++) {
                int first = t;
                ts[t] = Thread.ofPlatform().name("producer-" + t).start(() -> {
                    for (int i = first; i < threads; i += 2) {
                        system.request(i, events);
                    }
                });
            }
            spawned = System.nanoTime();
            for (Thread t : ts) {
                t.join();
            }
            logged = System.nanoTime();
        } else {
            CountDownLatch done = new CountDownLatch(threads);
            ended = new CountDownLatch(threads);
            startParkers(system, threadsLog, threads, events, done, release, ended);
            spawned = System.nanoTime();
            done.await();
            logged = System.nanoTime();
        }
        long linesAtDrain = logs ? lines.awaitAtLeast(expectedLines, stallNanos()) : 0;
        long drained = System.nanoTime();
        long cpu = processCpuNanos() - cpu0;
        long gc = gcMillis() - gc0;
        r.put("spawn_s", secs(spawned - t0));
        r.put("log_s", secs(logged - t0));
        r.put("drain_s", secs(drained - t0));
        r.put("events", measured);
        r.put("events_per_s", measured == 0 ? 0 : Math.round(measured / ((logged - t0) / 1e9)));
        r.put("e2e_events_per_s", measured == 0 ? 0 : Math.round(measured / ((drained - t0) / 1e9)));
        r.put("lines_at_drain", linesAtDrain);
        r.put("cpu_s", secs(cpu)); // CPU time of this JVM (all its threads, GC included) from start to drained
        r.put("gc_s", String.format(Locale.ROOT, "%.3f", gc / 1e3)); // GC time (pauses and concurrent cycles) in that span

        if (!mode.equals("platform")) {
            Thread.sleep(500); // the last threads to count down reach their park
            long[] heap = heapAfterFullGc();
            r.put("heap_after_gc", heap[0]);
            r.put("heap_after_gc_max", heap[1]);
            r.put("rss_parked_kb", procStatusKb("VmRSS:"));
            Files.writeString(Path.of(out + ".histo"), classHistogram());
            release.countDown();
            ended.await();
        }
        sampler.stop();
        system.stop();
        r.put("peak_heap_used", sampler.peakUsed());
        r.put("peak_rss_kb", procStatusKb("VmHWM:")); // before the check below, which is not part of the run
        r.put("loadavg_end", loadAverage());
        r.put("context", System.getProperty("fastlog.context.fallback") != null ? "fallback" : "default");

        NdjsonCheck check = NdjsonCheck.of(out, logs ? "request step" : null);
        String reported = system.reportedProblems();
        boolean complete = check.lines == expectedLines && check.malformed == 0 && reported == null;
        r.put("lines", check.lines);
        r.put("malformed_lines", check.malformed);
        r.put("system_check", reported == null ? "ok" : reported);
        r.put("complete", complete);
        if (!Boolean.getBoolean("vt.keep")) {
            Files.deleteIfExists(out);
        }
        StringBuilder line = new StringBuilder("VTRESULT");
        r.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.out.flush();
        boolean strict = systemName.startsWith("fastlog");
        if (!complete) {
            System.err.printf(Locale.ROOT, "workload: %s: %s %s: expected %,d lines, found %,d (%,d malformed)%s%s%n",
                    strict ? "FAIL" : "FINDING", systemName, mode, expectedLines, check.lines, check.malformed,
                    check.firstProblem == null ? "" : "; first: " + check.firstProblem,
                    reported == null ? "" : "; the system reports " + reported);
        }
        System.exit(!complete && strict ? 3 : 0); // exit: a peer's non-daemon threads must not keep the JVM
    }

    /**
     * Starts {@code threads} virtual threads that each handle one request (if {@code log}), count
     * down {@code done}, park on {@code release}, then count down {@code ended}. The warm-up and
     * the measured threads run this same code, so their frames at the park are compiled alike.
     */
    static void startParkers(LogSystem system, boolean log, int threads, int events,
                             CountDownLatch done, CountDownLatch release, CountDownLatch ended) {
        Thread.Builder.OfVirtual builder = Thread.ofVirtual();
        for (int i = 0; i < threads; i++) {
            int n = i;
            builder.start(() -> {
                if (log) {
                    system.request(n, events);
                }
                done.countDown();
                try {
                    release.await(); // park alive: whatever the thread holds stays reachable
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ended.countDown();
            });
        }
    }

    /**
     * Rounds of virtual threads running exactly what the measured threads run (logging, or not),
     * so that the JIT has compiled that code, with that branch profile, before the measured threads
     * start. Without it the measured threads park in interpreted or freshly deoptimized frames,
     * whose stack chunks are bigger, and that would show up as a difference between systems.
     *
     * @return events logged
     */
    private static long warmUpParking(LogSystem system, boolean log, int events) throws InterruptedException {
        int per = Integer.getInteger("vt.parkWarmupThreads", 20_000);
        int rounds = Integer.getInteger("vt.parkWarmupRounds", 5);
        for (int round = 0; round < rounds && per > 0; round++) {
            CountDownLatch done = new CountDownLatch(per);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch ended = new CountDownLatch(per);
            startParkers(system, log, per, events, done, release, ended);
            done.await();
            release.countDown();
            ended.await();
        }
        return log ? (long) rounds * per * events : 0;
    }

    private static long stallNanos() {
        return Long.getLong("vt.stallSeconds", 30) * 1_000_000_000L;
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** Heap used after each of three full GCs (System.gc() is a full, compacting GC with G1): min, max. */
    static long[] heapAfterFullGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long used = mem.getHeapMemoryUsage().getUsed();
            min = Math.min(min, used);
            max = Math.max(max, used);
            Thread.sleep(100);
        }
        return new long[] {min, max};
    }

    /** The live-object class histogram (what {@code jcmd PID GC.class_histogram} prints). */
    static String classHistogram() throws Exception {
        javax.management.MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return (String) server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** The 1-minute load average (other processes compete for the same 2 cores), or -1. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "-1";
        }
    }

    /** A field of /proc/self/status in kB, or -1. */
    static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no procfs
        }
        return -1;
    }

    /** Counts newlines in a growing file, reading only what was appended since the last call. */
    static final class LineCounter {
        private final Path path;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        private long offset;
        private long lines;

        LineCounter(Path path) {
            this.path = path;
        }

        long countAll() throws IOException {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                for (;;) {
                    buf.clear();
                    int n = ch.read(buf, offset);
                    if (n <= 0) {
                        return lines;
                    }
                    offset += n;
                    byte[] a = buf.array();
                    for (int i = 0; i < n; i++) {
                        if (a[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
        }

        /** Waits until the file holds {@code expected} lines or stops growing for {@code stallNanos}. */
        long awaitAtLeast(long expected, long stallNanos) throws IOException, InterruptedException {
            long last = -1;
            long lastChange = System.nanoTime();
            for (;;) {
                long n = countAll();
                if (n >= expected) {
                    return n;
                }
                long now = System.nanoTime();
                if (n != last) {
                    last = n;
                    lastChange = now;
                } else if (now - lastChange > stallNanos) {
                    System.err.printf(Locale.ROOT, "workload: output stopped at %,d of %,d lines%n", n, expected);
                    return n;
                }
                Thread.sleep(10);
            }
        }
    }

    /** A platform daemon thread sampling heap use every 5 ms. */
    static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peakUsed;
        private final Thread thread = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(this);

        static HeapSampler start() {
            HeapSampler h = new HeapSampler();
            h.thread.start();
            return h;
        }

        @Override
        public void run() {
            while (running) {
                Runtime rt = Runtime.getRuntime();
                long used = rt.totalMemory() - rt.freeMemory();
                if (used > peakUsed) {
                    peakUsed = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakUsed() {
            return peakUsed;
        }
    }
}
