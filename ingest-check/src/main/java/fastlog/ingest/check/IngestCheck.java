package fastlog.ingest.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * The ingestion check (issue 14 section 3). Runs the generator JVM, checks its lines, starts an
 * OpenSearch node on 127.0.0.1, installs the ECS index template, bulk-indexes every line, checks
 * what the index made of them, stops the node (always) and writes the results file. Exits 1 if
 * any check failed, 2 if it could not run.
 *
 * <pre>
 * java -Xmx1g ... -cp CHECK_CLASSPATH fastlog.ingest.check.IngestCheck
 *      --generator-classpath CP --work DIR --results DIR --repo DIR
 *      [--schema ecs|fieldnames] [--trace otel|fields] [--generator-jvm-options "..."]
 *      [--start-timeout-seconds 180] [--command "make ingest-check"]
 * </pre>
 */
public final class IngestCheck {

    private IngestCheck() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(options(args));
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit); // also ends any thread a node that failed to start left behind
    }

    static int run(Map<String, String> o) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String schema = o.getOrDefault("--schema", "ecs");
        String trace = o.getOrDefault("--trace", "otel");
        Path work = Path.of(o.getOrDefault("--work", "target/ingest-run"));
        Path results = Path.of(o.getOrDefault("--results", "results"));
        Path repo = Path.of(o.getOrDefault("--repo", ".."));
        Duration startTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--start-timeout-seconds", "180")));
        List<String> generatorJvm = Arrays.stream(o.getOrDefault("--generator-jvm-options", "-Xmx256m").split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Checks c = new Checks();
        Map<String, Object> timings = new LinkedHashMap<>();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("check", "ingest: fastlog " + schema + " output bulk-indexed into a real OpenSearch node");
        record.put("date", started.toString());
        record.putAll(ResultsFile.revision(repo));
        record.put("command", o.getOrDefault("--command", "make ingest-check"));
        record.put("machine", ResultsFile.machine());
        record.put("opensearch", EmbeddedOpenSearch.version());
        record.put("schema", schema);
        record.put("trace_ids", trace.equals("otel") ? "fastlog-otel provider, OpenTelemetry SDK spans"
                : "bound by the generator from OpenTelemetry SDK spans (no fastlog provider)");

        // 1. the generator JVM
        Files.createDirectories(work);
        Path linesFile = work.resolve("lines.ndjson");
        Path manifestFile = work.resolve("manifest.json");
        List<String> genCmd = GeneratorRun.command(java, o.get("--generator-classpath"), generatorJvm, schema, trace,
                manifestFile);
        record.put("generator_jvm", String.join(" ", genCmd.subList(0, genCmd.indexOf("-cp"))) + " -cp ... "
                + String.join(" ", genCmd.subList(genCmd.indexOf("-cp") + 2, genCmd.size())));
        long g0 = System.nanoTime();
        GeneratorRun.run(genCmd, linesFile, work.resolve("generator-stderr.txt"), Duration.ofSeconds(120));
        timings.put("generator_ms", (System.nanoTime() - g0) / 1_000_000);
        String stderr = Files.readString(work.resolve("generator-stderr.txt"), StandardCharsets.UTF_8);
        if (!stderr.isBlank()) {
            System.out.println("generator stderr:\n" + stderr);
        }
        Map<String, Object> manifest = XContentHelper.convertToMap(JsonXContent.jsonXContent,
                Files.readString(manifestFile, StandardCharsets.UTF_8), true);
        List<LogLine> lines = LogLine.read(linesFile);
        System.out.printf("generator: %d lines (%d bytes) in %s%n", lines.size(), Files.size(linesFile), linesFile);
        LineChecks.run(c, lines, manifest, schema);

        // 2. the node: always stopped, its directory always removed
        Path home = Files.createTempDirectory("fastlog-ingest-opensearch-");
        IndexChecks index = null;
        EmbeddedOpenSearch node = null;
        try {
            long n0 = System.nanoTime();
            node = EmbeddedOpenSearch.start(home, startTimeout);
            timings.put("node_start_ms", (System.nanoTime() - n0) / 1_000_000);
            System.out.printf("OpenSearch %s started in %d ms on 127.0.0.1:%d%n", EmbeddedOpenSearch.version(),
                    timings.get("node_start_ms"), node.httpPort());
            index = new IndexChecks(new OpenSearchHttp(node.httpPort()), c);
            index.installTemplates();
            index.run(lines, manifest, schema);
            timings.put("bulk_ms", index.bulkMillis);
        } catch (Exception e) {
            c.abort("the OpenSearch part ran to the end", e);
            e.printStackTrace();
        } finally {
            if (node != null) {
                long s0 = System.nanoTime();
                try {
                    node.close();
                } catch (Exception e) {
                    c.abort("the node stops", e);
                }
                timings.put("node_stop_ms", (System.nanoTime() - s0) / 1_000_000);
            }
            deleteTree(home);
        }
        c.check("the node's temporary directory is removed", !Files.exists(home), home);

        // 3. the record
        timings.put("total_ms", (System.nanoTime() - t0) / 1_000_000);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("events_logged", manifest.get("events"));
        counts.put("cases", caseCounts(lines));
        if (index != null) {
            counts.putAll(index.counts);
            record.put("limit_cases", index.limitCases);
        }
        record.put("counts", counts);
        record.put("timings_ms", timings);
        record.put("passed", c.passed());
        record.put("failed", c.failed());
        record.put("verdict", c.failed() == 0 ? "PASS" : "FAIL");
        record.put("checks", c.results());
        Path file = ResultsFile.write(results, started, record);
        System.out.printf("%s: %d passed, %d failed; %s%n", c.failed() == 0 ? "PASS" : "FAIL", c.passed(), c.failed(), file);
        return c.failed() == 0 ? 0 : 1;
    }

    private static Map<String, Integer> caseCounts(List<LogLine> lines) {
        Map<String, Integer> m = new TreeMap<>();
        lines.forEach(l -> m.merge(l.caseName(), 1, Integer::sum));
        return m;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new TreeMap<>();
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs: --name value");
        }
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        if (!m.containsKey("--generator-classpath")) {
            throw new IllegalArgumentException("missing --generator-classpath");
        }
        return m;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
