package probe;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts an in-process OpenSearch node on 127.0.0.1, bulk-indexes ECS NDJSON lines, checks
 * that none was rejected, that @timestamp is a date, numbers are numbers, and a term query on
 * trace.id finds one trace's lines; then probes what OpenSearch rejects (duplicate keys, ...).
 *
 * Usage: IngestCheck [file.ndjson]  (default: the bundled sample-ecs.ndjson)
 * Ends with "N passed, N failed"; exit code 1 if any check failed.
 */
public final class IngestCheck {

    static final String INDEX = "fastlog-ecs";

    static final String MAPPING = """
            {
              "settings": { "number_of_shards": 1, "number_of_replicas": 0 },
              "mappings": {
                "dynamic": true,
                "date_detection": false,
                "dynamic_templates": [
                  { "doubles": { "match_mapping_type": "double", "mapping": { "type": "double" } } }
                ],
                "properties": {
                  "@timestamp": { "type": "date", "format": "strict_date_optional_time_nanos" },
                  "message":    { "type": "text" },
                  "ecs":     { "properties": { "version": { "type": "keyword" } } },
                  "log":     { "properties": { "level": { "type": "keyword" },
                                               "logger": { "type": "keyword" } } },
                  "trace":   { "properties": { "id": { "type": "keyword" } } },
                  "span":    { "properties": { "id": { "type": "keyword" } } },
                  "transaction": { "properties": { "id": { "type": "keyword" } } },
                  "service": { "properties": { "name": { "type": "keyword" },
                                               "version": { "type": "keyword" },
                                               "environment": { "type": "keyword" },
                                               "node": { "properties": { "name": { "type": "keyword" } } } } },
                  "process": { "properties": { "thread": { "properties": { "name": { "type": "keyword" } } } } },
                  "event":   { "properties": { "duration": { "type": "long" },
                                               "dataset": { "type": "keyword" } } },
                  "error":   { "properties": { "type": { "type": "keyword" },
                                               "message": { "type": "text" },
                                               "stack_trace": { "type": "text", "index": false } } },
                  "labels":  { "type": "object", "dynamic": true },
                  "http":    { "properties": { "response": { "properties": { "status_code": { "type": "long" } } } } }
                }
              }
            }
            """;

    private static int passed, failed;
    private static HttpClient http;
    private static String base;

    public static void main(String[] args) throws Exception {
        List<String> lines = args.length > 0
                ? Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)
                : new String(IngestCheck.class.getResourceAsStream("/sample-ecs.ndjson").readAllBytes(),
                        StandardCharsets.UTF_8).lines().toList();
        lines = lines.stream().filter(l -> !l.isBlank()).toList();

        Path home = Files.createTempDirectory("fastlog-opensearch-");
        long t0 = System.nanoTime();
        EmbeddedOpenSearch node = new EmbeddedOpenSearch(home);
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("node started in %d ms, http on 127.0.0.1:%d (JVM uptime %d ms)%n",
                startMs, node.httpPort(), ManagementFactory.getRuntimeMXBean().getUptime());
        base = "http://127.0.0.1:" + node.httpPort();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            mainChecks(lines);
            probes();
        } finally {
            long t1 = System.nanoTime();
            node.close();
            System.out.printf("node closed in %d ms; heap used now %d MB%n", (System.nanoTime() - t1) / 1_000_000,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            deleteTree(home);
        }
        System.out.printf("%d passed, %d failed%n", passed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    static void mainChecks(List<String> lines) throws Exception {
        List<String> dotted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String d : dottedDuplicates(XContentHelper.convertToMap(JsonXContent.jsonXContent, lines.get(i), false))) {
                dotted.add("line " + (i + 1) + ": " + d);
            }
        }
        check("no line holds one field in both dotted and nested form", dotted.isEmpty(), dotted);
        check("the dotted/nested detector catches {\"x\":{\"y\":1},\"x.y\":2}",
                dottedDuplicates(XContentHelper.convertToMap(JsonXContent.jsonXContent,
                        "{\"x\":{\"y\":1},\"x.y\":2}", false)).equals(List.of("x.y")), null);

        Map<String, Object> r = call("PUT", "/" + INDEX, MAPPING, "application/json");
        check("create index with explicit ECS mapping", Boolean.TRUE.equals(r.get("acknowledged")), r);

        long t = System.nanoTime();
        Map<String, Object> bulk = bulk(INDEX, lines);
        System.out.printf("bulk of %d lines took %d ms%n", lines.size(), (System.nanoTime() - t) / 1_000_000);
        List<?> items = (List<?>) bulk.get("items");
        List<String> rejected = rejectedItems(bulk, lines);
        rejected.forEach(s -> System.out.println("  REJECTED " + s));
        check("bulk errors:false", Boolean.FALSE.equals(bulk.get("errors")), rejected);
        check("bulk answered one item per line", items != null && items.size() == lines.size(),
                items == null ? null : items.size());

        call("POST", "/" + INDEX + "/_refresh", null, null);
        Map<String, Object> count = call("GET", "/" + INDEX + "/_count", null, null);
        check("count == lines (" + lines.size() + ")", num(count.get("count")) == lines.size(), count);

        // a term query on trace.id finds exactly the lines of that trace
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        long expected = lines.stream().filter(l -> l.contains("\"trace.id\":\"" + trace + "\"")).count();
        Map<String, Object> hits = call("POST", "/" + INDEX + "/_search",
                "{\"size\":100,\"query\":{\"term\":{\"trace.id\":\"" + trace + "\"}}}", "application/json");
        long total = num(path(hits, "hits", "total", "value"));
        check("term query trace.id finds " + expected + " lines", total == expected && expected > 0, total);

        // mapping types
        check("@timestamp is date", "date".equals(fieldType("@timestamp")), fieldType("@timestamp"));
        check("event.duration is long", "long".equals(fieldType("event.duration")), fieldType("event.duration"));
        check("http.response.status_code is long", "long".equals(fieldType("http.response.status_code")),
                fieldType("http.response.status_code"));
        check("dynamic integer 'port' is long", "long".equals(fieldType("port")), fieldType("port"));
        check("dynamic double 'ratio' is double (dynamic template)", "double".equals(fieldType("ratio")), fieldType("ratio"));
        check("trace.id is keyword", "keyword".equals(fieldType("trace.id")), fieldType("trace.id"));
        check("error.stack_trace is text", "text".equals(fieldType("error.stack_trace")), fieldType("error.stack_trace"));

        // range query on the date works (proves it is parsed, not a string)
        Map<String, Object> range = call("POST", "/" + INDEX + "/_count",
                "{\"query\":{\"range\":{\"@timestamp\":{\"gte\":\"2026-11-25T09:14:03.7Z\",\"lt\":\"2026-11-25T09:14:04Z\"}}}}",
                "application/json");
        check("range query on @timestamp (sub-second) counts 3", num(range.get("count")) == 3, range);
        // the tricky line came back byte-for-byte equal as _source
        String tricky = lines.stream().filter(l -> l.contains("app.Fuzz")).findFirst().orElse(null);
        if (tricky != null) {
            Map<String, Object> hit = call("POST", "/" + INDEX + "/_search",
                    "{\"query\":{\"term\":{\"log.logger\":\"app.Fuzz\"}}}", "application/json");
            Object src = ((Map<?, ?>) ((List<?>) path(hit, "hits", "hits")).get(0)).get("_source");
            Map<String, Object> orig = XContentHelper.convertToMap(JsonXContent.jsonXContent, tricky, false);
            check("tricky-string line round-trips as _source", orig.equals(src), null);
        }
    }

    /** What OpenSearch rejects or accepts beyond the happy path; only the first is a hard check. */
    static void probes() throws Exception {
        call("PUT", "/probe", MAPPING, "application/json");
        call("PUT", "/probe/_mapping", """
                {"properties":{"bigd":{"type":"double"},"bigk":{"type":"keyword"},
                 "lenient":{"type":"double","ignore_malformed":true},
                 "dflt":{"type":"date"},"kw":{"type":"keyword"}}}""", "application/json");
        String ts = "\"@timestamp\":\"2026-11-25T09:14:03.512044Z\",\"log.level\":\"INFO\",\"message\":\"m\"";
        List<String> cases = List.of(
                "{" + ts + ",\"a\":1,\"a\":2}",                                  // 0 duplicate key
                "{" + ts + ",\"log.level\":\"WARN\"}",                           // 1 duplicate reserved key
                "{" + ts + ",\"x\":{\"y\":1},\"x.y\":2}",                        // 2 dotted + nested, same field
                "{" + ts + ",\"f\":0.5}",                                        // 3 maps f as float
                "{" + ts + ",\"f\":\"NaN\"}",                                    // 4 fastlog writes NaN as a string
                "{" + ts + ",\"s\":\"text\"}",                                   // 5 maps s as text
                "{" + ts + ",\"s\":{\"inner\":1}}",                             // 6 object where text was
                "{" + ts + ",\"big\":123456789012345678901234567890}",          // 7 BigInteger
                "{" + ts + ",\"bd\":1.00000000000000000000000000001}",          // 8 BigDecimal
                "{\"@timestamp\":\"not a date\",\"message\":\"m\"}",            // 9 bad date
                "{" + ts + ",\"trunc\":",                                        // 10 truncated line
                "{" + ts + ",\"l\":5}",                                          // 11 maps l as long
                "{" + ts + ",\"l\":5.5}",                                        // 12 double into long
                "{" + ts + ",\"l\":9223372036854775808}",                       // 13 long overflow
                "{" + ts + ",\"\":1}",                                          // 14 empty key
                "{" + ts + ",\".\":1}",                                         // 15 key "."
                "{" + ts + ",\"a..b\":1}",                                      // 16 empty path segment
                "{" + ts + ",\"k.\":1}",                                        // 17 trailing dot
                "{" + ts + ",\" \":1}",                                         // 18 blank key
                "{" + ts + ",\"_id\":\"x\"}",                                   // 19 metadata field
                "{" + ts + ",\"_custom\":1}",                                   // 20 leading underscore
                "{" + ts + ",\"d\":" + "{\"n\":".repeat(25) + "1" + "}".repeat(25) + "}", // 21 depth 26
                "{" + ts + ",\"huge\":1.7976931348623157E308,\"tiny\":4.9E-324}", // 22 double range (template)
                "{" + ts + ",\"huge\":\"Infinity\"}",                           // 23 fastlog's Infinity
                "{" + ts + ",\"bigd\":123456789012345678901234567890}",         // 24 BigInteger, field mapped double
                "{" + ts + ",\"bigk\":123456789012345678901234567890}",         // 25 BigInteger, field mapped keyword
                "{" + ts + ",\"lenient\":1.5}",                                  // 26 double, ignore_malformed
                "{" + ts + ",\"lenient\":\"NaN\"}",                             // 27 NaN, ignore_malformed
                "{" + ts + ",\"dflt\":\"2026-11-25T09:14:03.512044Z\"}",         // 28 micros, default date format
                "{" + ts + ",\"kw\":\"" + "k".repeat(40000) + "\"}",             // 29 keyword > 32766 bytes
                "{" + ts + manyFields(1001) + "}"                                // 30 1001 new fields
        );
        Map<String, Object> bulk = bulk("probe", cases);
        List<?> items = (List<?>) bulk.get("items");
        for (int i = 0; i < cases.size(); i++) {
            Map<?, ?> item = (Map<?, ?>) ((Map<?, ?>) items.get(i)).values().iterator().next();
            Object err = item.get("error");
            String line = cases.get(i);
            System.out.printf("  probe %2d %-9s %s%n       %s%n", i, err == null ? "ACCEPTED" : "REJECTED",
                    line.length() > 160 ? line.substring(0, 160) + "..." : line,
                    err == null ? "" : reason(err));
        }
        Map<?, ?> first = (Map<?, ?>) ((Map<?, ?>) items.get(0)).values().iterator().next();
        check("duplicate-key line is rejected", first.get("error") != null, first);
        Map<?, ?> second = (Map<?, ?>) ((Map<?, ?>) items.get(1)).values().iterator().next();
        check("duplicate reserved key line is rejected", second.get("error") != null, second);
        System.out.println("  probe mapping types: big=" + fieldType("probe", "big") + " bd=" + fieldType("probe", "bd")
                + " f=" + fieldType("probe", "f") + " l=" + fieldType("probe", "l") + " huge=" + fieldType("probe", "huge"));
        call("POST", "/probe/_refresh", null, null);
        Map<String, Object> ign = call("POST", "/probe/_search",
                "{\"query\":{\"exists\":{\"field\":\"_ignored\"}},\"fields\":[\"_ignored\"],\"_source\":false}",
                "application/json");
        System.out.println("  docs with _ignored fields: " + path(ign, "hits", "hits"));
    }

    static String manyFields(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(",\"f").append(i).append("\":").append(i);
        }
        return b.toString();
    }

    /**
     * OpenSearch treats {"a.b":1} and {"a":{"b":1}} as one field and does NOT reject a line
     * that has both; this finds such a line (exact duplicate keys are already rejected by the
     * parser, whose strict duplicate detection is on).
     */
    static List<String> dottedDuplicates(Map<?, ?> obj) {
        List<String> dups = new ArrayList<>();
        flatten(obj, "", new java.util.HashSet<>(), dups);
        return dups;
    }

    private static void flatten(Map<?, ?> obj, String prefix, java.util.Set<String> seen, List<String> dups) {
        for (Map.Entry<?, ?> e : obj.entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> m) {
                flatten(m, path + ".", seen, dups);
            } else {
                if (!seen.add(path)) {
                    dups.add(path);
                }
                if (e.getValue() instanceof List<?> l) {
                    for (Object o : l) {
                        if (o instanceof Map<?, ?> m) {
                            flatten(m, path + ".", new java.util.HashSet<>(), dups);
                        }
                    }
                }
            }
        }
    }

    static String reason(Object err) {
        Map<?, ?> e = (Map<?, ?>) err;
        String s = e.get("type") + ": " + e.get("reason");
        if (e.get("caused_by") instanceof Map<?, ?> c) {
            s += " / caused by " + c.get("type") + ": " + c.get("reason");
        }
        return s;
    }

    static Map<String, Object> bulk(String index, List<String> lines) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String l : lines) {
            body.append("{\"create\":{}}\n").append(l).append('\n');
        }
        return call("POST", "/" + index + "/_bulk", body.toString(), "application/x-ndjson");
    }

    static List<String> rejectedItems(Map<String, Object> bulk, List<String> lines) {
        List<String> out = new ArrayList<>();
        List<?> items = (List<?>) bulk.get("items");
        for (int i = 0; items != null && i < items.size(); i++) {
            Map<?, ?> item = (Map<?, ?>) ((Map<?, ?>) items.get(i)).values().iterator().next();
            if (item.get("error") != null) {
                out.add("line " + (i + 1) + ": " + reason(item.get("error")));
            }
        }
        return out;
    }

    static String fieldType(String field) throws Exception {
        return fieldType(INDEX, field);
    }

    static String fieldType(String index, String field) throws Exception {
        Map<String, Object> m = call("GET", "/" + index + "/_mapping/field/" + field, null, null);
        Object mapping = path(m, index, "mappings", field, "mapping");
        if (mapping instanceof Map<?, ?> mm && !mm.isEmpty()) {
            Object def = mm.values().iterator().next();
            return String.valueOf(((Map<?, ?>) def).get("type"));
        }
        return "absent";
    }

    static Map<String, Object> call(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", contentType);
        }
        HttpResponse<String> rsp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (rsp.statusCode() >= 300) {
            System.out.println("  HTTP " + rsp.statusCode() + " for " + method + " " + path + ": " + rsp.body());
        }
        return XContentHelper.convertToMap(JsonXContent.jsonXContent, rsp.body(), false);
    }

    static Object path(Map<?, ?> m, String... keys) {
        Object o = m;
        for (String k : keys) {
            if (!(o instanceof Map<?, ?> mm)) {
                return null;
            }
            o = mm.get(k);
        }
        return o;
    }

    static long num(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }

    static void check(String what, boolean ok, Object detail) {
        if (ok) {
            passed++;
            System.out.println("PASS " + what);
        } else {
            failed++;
            System.out.println("FAIL " + what + "  -> " + detail);
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
