package fastlog.ingest.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part that needs the node: install the templates, bulk-index every line, and ask the index
 * what it made of them. Fills {@link #counts} and {@link #limitCases} for the results file.
 */
final class IndexChecks {

    static final String INDEX = "logs-fastlog-check";
    private static final int BULK_LINES = 500;
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float", "unsigned_long");

    final Map<String, Object> counts = new LinkedHashMap<>();
    final List<Map<String, Object>> limitCases = new ArrayList<>();
    long bulkMillis;

    private final OpenSearchHttp os;
    private final Checks c;

    IndexChecks(OpenSearchHttp os, Checks c) {
        this.os = os;
        this.c = c;
    }

    void installTemplates() throws IOException, InterruptedException {
        os.put("/_component_template/fastlog-ecs", resource("fastlog-ecs-component.json"));
        os.put("/_component_template/fastlog-ingest-check", resource("ingest-check-component.json"));
        os.put("/_index_template/logs-fastlog", resource("index-template.json"));
    }

    void run(List<LogLine> lines, Map<String, Object> manifest, String schema) throws IOException, InterruptedException {
        Map<Long, LogLine> bySeq = new TreeMap<>();
        lines.forEach(l -> bySeq.put(l.seq(), l));
        Set<Long> accepted = new TreeSet<>();
        List<String> rejected = new ArrayList<>();
        int items = 0;
        long t0 = System.nanoTime();
        for (int from = 0; from < lines.size(); from += BULK_LINES) {
            List<LogLine> chunk = lines.subList(from, Math.min(lines.size(), from + BULK_LINES));
            Map<String, Object> rsp = os.bulk(INDEX, chunk.stream().map(LogLine::text).toList());
            List<?> its = (List<?>) rsp.get("items");
            items += its.size();
            for (int i = 0; i < its.size() && i < chunk.size(); i++) {
                LogLine line = chunk.get(i);
                Map<?, ?> item = (Map<?, ?>) ((Map<?, ?>) its.get(i)).get("create");
                Object error = item.get("error");
                boolean ok = error == null && num(item.get("status")) == 201;
                if (line.isLimitCase()) {
                    Map<String, Object> lc = new LinkedHashMap<>();
                    lc.put("case", line.caseName());
                    lc.put("what", String.valueOf(line.leaf("message")));
                    lc.put("outcome", ok ? "accepted" : "rejected");
                    if (!ok) {
                        lc.put("reason", reason(error));
                    }
                    limitCases.add(lc);
                    System.out.println("  limit " + line.caseName() + ": " + (ok ? "accepted" : "rejected: " + reason(error)));
                }
                if (ok) {
                    accepted.add(line.seq());
                } else if (!line.isLimitCase()) {
                    rejected.add("line " + line.number() + " (" + line.caseName() + "): " + reason(error)
                            + "\n  " + LogLine.cut(line.text()));
                }
            }
        }
        bulkMillis = (System.nanoTime() - t0) / 1_000_000;
        long limitLines = lines.stream().filter(LogLine::isLimitCase).count();
        counts.put("lines", lines.size());
        counts.put("indexed", accepted.size());
        counts.put("rejected", rejected.size());
        counts.put("limit_case_lines", limitLines);
        counts.put("limit_case_lines_rejected", limitCases.stream().filter(m -> m.get("outcome").equals("rejected")).count());
        c.check("bulk: one item per line (" + lines.size() + ")", items == lines.size(), items);
        c.check("bulk: no line rejected (" + (lines.size() - limitLines) + " lines; "
                + limitLines + " documented-limit lines reported apart)", rejected.isEmpty(),
                rejected.size() + " rejected:\n" + String.join("\n", rejected));

        os.post("/" + INDEX + "/_refresh", null);
        long count = num(os.get("/" + INDEX + "/_count").get("count"));
        c.check("count: the index holds every accepted line (" + accepted.size() + ")", count == accepted.size(), count);

        Map<String, String> types = mappedTypes();
        counts.put("fields_in_mapping", types.size());
        checkTypes(types, schema);
        checkSources(bySeq, accepted, types);
        checkNumbersAreNumbers(bySeq, accepted, types);
        checkTraces(manifest, bySeq, accepted, schema);
        checkTimestampsAreDates(bySeq, accepted);
        checkCanaries();
    }

    /** The check can fail: the node rejects a line with a key twice, the line checks catch dotted + nested. */
    private void checkCanaries() throws IOException, InterruptedException {
        String duplicate = "{\"@timestamp\":\"2026-11-30T00:00:00.000000Z\",\"a\":1,\"a\":2}";
        Map<String, Object> rsp = os.bulk("fastlog-canary", List.of(duplicate));
        c.check("canary: the node rejects a line that holds a key twice", Boolean.TRUE.equals(rsp.get("errors")), rsp);
        List<String> dotted = LogLine.parse(0, "{\"x\":{\"y\":1},\"x.y\":2}").dottedDuplicates();
        c.check("canary: the line checks catch {\"x\":{\"y\":1},\"x.y\":2}", dotted.equals(List.of("x.y")), dotted);
    }

    private void checkTypes(Map<String, String> types, String schema) {
        Map<String, String> want = new LinkedHashMap<>();
        want.put("@timestamp", "date");
        want.put("log.level", "keyword");
        want.put("log.logger", "keyword");
        want.put("message", "match_only_text");
        want.put("trace.id", "keyword");
        want.put("span.id", "keyword");
        want.put("ingest_seq", "long");
        want.put("v_long", "long");
        want.put("v_long2", "long");          // dynamic
        want.put("v_double", "double");
        want.put("v_double2", "double");      // dynamic
        want.put("v_bigint", "double");
        want.put("v_list", "long");           // dynamic, from arrays
        want.put("v_record.items.price", "double");
        want.put("v_bool", "boolean");
        if (schema.equals("ecs")) {
            want.put("ecs.version", "keyword");
            want.put("service.name", "keyword");
            want.put("error.type", "keyword");
            want.put("error.stack_trace", "wildcard");
            want.put("process.thread.name", "keyword");
            want.put("log.origin.function", "keyword");
            want.put("log.origin.file.line", "long");
        }
        List<String> wrong = new ArrayList<>();
        want.forEach((f, t) -> {
            if (!t.equals(types.get(f))) {
                wrong.add(f + " is " + types.get(f) + ", expected " + t);
            }
        });
        c.check("mapping: @timestamp is a date, numbers are numbers, ids are keywords (" + want.size() + " fields)",
                wrong.isEmpty(), wrong);
    }

    /** Every stored document is its line, parsed: nothing was changed on the way in. */
    private void checkSources(Map<Long, LogLine> bySeq, Set<Long> accepted, Map<String, String> types)
            throws IOException, InterruptedException {
        List<Map<?, ?>> hits = allHits();
        List<String> differ = new ArrayList<>();
        Map<String, Integer> ignoredFields = new TreeMap<>();
        List<String> badIgnored = new ArrayList<>();
        for (Map<?, ?> hit : hits) {
            Map<?, ?> src = (Map<?, ?>) hit.get("_source");
            LogLine line = bySeq.get(num(src.get("ingest_seq")));
            if (line == null || !line.source().equals(src)) {
                differ.add("ingest_seq " + src.get("ingest_seq"));
                continue;
            }
            for (String f : ignored(hit)) {
                ignoredFields.merge(f, 1, Integer::sum);
                if (!line.isLimitCase() && !ignoredForAReason(types.get(f), line.leaf(f))) {
                    badIgnored.add("line " + line.number() + " (" + line.caseName() + "): field " + f + " ("
                            + types.get(f) + ") value " + LogLine.cut(String.valueOf(line.leaf(f))));
                }
            }
        }
        counts.put("ignored_fields", ignoredFields);
        c.check("_source: each of the " + hits.size() + " stored documents equals its line", differ.isEmpty()
                && hits.size() == accepted.size(), differ.isEmpty() ? hits.size() + " documents" : differ);
        c.check("_ignored: a value is left out of the index only when it is a non-finite or out-of-range number "
                + "(\"NaN\", a cap marker) in a numeric field or a string over ignore_above " + ignoredFields,
                badIgnored.isEmpty(), badIgnored);
    }

    /** ignore_malformed on a number field and ignore_above on a keyword are the only accepted reasons. */
    private static boolean ignoredForAReason(String type, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> ignoredForAReason(type, v));
        }
        if (type != null && NUMERIC.contains(type)) {
            return value instanceof String
                    || value instanceof Number n && (Double.isInfinite(n.doubleValue())
                            || type.equals("long") && n instanceof java.math.BigInteger);
        }
        return "keyword".equals(type) && value instanceof String s && s.length() > 1024;
    }

    /** Every leaf that is a JSON number (or an array of them) is in a numeric field. */
    private void checkNumbersAreNumbers(Map<Long, LogLine> bySeq, Set<Long> accepted, Map<String, String> types) {
        List<String> wrong = new ArrayList<>();
        int numbers = 0;
        for (long seq : accepted) {
            LogLine line = bySeq.get(seq);
            for (Map.Entry<String, Object> e : line.leaves().entrySet()) {
                Object v = e.getValue() instanceof List<?> l && !l.isEmpty() ? l.get(0) : e.getValue();
                if (v instanceof Number && !line.isLimitCase()) {
                    numbers++;
                    if (!NUMERIC.contains(types.get(e.getKey()))) {
                        wrong.add("line " + line.number() + ": " + e.getKey() + " is " + types.get(e.getKey()));
                    }
                }
            }
        }
        c.check("mapping: every one of the " + numbers + " number values is in a numeric field", wrong.isEmpty(), wrong);
    }

    /** A term query on trace.id finds exactly the lines of that trace; on span.id, of that span. */
    private void checkTraces(Map<String, Object> manifest, Map<Long, LogLine> bySeq, Set<Long> accepted, String schema)
            throws IOException, InterruptedException {
        Map<?, ?> traced = (Map<?, ?>) manifest.get("traced");
        Map<String, Set<Long>> byTrace = new TreeMap<>();
        Map<String, Set<Long>> bySpan = new TreeMap<>();
        traced.forEach((seq, ids) -> {
            byTrace.computeIfAbsent((String) ((List<?>) ids).get(0), k -> new TreeSet<>()).add(Long.parseLong((String) seq));
            bySpan.computeIfAbsent((String) ((List<?>) ids).get(1), k -> new TreeSet<>()).add(Long.parseLong((String) seq));
        });
        counts.put("traces", byTrace.size());
        counts.put("spans", bySpan.size());
        counts.put("lines_in_spans", traced.size());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<Long>> t : byTrace.entrySet()) {
            Set<Long> found = seqsOf("{\"term\":{\"trace.id\":\"" + t.getKey() + "\"}}");
            if (!found.equals(t.getValue())) {
                wrong.add("trace.id " + t.getKey() + ": found " + found + ", logged " + t.getValue());
            }
        }
        for (Map.Entry<String, Set<Long>> s : bySpan.entrySet()) {
            Set<Long> found = seqsOf("{\"term\":{\"span.id\":\"" + s.getKey() + "\"}}");
            if (!found.equals(s.getValue())) {
                wrong.add("span.id " + s.getKey() + ": found " + found + ", logged " + s.getValue());
            }
        }
        Set<Long> withTrace = seqsOf("{\"exists\":{\"field\":\"trace.id\"}}");
        if (!schema.equals("ecs")) {
            // the stand-in (fieldNames) keeps a user's own "trace.id" key; the ecs preset must move it aside
            withTrace.removeIf(seq -> bySeq.get(seq).caseName().equals("reserved"));
        }
        Set<Long> expected = new TreeSet<>();
        traced.keySet().forEach(k -> expected.add(Long.parseLong((String) k)));
        expected.retainAll(accepted);
        c.check("query: a term query on trace.id finds exactly the lines of that trace (" + byTrace.size()
                + " traces, " + bySpan.size() + " spans)", wrong.isEmpty() && !byTrace.isEmpty(), wrong);
        c.check("query: exactly the " + expected.size() + " lines logged in a span have a trace.id",
                withTrace.equals(expected), "with trace.id: " + withTrace + ", logged in spans: " + expected);
    }

    /** A range query on @timestamp between the first and the last line's time counts every line. */
    private void checkTimestampsAreDates(Map<Long, LogLine> bySeq, Set<Long> accepted) throws IOException, InterruptedException {
        TreeSet<String> ts = new TreeSet<>();
        accepted.forEach(s -> ts.add(String.valueOf(bySeq.get(s).leaf("@timestamp"))));
        Map<String, Object> rsp = os.post("/" + INDEX + "/_count", "{\"query\":{\"range\":{\"@timestamp\":{\"gte\":\""
                + ts.first() + "\",\"lte\":\"" + ts.last() + "\"}}}}");
        Map<String, Object> before = os.post("/" + INDEX + "/_count", "{\"query\":{\"range\":{\"@timestamp\":{\"lt\":\""
                + ts.first() + "\"}}}}");
        c.check("query: a date range on @timestamp [first line, last line] counts all " + accepted.size() + " lines, none before",
                num(rsp.get("count")) == accepted.size() && num(before.get("count")) == 0, rsp + " / before: " + before);
    }

    private Set<Long> seqsOf(String query) throws IOException, InterruptedException {
        Map<String, Object> rsp = os.post("/" + INDEX + "/_search", "{\"size\":10000,\"_source\":[\"ingest_seq\"],\"query\":"
                + query + "}");
        Set<Long> seqs = new TreeSet<>();
        for (Object h : (List<?>) ((Map<?, ?>) rsp.get("hits")).get("hits")) {
            seqs.add(num(((Map<?, ?>) ((Map<?, ?>) h).get("_source")).get("ingest_seq")));
        }
        return seqs;
    }

    private List<Map<?, ?>> allHits() throws IOException, InterruptedException {
        Map<String, Object> rsp = os.post("/" + INDEX + "/_search",
                "{\"size\":10000,\"query\":{\"match_all\":{}},\"stored_fields\":[\"_source\",\"_ignored\"]}");
        List<Map<?, ?>> hits = new ArrayList<>();
        for (Object h : (List<?>) ((Map<?, ?>) rsp.get("hits")).get("hits")) {
            hits.add((Map<?, ?>) h);
        }
        return hits;
    }

    private static List<String> ignored(Map<?, ?> hit) {
        List<String> out = new ArrayList<>();
        if (hit.get("_ignored") instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        if (hit.get("fields") instanceof Map<?, ?> f && f.get("_ignored") instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    /** Field path to mapped type, from GET _mapping (objects are paths, not fields). */
    Map<String, String> mappedTypes() throws IOException, InterruptedException {
        Map<String, Object> rsp = os.get("/" + INDEX + "/_mapping");
        Map<?, ?> mappings = (Map<?, ?>) ((Map<?, ?>) rsp.get(INDEX)).get("mappings");
        Map<String, String> types = new TreeMap<>();
        collect((Map<?, ?>) mappings.get("properties"), "", types);
        return types;
    }

    private static void collect(Map<?, ?> props, String prefix, Map<String, String> types) {
        if (props == null) {
            return;
        }
        props.forEach((k, v) -> {
            Map<?, ?> def = (Map<?, ?>) v;
            if (def.get("properties") instanceof Map<?, ?> sub) {
                collect(sub, prefix + k + ".", types);
            } else if (def.get("type") != null) {
                types.put(prefix + k, String.valueOf(def.get("type")));
            }
        });
    }

    static String reason(Object err) {
        if (!(err instanceof Map<?, ?> e)) {
            return String.valueOf(err);
        }
        String s = e.get("type") + ": " + e.get("reason");
        if (e.get("caused_by") instanceof Map<?, ?> cause) {
            s += " / caused by " + cause.get("type") + ": " + cause.get("reason");
        }
        return s;
    }

    static long num(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IndexChecks.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("resource " + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
