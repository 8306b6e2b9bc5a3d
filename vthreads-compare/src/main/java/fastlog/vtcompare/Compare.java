package fastlog.vtcompare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The side-by-side: runs {@link Workload} in a fresh child JVM per (system, mode, N, repetition),
 * then prints a table and {@code RESULT ...} lines and writes {@code results/latest.json}.
 *
 * <p>Systems: {@code fastlog} (defaults), {@code fastlog-fallback} (the Java 21 context fallback,
 * {@code -Dfastlog.context.fallback=true}), {@code fastlog-no-sv-cache} (fastlog with
 * {@code -Djdk.preserveScopedValueCache=false}, which README's "Scoped context" recommends for
 * many parked threads), {@code log4j2} (as configured by default), {@code log4j2-nothreadlocals}
 * (the same with {@code -Dlog4j2.enableThreadlocals=false}, Log4j's switch that stops it keeping
 * per-thread caches: what its experts would set for a million virtual threads), {@code logback}.
 * {@link #SYSTEM_OPTS} has each one's extra JVM options.
 *
 * <p>Checks: every child parses and counts every line it wrote and reads the system's own
 * counters ({@link Workload}). A fastlog child that wrote fewer lines than expected, a malformed
 * line, or that reports a dropped or lost event exits non-zero: the run is a FAILURE and the
 * comparison exits 1 (after writing the results). A peer's missing or malformed lines are a
 * FINDING: printed at the end, marked in the tables, and kept in the results file.
 *
 * <p>Provenance: the results file's {@code provenance} holds the git revision and dirty flag, the
 * date (UTC), the command ({@code -Dvt.command}, passed by the Makefile; and the exact java
 * command line) and the machine (nproc, memory, JDK, kernel, CPU model).
 *
 * <p>Settings (system properties): {@code vt.systems} (all six),
 * {@code vt.threads} (100000,1000000), {@code vt.events} (3), {@code vt.reps} (1; medians when
 * more), {@code vt.xmx} (8g), {@code vt.scratch} (.scratch/vthreads-compare), {@code vt.results}
 * (vthreads-compare/results/latest.json), {@code vt.childOpts} (extra JVM options for every
 * child), {@code vt.timeoutSeconds} (900 per child).
 *
 * <p>Runs, per repetition: for each N a {@code nolog} run, and for each system an {@code idle} run
 * (system started and warmed up, the N threads park without logging) and a {@code vthreads} run
 * (the N threads log, then park); for each system one {@code platform} run (2 platform threads,
 * as many requests as the largest N). Each parked run records heap used after full GCs and a
 * class histogram. Per live virtual thread:
 * <ul>
 *   <li><b>heap</b> = (heap after GC, vthreads run - nolog run) / N: the method of the issue;</li>
 *   <li><b>stack chunks</b> = the part of that in {@code jdk.internal.vm.StackChunk} objects, the
 *       parked threads' frames, whose size depends on what the JIT had compiled when each thread
 *       parked (it differs between identical no-logging runs);</li>
 *   <li><b>logging state</b> = (live bytes other than stack chunks, vthreads run - idle run) / N:
 *       what the logging system keeps per thread, without its fixed cost or the stacks.</li>
 * </ul>
 */
public final class Compare {

    private static final String STACK_CHUNK = "jdk.internal.vm.StackChunk";

    /** Each system's extra JVM options (Workload maps the name to its LogSystem). */
    static final Map<String, List<String>> SYSTEM_OPTS = Map.of(
            "fastlog", List.of(),
            "fastlog-fallback", List.of("-Dfastlog.context.fallback=true"),
            "fastlog-no-sv-cache", List.of("-Djdk.preserveScopedValueCache=false"),
            "log4j2", List.of(),
            "log4j2-nothreadlocals", List.of("-Dlog4j2.enableThreadlocals=false"),
            "logback", List.of(),
            "nolog", List.of());

    static final String DEFAULT_SYSTEMS = "fastlog,fastlog-fallback,fastlog-no-sv-cache,log4j2,log4j2-nothreadlocals,logback";

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        List<String> systems = list(System.getProperty("vt.systems", DEFAULT_SYSTEMS));
        for (String s : systems) {
            if (!SYSTEM_OPTS.containsKey(s) || s.equals("nolog")) {
                throw new IllegalArgumentException("unknown system " + s + " in vt.systems; known: " + DEFAULT_SYSTEMS);
            }
        }
        List<Integer> ns = list(System.getProperty("vt.threads", "100000,1000000")).stream()
                .map(s -> Integer.parseInt(s.replace("_", ""))).toList();
        int events = Integer.getInteger("vt.events", 3);
        int reps = Integer.getInteger("vt.reps", 1);
        String xmx = System.getProperty("vt.xmx", "8g");
        Path scratch = Path.of(System.getProperty("vt.scratch", ".scratch/vthreads-compare")).toAbsolutePath();
        Path results = Path.of(System.getProperty("vt.results", "vthreads-compare/results/latest.json"));
        String childOpts = System.getProperty("vt.childOpts", "").trim();
        long timeout = Long.getLong("vt.timeoutSeconds", 900);
        int platformRequests = ns.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Files.createDirectories(scratch);

        List<Run> plan = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            for (int n : ns) {
                plan.add(new Run("nolog", "vthreads", n, rep));
                for (String s : systems) {
                    plan.add(new Run(s, "idle", n, rep));
                    plan.add(new Run(s, "vthreads", n, rep));
                }
            }
            for (String s : systems) {
                plan.add(new Run(s, "platform", platformRequests, rep));
            }
        }
        Instant started = Instant.now();
        Map<String, Object> provenance = provenance(started);
        System.err.printf(Locale.ROOT, "vthreads-compare: %d child JVMs (systems %s, N %s, %d events per request, %d rep(s), -Xmx%s)%n",
                plan.size(), systems, ns, events, reps, xmx);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        int i = 0;
        for (Run run : plan) {
            i++;
            Path outFile = scratch.resolve(run.system + "-" + run.mode + "-" + run.n + ".ndjson");
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-XX:+UseG1GC",
                    "--sun-misc-unsafe-memory-access=allow"));
            cmd.addAll(SYSTEM_OPTS.get(run.system));
            if (!childOpts.isEmpty()) {
                cmd.addAll(Arrays.asList(childOpts.split("\\s+")));
            }
            cmd.addAll(List.of("-cp", cp, Workload.class.getName(), run.system, run.mode,
                    Integer.toString(run.n), Integer.toString(events), outFile.toString()));
            long t = System.nanoTime();
            run.exitStatus = runChild(cmd, timeout, run);
            Path histo = Path.of(outFile + ".histo");
            if (Files.exists(histo)) {
                if (run.result != null) {
                    run.histo = Histogram.read(histo);
                }
                Files.delete(histo);
            }
            System.err.printf(Locale.ROOT, "  [%d/%d] %-16s %-8s N=%,9d rep %d: %5.1f s  %s%n", i, plan.size(),
                    run.system, run.mode, run.n, run.rep, (System.nanoTime() - t) / 1e9, run.brief());
        }

        List<Row> rows = new ArrayList<>();
        for (String s : systems) {
            for (int n : ns) {
                rows.add(Row.of(plan, s, n, platformRequests, events));
            }
        }
        String table = table(rows, plan, ns, events, platformRequests);
        System.out.println();
        System.out.print(table);
        System.out.println();
        for (Row row : rows) {
            row.resultLines().forEach(System.out::println);
        }
        List<String> failures = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (Run r : plan) {
            String what = String.format(Locale.ROOT, "%s %s N=%,d rep %d", r.system, r.mode, r.n, r.rep);
            String lines = r.result == null ? "" : String.format(Locale.ROOT, ": wrote %,.0f of %,.0f expected lines, %,.0f malformed, system reports %s",
                    r.num("lines"), r.num("expected_lines"), r.num("malformed_lines"), r.result.getOrDefault("system_check", "n/a"));
            if (r.exitStatus != 0 || r.result == null) {
                failures.add(what + ": child exited with status " + r.exitStatus + (r.result == null ? " without a result" : "") + lines);
            } else if (!"true".equals(r.result.get("complete"))) {
                findings.add("peer " + what + lines);
            }
        }
        writeJson(results, started, provenance, systems, ns, events, reps, xmx, childOpts, plan, rows, table, failures, findings);
        System.err.println("vthreads-compare: wrote " + results);
        if (!findings.isEmpty()) {
            System.out.printf(Locale.ROOT, "%n== %d FINDING(S) about the peers (not failures; kept in the results file)%n", findings.size());
            findings.forEach(f -> System.out.println("FINDING: " + f));
        }
        if (!failures.isEmpty()) {
            System.out.printf(Locale.ROOT, "%n== %d FAILURE(S): this run does not count%n", failures.size());
            failures.forEach(f -> System.out.println("FAILURE: " + f));
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "%nEvery fastlog run wrote every line, all parsed; revision %s%s%n",
                provenance.get("git_revision"), Boolean.TRUE.equals(provenance.get("git_dirty")) ? " (dirty tree)" : "");
    }

    /**
     * Runs one child; stores its VTRESULT fields in {@code run.result} (null if it printed none)
     * and returns its exit status (non-zero: failed, e.g. a fastlog run that lost lines). Other
     * output goes to stderr.
     */
    private static int runChild(List<String> cmd, long timeoutSeconds, Run run) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    System.err.println("    child timed out after " + timeoutSeconds + " s; killing it");
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                // the child ended
            }
        });
        Map<String, String> result = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("VTRESULT ")) {
                    result = new LinkedHashMap<>();
                    for (String kv : line.substring(9).trim().split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else {
                    System.err.println("    | " + line);
                }
            }
        }
        int rc = p.waitFor();
        watchdog.interrupt();
        if (rc != 0) {
            System.err.println("    child exited with status " + rc);
        }
        run.result = result;
        return rc;
    }

    // ---------------------------------------------------------------- tables and files

    private static String table(List<Row> rows, List<Run> plan, List<Integer> ns, int events, int platformRequests) {
        StringBuilder b = new StringBuilder();
        b.append("Memory, with N virtual threads parked alive after logging:\n\n");
        b.append("| system | live vthreads | logging state per live vthread | heap per live vthread vs no logging | of which stack chunks | fixed cost | peak heap | peak RSS |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s |%n",
                    r.system, r.n, r.fmt("state_bytes_per_live_vthread", "%.0f B"), r.fmt("bytes_per_live_vthread", "%.0f B"),
                    r.fmt("stack_chunk_bytes_per_live_vthread", "%.0f B"), r.fmt("fixed_mb", "%.1f MiB"),
                    r.fmt("peak_heap_mb", "%,.0f MiB"), r.fmt("peak_rss_mb", "%,.0f MiB")));
        }
        b.append("\nThroughput, same runs (N threads x " + events + " events; wall = first thread started to last line written):\n\n");
        b.append("| system | live vthreads | wall | events/s while logging | events/s until written | % of own 2-platform-thread rate | CPU per event | minus no-logging | CPU per event, 2 platform threads | ratio | GC time | lines written |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.system, r.n, r.fmt("wall_s", "%.2f s"), r.fmt("events_per_s", "%,.0f"), r.fmt("e2e_events_per_s", "%,.0f"),
                    r.fmt("pct_of_platform2", "%.0f %%"), r.fmt("cpu_us_per_event", "%.2f us"),
                    r.fmt("marginal_cpu_us_per_event", "%.2f us"), r.fmt("platform2_cpu_us_per_event", "%.2f us"),
                    r.fmt("marginal_vs_platform2", "%.2fx"), r.fmt("gc_s", "%.1f s"),
                    lines(r.get("lines"), r.get("expected_lines")) + malformed(r.get("malformed_lines"))));
        }
        b.append("\n\"minus no-logging\": CPU per event less the no-logging run's CPU per thread / events per thread "
                + "(starting and parking the threads); \"ratio\": that / CPU per event from 2 platform threads.\n");
        for (Row r : rows) {
            if (r.system.equals("fastlog") && r.get("marginal_vs_platform2") != null) {
                b.append(String.format(Locale.ROOT, "Goal (issue 16): fastlog's logging CPU per event with %,d live virtual threads "
                        + "<= 1.25x its cost from 2 platform threads: %.2fx (%s vs %s)%n", r.n, r.get("marginal_vs_platform2"),
                        r.fmt("marginal_cpu_us_per_event", "%.2f us"), r.fmt("platform2_cpu_us_per_event", "%.2f us")));
            }
        }
        b.append("\nWhat the logging state is (class histogram of the parked heap, vthreads run minus idle run, stack chunks left out):\n\n");
        b.append("| system | live vthreads | largest differences: bytes per thread (instances per thread) |\n|---|---:|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %,d | %s |%n", r.system, r.n, r.topClasses == null ? "n/a" : r.topClasses));
        }
        b.append(String.format(Locale.ROOT, "%n2 platform threads, %,d requests x %d events, same event shape:%n%n", platformRequests, events));
        b.append("| system | events/s while logging | events/s until written | CPU per event | lines written |\n|---|---:|---:|---:|---:|\n");
        Set<String> seen = new LinkedHashSet<>();
        for (Row r : rows) {
            if (seen.add(r.system)) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.system, r.fmt("platform2_events_per_s", "%,.0f"),
                        r.fmt("platform2_e2e_events_per_s", "%,.0f"), r.fmt("platform2_cpu_us_per_event", "%.2f us"),
                        lines(r.get("platform2_lines"), r.get("platform2_expected_lines"))));
            }
        }
        b.append("\nNo-logging baseline: ");
        b.append(ns.stream().map(n -> {
            Double t = median(runs(plan, "nolog", "vthreads", n), r -> r.num("log_s"));
            Double chunk = median(runs(plan, "nolog", "vthreads", n), r -> r.histo == null ? Double.NaN : (double) r.histo.stackChunkBytes / n);
            Double cpu = median(runs(plan, "nolog", "vthreads", n), r -> r.num("cpu_s") * 1e6 / n);
            return String.format(Locale.ROOT, "N=%,d: %s to start the threads and have them all reach the park (%s CPU per thread), stack chunks %s per thread",
                    n, t == null ? "n/a" : String.format(Locale.ROOT, "%.2f s", t),
                    cpu == null ? "n/a" : String.format(Locale.ROOT, "%.1f us", cpu),
                    chunk == null ? "n/a" : String.format(Locale.ROOT, "%.0f B", chunk));
        }).collect(Collectors.joining("; "))).append(".\n");
        Double load = median(plan.stream().filter(r -> r.result != null).toList(), r -> r.num("loadavg_start"));
        b.append(String.format(Locale.ROOT, "Median 1-minute load average when a child started: %s (2 CPUs).%n",
                load == null ? "n/a" : String.format(Locale.ROOT, "%.2f", load)));
        return b.toString();
    }

    private static String malformed(Double n) {
        return n == null || n == 0 ? "" : String.format(Locale.ROOT, " (%,.0f MALFORMED)", n);
    }

    private static String lines(Double lines, Double expected) {
        if (lines == null) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%,.0f", lines);
        if (expected != null && !lines.equals(expected)) {
            s += String.format(Locale.ROOT, " (MISSING %,.0f of %,.0f)", expected - lines, expected);
        }
        return s;
    }

    private static void writeJson(Path file, Instant started, Map<String, Object> provenance, List<String> systems,
                                  List<Integer> ns, int events, int reps, String xmx, String childOpts, List<Run> plan,
                                  List<Row> rows, String table, List<String> failures, List<String> findings) throws IOException {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"bench\": \"vthreads\",\n");
        j.append("  \"provenance\": ").append(json(provenance)).append(",\n");
        j.append("  \"failures\": ").append(failures.stream().map(Compare::q).collect(Collectors.joining(", ", "[", "]"))).append(",\n");
        j.append("  \"findings\": ").append(findings.stream().map(Compare::q).collect(Collectors.joining(", ", "[", "]"))).append(",\n");
        j.append("  \"system_options\": {").append(systems.stream().map(s -> q(s) + ": " + q(String.join(" ", SYSTEM_OPTS.get(s))))
                .collect(Collectors.joining(", "))).append("},\n");
        j.append("  \"started\": ").append(q(started.truncatedTo(ChronoUnit.SECONDS).toString())).append(",\n");
        j.append("  \"finished\": ").append(q(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append(",\n");
        j.append("  \"machine\": {\"cpus\": ").append(Runtime.getRuntime().availableProcessors())
                .append(", \"cpu\": ").append(q(cpuModel())).append(", \"mem_total_kb\": ").append(memTotalKb())
                .append(", \"os\": ").append(q(System.getProperty("os.name") + " " + System.getProperty("os.version"))).append("},\n");
        j.append("  \"jdk\": ").append(q(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version"))).append(",\n");
        j.append("  \"settings\": {\"systems\": ").append(systems.stream().map(Compare::q).collect(Collectors.joining(", ", "[", "]")))
                .append(", \"threads\": ").append(ns).append(", \"events_per_request\": ").append(events)
                .append(", \"reps\": ").append(reps).append(", \"xmx\": ").append(q(xmx))
                .append(", \"child_opts\": ").append(q(childOpts))
                .append(", \"warmup_requests_main_thread\": ").append(Workload.WARMUP_REQUESTS).append("},\n");
        j.append("  \"summary\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            j.append("    {\"system\": ").append(q(r.system)).append(", \"threads\": ").append(r.n);
            r.metrics.forEach((k, v) -> j.append(", ").append(q(k)).append(": ").append(num(v)));
            j.append(", \"state_top_classes\": ").append(r.topClasses == null ? "null" : q(r.topClasses));
            j.append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        j.append("  ],\n  \"runs\": [\n");
        for (int i = 0; i < plan.size(); i++) {
            Run r = plan.get(i);
            j.append("    {\"system\": ").append(q(r.system)).append(", \"mode\": ").append(q(r.mode))
                    .append(", \"threads\": ").append(r.n).append(", \"rep\": ").append(r.rep)
                    .append(", \"ok\": ").append(r.result != null && r.exitStatus == 0).append(", \"exit_status\": ").append(r.exitStatus);
            if (r.result != null) {
                r.result.forEach((k, v) -> {
                    if (!k.equals("system") && !k.equals("mode") && !k.equals("threads")) {
                        j.append(", ").append(q(k)).append(": ").append(v.matches("-?[0-9]+(\\.[0-9]+)?|true|false") ? v : q(v));
                    }
                });
            }
            if (r.histo != null) {
                j.append(", \"histo_total_bytes\": ").append(r.histo.totalBytes)
                        .append(", \"histo_stack_chunk_bytes\": ").append(r.histo.stackChunkBytes);
            }
            j.append(i + 1 < plan.size() ? "},\n" : "}\n");
        }
        j.append("  ],\n  \"table\": ").append(q(table)).append("\n}\n");
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Files.writeString(abs, j);
        if (abs.getFileName().toString().equals("latest.json")) {
            // latest.json is rewritten by every run; the dated copy stays, for README to cite.
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(started);
            Path copy = abs.resolveSibling("run-" + stamp + ".json");
            Files.writeString(copy, j);
            System.err.println("vthreads-compare: wrote " + copy);
        }
    }

    static String num(Double v) {
        if (v == null || v.isNaN()) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return String.format(Locale.ROOT, Math.abs(v) < 100 ? "%.2f" : "%.1f", v);
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Which code, when, how, on what machine: the same fields as bench/provenance.py writes. */
    static Map<String, Object> provenance(Instant started) {
        Map<String, Object> p = new LinkedHashMap<>();
        String rev = git("rev-parse", "HEAD");
        String status = git("status", "--porcelain", "--untracked-files=no");
        List<String> dirty = status == null ? null : status.lines().filter(l -> l.length() > 3).map(l -> l.substring(3)).toList();
        p.put("git_revision", rev == null ? null : rev.trim());
        p.put("git_dirty", dirty == null ? null : !dirty.isEmpty());
        p.put("git_dirty_paths", dirty == null ? null : dirty.subList(0, Math.min(50, dirty.size())));
        p.put("date_utc", started.truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("command", System.getProperty("vt.command"));
        p.put("argv", ProcessHandle.current().info().commandLine().orElse(null));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu_model", cpuModel());
        m.put("mem_total_kb", memTotalKb());
        m.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        m.put("load_average_at_start", Workload.loadAverage());
        p.put("machine", m);
        p.put("recovered", false);
        return p;
    }

    /** git's output, or null if git is not there or fails (e.g. not a work tree). */
    private static String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A small JSON writer for maps, lists, strings, numbers, booleans and null. */
    static String json(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> q(String.valueOf(e.getKey())) + ": " + json(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Compare::json).collect(Collectors.joining(", ", "[", "]"));
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        String s = o.toString();
        return s.matches("-?[0-9]+(\\.[0-9]+)?") ? s : q(s);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotalKb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- runs and rows

    static List<Run> runs(List<Run> plan, String system, String mode, int n) {
        return plan.stream().filter(r -> r.system.equals(system) && r.mode.equals(mode) && r.n == n && r.result != null).toList();
    }

    /** Median of f over the runs, ignoring NaN; null if none. */
    static Double median(List<Run> runs, ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** A live-object class histogram: class (hidden-class suffixes removed) to {instances, bytes}. */
    record Histogram(Map<String, long[]> classes, long totalBytes, long stackChunkBytes) {

        long objectBytes() {
            return totalBytes - stackChunkBytes;
        }

        static Histogram read(Path file) throws IOException {
            Map<String, long[]> m = new LinkedHashMap<>();
            long total = 0;
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[0].endsWith(":")) {
                    continue;
                }
                String cls = f[3].replaceAll("/0x[0-9a-f]+", "");
                long[] v = m.computeIfAbsent(cls, k -> new long[2]);
                v[0] += Long.parseLong(f[1]);
                v[1] += Long.parseLong(f[2]);
                total += Long.parseLong(f[2]);
            }
            long[] chunks = m.get(STACK_CHUNK);
            return new Histogram(m, total, chunks == null ? 0 : chunks[1]);
        }

        /** The classes whose live bytes differ most from {@code base}, per thread, stack chunks left out. */
        String largestDifferences(Histogram base, int n) {
            Set<String> keys = new LinkedHashSet<>(classes.keySet());
            keys.addAll(base.classes.keySet());
            keys.remove(STACK_CHUNK);
            Map<String, double[]> d = new LinkedHashMap<>();
            for (String k : keys) {
                long[] x = classes.getOrDefault(k, new long[2]);
                long[] y = base.classes.getOrDefault(k, new long[2]);
                double bytes = (double) (x[1] - y[1]) / n;
                if (Math.abs(bytes) >= 2) {
                    d.put(k, new double[] {bytes, (double) (x[0] - y[0]) / n});
                }
            }
            if (d.isEmpty()) {
                return "none of 2 B or more";
            }
            return d.entrySet().stream().sorted((p, r) -> Double.compare(Math.abs(r.getValue()[0]), Math.abs(p.getValue()[0])))
                    .limit(8).map(e -> String.format(Locale.ROOT, "%s %+.0f B (%+.2f)", e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .collect(Collectors.joining("; "));
        }
    }

    static final class Run {
        final String system;
        final String mode;
        final int n;
        final int rep;
        Map<String, String> result;
        int exitStatus;
        Histogram histo;

        Run(String system, String mode, int n, int rep) {
            this.system = system;
            this.mode = mode;
            this.n = n;
            this.rep = rep;
        }

        double num(String field) {
            String v = result == null ? null : result.get(field);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }

        String brief() {
            if (result == null) {
                return "FAILED (exit " + exitStatus + ", no result)";
            }
            StringBuilder b = new StringBuilder();
            if (result.containsKey("heap_after_gc")) {
                b.append(String.format(Locale.ROOT, "heap %,d MiB  ", (long) num("heap_after_gc") >> 20));
            }
            if (num("events") > 0) {
                b.append(String.format(Locale.ROOT, "%,.0f events/s  ", num("events_per_s")));
            }
            b.append(String.format(Locale.ROOT, "lines %,.0f/%,.0f  peak RSS %,d MiB  load %s", num("lines"),
                    num("expected_lines"), (long) num("peak_rss_kb") >> 10, result.get("loadavg_start")));
            if (!"true".equals(result.get("complete"))) {
                b.append(exitStatus != 0 ? "  FAILED: INCOMPLETE (exit " + exitStatus + ")" : "  INCOMPLETE (a peer: reported as a finding)");
            }
            return b.toString();
        }
    }

    static final class Row {
        final String system;
        final int n;
        final Map<String, Double> metrics = new LinkedHashMap<>();
        String topClasses;

        private Row(String system, int n) {
            this.system = system;
            this.n = n;
        }

        static final Map<String, String> UNITS = Map.ofEntries(
                Map.entry("state_bytes_per_live_vthread", "B"), Map.entry("bytes_per_live_vthread", "B"),
                Map.entry("stack_chunk_bytes_per_live_vthread", "B"), Map.entry("fixed_mb", "MiB"),
                Map.entry("peak_rss_mb", "MiB"), Map.entry("peak_heap_mb", "MiB"), Map.entry("wall_s", "s"),
                Map.entry("log_s", "s"), Map.entry("nolog_log_s", "s"), Map.entry("events_per_s", "events/s"),
                Map.entry("e2e_events_per_s", "events/s"), Map.entry("platform2_events_per_s", "events/s"),
                Map.entry("platform2_e2e_events_per_s", "events/s"), Map.entry("pct_of_platform2", "%"),
                Map.entry("cpu_us_per_event", "us"), Map.entry("platform2_cpu_us_per_event", "us"),
                Map.entry("nolog_cpu_us_per_thread", "us"), Map.entry("marginal_cpu_us_per_event", "us"),
                Map.entry("marginal_vs_platform2", "x"), Map.entry("gc_s", "s"), Map.entry("platform2_gc_s", "s"),
                Map.entry("lines", "lines"), Map.entry("expected_lines", "lines"), Map.entry("malformed_lines", "lines"),
                Map.entry("platform2_lines", "lines"), Map.entry("platform2_expected_lines", "lines"));

        static Row of(List<Run> plan, String s, int n, int platformRequests, int events) {
            Row row = new Row(s, n);
            List<Run> log = runs(plan, s, "vthreads", n);
            List<Run> idle = runs(plan, s, "idle", n);
            List<Run> nolog = runs(plan, "nolog", "vthreads", n);
            List<Run> platform = runs(plan, s, "platform", platformRequests);
            // Per repetition (runs of one repetition ran side by side), then the median.
            row.put("state_bytes_per_live_vthread", perRep(log, idle, (a, b) ->
                    a.histo == null || b.histo == null ? Double.NaN : (double) (a.histo.objectBytes() - b.histo.objectBytes()) / n));
            Double heapLog = median(log, r -> r.num("heap_after_gc"));
            Double heapNolog = median(nolog, r -> r.num("heap_after_gc"));
            row.put("bytes_per_live_vthread", heapLog == null || heapNolog == null ? null : (heapLog - heapNolog) / n);
            row.put("stack_chunk_bytes_per_live_vthread", perRep(log, nolog, (a, b) ->
                    a.histo == null || b.histo == null ? Double.NaN : (double) (a.histo.stackChunkBytes - b.histo.stackChunkBytes) / n));
            row.put("fixed_mb", perRep(idle, nolog, (a, b) ->
                    a.histo == null || b.histo == null ? Double.NaN : (a.histo.objectBytes() - b.histo.objectBytes()) / 1048576.0));
            row.put("peak_rss_mb", div(median(log, r -> r.num("peak_rss_kb")), 1024));
            row.put("peak_heap_mb", div(median(log, r -> r.num("peak_heap_used")), 1048576));
            row.put("wall_s", median(log, r -> r.num("drain_s")));
            row.put("log_s", median(log, r -> r.num("log_s")));
            row.put("nolog_log_s", median(nolog, r -> r.num("log_s")));
            row.put("events_per_s", median(log, r -> r.num("events_per_s")));
            row.put("e2e_events_per_s", median(log, r -> r.num("e2e_events_per_s")));
            row.put("platform2_events_per_s", median(platform, r -> r.num("events_per_s")));
            row.put("platform2_e2e_events_per_s", median(platform, r -> r.num("e2e_events_per_s")));
            Double v = row.get("events_per_s");
            Double p = row.get("platform2_events_per_s");
            row.put("pct_of_platform2", v == null || p == null ? null : 100 * v / p);
            row.put("cpu_us_per_event", median(log, r -> r.num("cpu_s") * 1e6 / r.num("events")));
            row.put("platform2_cpu_us_per_event", median(platform, r -> r.num("cpu_s") * 1e6 / r.num("events")));
            row.put("nolog_cpu_us_per_thread", median(nolog, r -> r.num("cpu_s") * 1e6 / n));
            // Logging's own CPU per event: the run's, minus what starting and parking the threads
            // costs without logging (the nolog run, per thread, spread over the thread's events).
            Double cpu = row.get("cpu_us_per_event");
            Double nologCpu = row.get("nolog_cpu_us_per_thread");
            Double platformCpu = row.get("platform2_cpu_us_per_event");
            Double marginal = cpu == null || nologCpu == null ? null : cpu - nologCpu / events;
            row.put("marginal_cpu_us_per_event", marginal);
            row.put("marginal_vs_platform2", marginal == null || platformCpu == null ? null : marginal / platformCpu);
            row.put("gc_s", median(log, r -> r.num("gc_s")));
            row.put("platform2_gc_s", median(platform, r -> r.num("gc_s")));
            row.put("lines", median(log, r -> r.num("lines")));
            row.put("expected_lines", median(log, r -> r.num("expected_lines")));
            row.put("malformed_lines", median(log, r -> r.num("malformed_lines")));
            row.put("platform2_lines", median(platform, r -> r.num("lines")));
            row.put("platform2_expected_lines", median(platform, r -> r.num("expected_lines")));
            Run l = log.stream().filter(r -> r.histo != null).findFirst().orElse(null);
            Run b = l == null ? null : idle.stream().filter(r -> r.rep == l.rep && r.histo != null).findFirst().orElse(null);
            if (l != null && b != null) {
                row.topClasses = l.histo.largestDifferences(b.histo, n);
            }
            return row;
        }

        private static Double perRep(List<Run> a, List<Run> b, java.util.function.BiFunction<Run, Run, Double> f) {
            List<Double> v = new ArrayList<>();
            for (Run x : a) {
                for (Run y : b) {
                    if (x.rep == y.rep) {
                        Double d = f.apply(x, y);
                        if (d != null && !d.isNaN()) {
                            v.add(d);
                        }
                    }
                }
            }
            if (v.isEmpty()) {
                return null;
            }
            v.sort(null);
            int m = v.size();
            return m % 2 == 1 ? v.get(m / 2) : (v.get(m / 2 - 1) + v.get(m / 2)) / 2;
        }

        private static Double div(Double v, double d) {
            return v == null ? null : v / d;
        }

        void put(String k, Double v) {
            metrics.put(k, v);
        }

        Double get(String k) {
            return metrics.get(k);
        }

        String fmt(String k, String f) {
            Double v = metrics.get(k);
            return v == null ? "n/a" : String.format(Locale.ROOT, f, v);
        }

        List<String> resultLines() {
            List<String> out = new ArrayList<>();
            metrics.forEach((k, v) -> {
                if (v != null) {
                    out.add(String.format(Locale.ROOT, "RESULT bench=vthreads system=%s threads=%d metric=%s value=%s unit=%s",
                            system, n, k, num(v), UNITS.get(k)));
                }
            });
            return out;
        }
    }
}
