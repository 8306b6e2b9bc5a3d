package fastlog.bench.persisted;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import fastlog.bench.systems.BenchSystem;

/**
 * The persisted benchmark: N events from T producer threads (platform or virtual) into a real
 * file, timed from the release of the producers until the logger has written everything. Run one
 * system per JVM (bench/run_bench.py does), so the peak RSS it reports is that system's own.
 *
 * <pre>
 * java -cp benchmarks.jar fastlog.bench.persisted.PersistedBench \
 *     --system fastlog|log4j2|logback|ceiling --events 5000000 --threads 2 --kind platform|virtual \
 *     --file out.ndjson [--keep] [--rolling BYTES] [--passes 1|2]
 * </pre>
 *
 * <p>{@code --passes 2}: after the first pass (the JVM cold: nothing compiled yet, as in a service
 * right after it starts), the same N events again in the same JVM, into the same file, timed the
 * same way: the warm figures ({@code warm_*} in the result), what a service that has been logging
 * for a while pays per event. The first pass's figures keep their names; the line check covers
 * both passes (2N lines).
 *
 * <p>{@code --rolling BYTES}: each system writes a file that rotates every BYTES (fastlog's
 * {@code FileOutput.rotateAtSize}, Logback's {@code RollingFileAppender} with
 * {@code SizeAndTimeBasedRollingPolicy}, Log4j's {@code RollingRandomAccessFile} with a
 * {@code SizeBasedTriggeringPolicy}; nothing compressed or deleted). The files of the rotated log
 * (every file in the directory of {@code --file} whose name starts like it) are deleted before the
 * run and all of them are checked after it.
 *
 * <p>{@code -Dbench.fastlog.output=file}: fastlog writes through {@code Configuration.output(Path)}
 * (its own file output) instead of a {@code FileOutputStream}.
 *
 * <p>Every producer logs the three-field call shape
 * {@code info("request served", "status", 200, "path", "/api/orders", "ms", <varies>)}. The
 * {@code ceiling} system writes the same number of fastlog's lines for that call, pre-rendered,
 * from one thread with fastlog's batching (1 MiB per write), whatever T is.
 *
 * <p>Prints one line {@code PERSISTED_RESULT {json}}. After the timed part (and after peak RSS
 * is read), every line of the file is parsed with Jackson ({@link NdjsonCheck}: one JSON object
 * per line, valid UTF-8, no repeated key, the logged {@code msg}) and counted; for fastlog,
 * {@code Fastlog.stats()} must also show nothing dropped, lost or failed and exactly N events
 * written. The exit status is 2 if lines are missing or malformed, or fastlog's counters are off,
 * and the system is fastlog or the ceiling; for a peer the loss is reported in the result
 * ({@code ok: false}, {@code lost}, {@code malformed}, {@code first_problem}) and on stderr as a
 * FINDING, and the exit status stays 0.
 */
public final class PersistedBench {

    private PersistedBench() {
    }

    public static void main(String[] args) throws Exception {
        String system = "fastlog";
        long events = 5_000_000;
        int threads = 2;
        String kind = "platform";
        Path file = null;
        boolean keep = false;
        long rolling = 0;
        int passes = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--system" -> system = args[++i];
                case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--kind" -> kind = args[++i];
                case "--file" -> file = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--rolling" -> rolling = Long.parseLong(args[++i].replace("_", ""));
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (file == null) {
            file = Files.createTempFile("persisted-" + system, ".ndjson");
        }
        if (passes != 1 && passes != 2) {
            throw new IllegalArgumentException("--passes must be 1 or 2: " + passes);
        }
        if (!kind.equals("platform") && !kind.equals("virtual")) {
            throw new IllegalArgumentException("--kind must be platform or virtual: " + kind);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (rolling > 0) {
            System.setProperty("bench.rolling", Long.toString(rolling));
            for (Path f : logFiles(file)) {
                Files.delete(f);
            }
        }

        List<Timing> timings = system.equals("ceiling") ? runCeiling(file, events, passes)
                : runLogger(system, file, events, threads, kind, passes);
        Timing t = timings.get(0);
        Timing warm = passes > 1 ? timings.get(1) : null;
        double peakRss = peakRssMb(); // before the check below, which is not part of the run
        long expectedLines = events * passes;

        long checkStart = System.nanoTime();
        List<Path> files = rolling > 0 ? logFiles(file) : List.of(file);
        NdjsonCheck check = NdjsonCheck.ofAll(files, "request served");
        double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
        double seconds = t.totalNanos / 1e9;
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        boolean strict = system.equals("fastlog") || system.equals("ceiling");
        String systemCheck = warm != null && warm.systemCheck != null ? warm.systemCheck : t.systemCheck;
        boolean ok = check.lines == expectedLines && check.malformed == 0 && systemCheck == null;
        String json = String.format(Locale.ROOT,
                "{\"system\":\"%s\",\"kind\":\"%s\",\"threads\":%d,\"events\":%d,\"lines\":%d,"
                        + "\"lost\":%d,\"malformed\":%d,\"bytes\":%d,\"seconds\":%.6f,\"produce_seconds\":%.6f,"
                        + "\"events_per_s\":%.1f,\"mb_per_s\":%.2f,\"bytes_per_event\":%.2f,\"cpu_ns_per_event\":%.1f,\"producer_cpu_ns_per_event\":%.1f,\"background_cpu_ns_per_event\":%.1f,"
                        + "\"peak_rss_mb\":%.1f,\"ok\":%s,\"check\":\"every line parsed (Jackson, strict duplicate detection)\","
                        + "\"check_seconds\":%.2f,\"first_problem\":%s,\"system_check\":%s,\"java\":\"%s\","
                        + "\"rolling_bytes\":%d,\"files\":%d,\"output\":\"%s\",\"passes\":%d%s}",
                system, kind, system.equals("ceiling") ? 1 : threads, events, check.lines,
                Math.max(0, expectedLines - check.lines), check.malformed, bytes, seconds, t.produceNanos / 1e9,
                events / seconds, bytes / passes / 1e6 / seconds, check.lines == 0 ? 0.0 : (double) bytes / check.lines,
                (double) t.cpuNanos / events,
                t.producerCpuNanos < 0 ? -1.0 : (double) t.producerCpuNanos / events,
                (double) t.backgroundCpuNanos / events,
                peakRss, ok, checkSeconds, jsonString(check.firstProblem), jsonString(systemCheck), Runtime.version(),
                rolling, files.size(), System.getProperty("bench.fastlog.output", "stream"), passes,
                warm == null ? "" : warmFields(warm, events));
        System.out.println("PERSISTED_RESULT " + json);
        if (!ok) {
            System.err.printf(Locale.ROOT, "%s: %s: expected %d lines, found %d (%d malformed)%s%s%n",
                    strict ? "FAIL" : "FINDING", system, events, check.lines, check.malformed,
                    check.firstProblem == null ? "" : "; first: " + check.firstProblem,
                    t.systemCheck == null ? "" : "; " + t.systemCheck);
        }
        if (!keep) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        System.exit(!ok && strict ? 2 : 0);
    }

    /** The second pass's figures, named like the first pass's with {@code warm_} before them. */
    private static String warmFields(Timing w, long events) {
        return String.format(Locale.ROOT, ",\"warm_seconds\":%.6f,\"warm_events_per_s\":%.1f,"
                        + "\"warm_cpu_ns_per_event\":%.1f,\"warm_producer_cpu_ns_per_event\":%.1f,"
                        + "\"warm_background_cpu_ns_per_event\":%.1f",
                w.totalNanos / 1e9, events / (w.totalNanos / 1e9), (double) w.cpuNanos / events,
                w.producerCpuNanos < 0 ? -1.0 : (double) w.producerCpuNanos / events,
                (double) w.backgroundCpuNanos / events);
    }

    /**
     * The files of a rotated log: {@code file} and every file beside it whose name starts with
     * its name up to the last dot ({@code app.log}: {@code app-2026-11-30.1.log}, {@code app-2026-11-30-1.log}).
     */
    static List<Path> logFiles(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString();
        String stem = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
        try (java.util.stream.Stream<Path> s = Files.list(abs.getParent())) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().startsWith(stem))
                    .sorted().toList();
        }
    }

    /** A JSON string literal, or null. */
    static String jsonString(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * Wall time to the producers' end and to everything written; the process's CPU time in between;
     * the CPU time of the producer threads (-1 where the JVM cannot tell, e.g. virtual threads) and
     * of the logger's background thread(s).
     */
    private record Timing(long produceNanos, long totalNanos, long cpuNanos, long producerCpuNanos,
                          long backgroundCpuNanos, String systemCheck) {
    }

    /** Background threads of the systems: fastlog's writer, Log4j's async logger, logback's appender. */
    private static final java.util.regex.Pattern BACKGROUND =
            java.util.regex.Pattern.compile("fastlog-writer.*|.*AsyncLogger.*|logback-appender.*");

    private static long backgroundCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null && BACKGROUND.matcher(ti.getThreadName()).matches()) {
                long c = mx.getThreadCpuTime(ti.getThreadId());
                if (c > 0) {
                    sum += c;
                }
            }
        }
        return sum;
    }
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Starts the system, runs {@code passes} timed passes of N events (each drained and checked), stops it. */
    private static List<Timing> runLogger(String system, Path file, long events, int threads, String kind, int passes)
            throws InterruptedException {
        BenchSystem sys = BenchSystem.named(system);
        sys.start(file);
        List<Timing> timings = new ArrayList<>(passes);
        for (int pass = 0; pass < passes; pass++) {
            timings.add(runPass(sys, events, threads, kind));
        }
        sys.stop();
        return timings;
    }

    /** One timed pass: N events from T new producer threads, until all is written, then the system's check. */
    private static Timing runPass(BenchSystem sys, long events, int threads, String kind) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>(threads);
        java.util.concurrent.atomic.AtomicLong producerCpu = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean producerCpuUnknown = new java.util.concurrent.atomic.AtomicBoolean();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long each = events / threads;
        long extra = events % threads;
        for (int p = 0; p < threads; p++) {
            long count = each + (p < extra ? 1 : 0);
            Runnable work = () -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                // Virtual threads: the JVM does not account CPU time per virtual thread.
                long cpu0 = Thread.currentThread().isVirtual() ? -1 : mx.getCurrentThreadCpuTime();
                for (long i = 0; i < count; i++) {
                    sys.threeFields(200, "/api/orders", 0.25 * (i & 1023));
                }
                long cpu1 = mx.getCurrentThreadCpuTime();
                if (cpu0 < 0 || cpu1 < 0) {
                    producerCpuUnknown.set(true);
                } else {
                    producerCpu.addAndGet(cpu1 - cpu0);
                }
            };
            Thread th = kind.equals("virtual") ? Thread.ofVirtual().name("producer-", p).unstarted(work)
                    : Thread.ofPlatform().name("producer-" + p).unstarted(work);
            producers.add(th);
            th.start();
        }
        long bg0 = backgroundCpuNanos();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread th : producers) {
            th.join();
        }
        long produced = System.nanoTime();
        sys.drain();
        long drained = System.nanoTime();
        long cpu = processCpuNanos() - cpu0;
        long bg = backgroundCpuNanos() - bg0;
        String systemCheck = null;
        try {
            sys.checkAfterDrain(events); // fastlog: its counters and the file agree, nothing dropped or lost
        } catch (IllegalStateException e) {
            systemCheck = e.getMessage();
        }
        long pc = producerCpuUnknown.get() ? -1 : producerCpu.get();
        return new Timing(produced - t0, drained - t0, cpu, pc, bg, systemCheck);
    }

    /** {@code passes} times, one thread writes N pre-rendered lines, 1 MiB per write, to a plain FileOutputStream. */
    private static List<Timing> runCeiling(Path file, long events, int passes) throws IOException {
        List<Timing> timings = new ArrayList<>(passes);
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            for (int pass = 0; pass < passes; pass++) {
                timings.add(ceilingPass(out, events));
            }
        }
        return timings;
    }

    private static Timing ceilingPass(FileOutputStream out, long events) throws IOException {
        byte[] line = ("{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"INFO\",\"logger\":\"bench.auth\","
                + "\"msg\":\"request served\",\"status\":200,\"path\":\"/api/orders\",\"ms\":12.5}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int bufferSize = 1 << 20;
        byte[] buf = new byte[bufferSize + line.length];
        long t0;
        long done;
        long cpu0 = processCpuNanos();
        t0 = System.nanoTime();
        int used = 0;
        for (long i = 0; i < events; i++) {
            System.arraycopy(line, 0, buf, used, line.length);
            used += line.length;
            if (used >= bufferSize) {
                out.write(buf, 0, used);
                used = 0;
            }
        }
        out.write(buf, 0, used);
        done = System.nanoTime();
        long cpu = processCpuNanos() - cpu0;
        return new Timing(done - t0, done - t0, cpu, cpu, 0, null);
    }

    /** VmHWM, the resident set's high-water mark, from /proc/self/status (Linux); -1 elsewhere. */
    static double peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
