package fastlog.ingest.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What must hold of the generator's lines before they reach the index: one line per logged event
 * (each sequence number once), nothing dropped or lost, the preset's reserved fields first, no
 * field twice in dotted and nested form, and exactly the current span's ids on each line.
 */
final class LineChecks {

    private LineChecks() {
    }

    static void run(Checks c, List<LogLine> lines, Map<String, Object> manifest, String schema) {
        long events = ((Number) manifest.get("events")).longValue();
        Map<?, ?> stats = (Map<?, ?>) manifest.get("stats");
        c.check("generator: " + events + " events logged, " + lines.size() + " lines written", lines.size() == events,
                lines.size() + " lines for " + events + " events");
        c.check("generator: nothing dropped, lost or failed to write (fastlog stats)",
                num(stats.get("dropped")) == 0 && num(stats.get("lost")) == 0 && num(stats.get("write_errors")) == 0, stats);
        List<String> unparsable = new ArrayList<>();
        for (LogLine l : lines) {
            if (l.parseError() != null) {
                unparsable.add("line " + l.number() + ": " + l.parseError() + "\n  " + LogLine.cut(l.text()));
            }
        }
        c.check("every line is one JSON object with no key twice (OpenSearch's own parser, strict duplicate detection)",
                unparsable.isEmpty(), unparsable);
        TreeSet<Long> seqs = new TreeSet<>();
        List<String> repeated = new ArrayList<>();
        for (LogLine l : lines) {
            if (!seqs.add(l.seq())) {
                repeated.add("line " + l.number() + ": ingest_seq " + l.seq());
            }
        }
        c.check("every event is on exactly one line (ingest_seq 1.." + events + ")",
                repeated.isEmpty() && seqs.size() == events && (events == 0 || seqs.first() == 1 && seqs.last() == events),
                repeated.isEmpty() ? "sequence numbers seen: " + seqs.size() + " of " + events : repeated);

        List<String> form = new ArrayList<>();
        for (LogLine l : lines) {
            Iterator<String> keys = l.source().keySet().iterator();
            String first = keys.hasNext() ? keys.next() : null;
            String second = keys.hasNext() ? keys.next() : null;
            String third = keys.hasNext() ? keys.next() : null;
            boolean ok = "@timestamp".equals(first) && "log.level".equals(second)
                    && (!schema.equals("ecs") || ("message".equals(third) || !l.source().containsKey("message"))
                            && l.leaf("ecs.version") instanceof String v && !v.isEmpty());
            if (!ok) {
                form.add("line " + l.number() + ": " + LogLine.cut(l.text()));
            }
        }
        c.check(schema.equals("ecs")
                        ? "ecs form: @timestamp, log.level, message (if any) first; ecs.version on every line"
                        : "stand-in form (fieldNames): @timestamp, log.level first",
                form.isEmpty(), form.size() + " lines: " + form.stream().limit(5).toList());

        List<String> dotted = new ArrayList<>();
        for (LogLine l : lines) {
            for (String d : l.dottedDuplicates()) {
                dotted.add("line " + l.number() + " (" + l.caseName() + "): " + d);
            }
        }
        c.check("no line holds one field twice in dotted and nested form (OpenSearch would accept it silently)",
                dotted.isEmpty(), dotted);

        Map<?, ?> traced = (Map<?, ?>) manifest.get("traced");
        List<String> wrong = new ArrayList<>();
        for (LogLine l : lines) {
            List<?> want = (List<?>) traced.get(Long.toString(l.seq()));
            Object traceId = l.leaf("trace.id");
            Object spanId = l.leaf("span.id");
            boolean ok = want == null ? traceId == null && spanId == null
                    : want.get(0).equals(traceId) && want.get(1).equals(spanId);
            // the stand-in (fieldNames) keeps a user's own "trace.id" key; the ecs preset must move it aside
            boolean standInUserKey = !schema.equals("ecs") && l.caseName().equals("reserved");
            if (!ok && !standInUserKey) {
                wrong.add("line " + l.number() + " (" + l.caseName() + ") has trace.id=" + traceId + " span.id=" + spanId
                        + ", expected " + (want == null ? "none" : want));
            }
        }
        c.check("every line logged in a span carries that span's trace.id and span.id, every other line none ("
                + traced.size() + " in spans)", wrong.isEmpty() && !traced.isEmpty(),
                traced.isEmpty() ? "no event was logged inside a span" : wrong);
    }

    static long num(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }
}
