package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Random scoped, bound and call keys drawn from each preset's reserved names, their dotted prefixes
 * and extensions, their underscore renamings and ordinary keys, so that they collide all the time.
 * Every line must parse with duplicate detection on, keep the preset's header, and hold exactly the
 * user fields an independent model of the documented rule predicts: a key that is reserved (or, in
 * the presets that read dots as paths, a dotted prefix or extension of a reserved name) gets
 * {@code _} prefixes until it is not; then the last value of each key wins, at its last position.
 */
class SchemaKeyFuzzTest {

    private static final int EVENTS = 2_000;

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    /** The names each preset writes besides the header's (its flat exception fields), stated from the docs. */
    private static Set<String> exceptionNames(Schema s) {
        return switch (s) {
            case ECS -> Set.of("error.type", "error.message", "error.stack_trace");
            case OTEL -> Set.of("exception.type", "exception.message", "exception.stacktrace");
            case LOGSTASH, GCP -> Set.of("stack_trace");
            case DEFAULT -> Set.of();
        };
    }

    private static boolean dotted(Schema s) {
        return s == Schema.ECS || s == Schema.OTEL || s == Schema.LOGSTASH;
    }

    private static boolean collides(String k, Set<String> reserved, boolean dotted) {
        if (reserved.contains(k)) {
            return true;
        }
        if (!dotted) {
            return false;
        }
        for (String r : reserved) {
            if (r.startsWith(k + ".") || k.startsWith(r + ".")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void collidingKeysFollowTheRuleInEveryPreset(Schema schema) {
        CapturedLog out = CapturedLog.start(c -> c.schema(schema).serviceName("svc")
                .environment(k -> null, Map.of()));
        Logger base = Fastlog.logger("fuzz.schema");
        base.info("m");
        List<String> header = keys(out.only());
        Set<String> reserved = new java.util.HashSet<>(header);
        reserved.addAll(exceptionNames(schema));
        List<String> pool = new ArrayList<>(List.of("a", "b.c", "null", "_extra", "labels"));
        for (String r : reserved) {
            pool.add(r);
            pool.add("_" + r);
            pool.add(r + ".x");
            int dot = r.indexOf('.');
            if (dot > 0) {
                pool.add(r.substring(0, dot));
            }
        }
        long seed = new Random().nextLong();
        Random rnd = new Random(seed);
        long value = 0;
        List<List<String>> expectedKeys = new ArrayList<>();
        List<List<Long>> expectedValues = new ArrayList<>();
        for (int e = 0; e < EVENTS; e++) {
            List<String> ks = new ArrayList<>();
            List<Long> vs = new ArrayList<>();
            LogContext.Scope scope = null;
            for (int i = rnd.nextInt(3); i > 0; i--) {
                String k = pool.get(rnd.nextInt(pool.size()));
                scope = scope == null ? LogContext.where(k, value) : scope.where(k, value);
                ks.add(k);
                vs.add(value++);
            }
            Logger logger = base;
            for (int i = rnd.nextInt(3); i > 0; i--) {
                String k = pool.get(rnd.nextInt(pool.size()));
                logger = logger.with(k, value);
                ks.add(k);
                vs.add(value++);
            }
            Object[] kv = new Object[2 * rnd.nextInt(6)];
            for (int i = 0; i < kv.length; i += 2) {
                String k = pool.get(rnd.nextInt(pool.size()));
                kv[i] = k;
                kv[i + 1] = value;
                ks.add(k);
                vs.add(value++);
            }
            Logger l = logger;
            if (scope == null) {
                l.info("m", kv);
            } else {
                scope.run(() -> l.info("m", kv));
            }
            List<String> renamed = new ArrayList<>();
            for (String k : ks) {
                while (collides(k, reserved, dotted(schema))) {
                    k = "_" + k;
                }
                renamed.add(k);
            }
            List<String> expKeys = new ArrayList<>(header);
            List<Long> expValues = new ArrayList<>();
            for (int j = 0; j < renamed.size(); j++) {
                if (!renamed.subList(j + 1, renamed.size()).contains(renamed.get(j))) {
                    expKeys.add(renamed.get(j));
                    expValues.add(vs.get(j));
                }
            }
            expectedKeys.add(expKeys);
            expectedValues.add(expValues);
        }
        List<JsonNode> all = out.lines(); // strict: a repeated key fails here
        assertEquals(EVENTS + 1, all.size());
        List<JsonNode> lines = all.subList(1, all.size()); // after the header-only line
        for (int e = 0; e < EVENTS; e++) {
            JsonNode line = lines.get(e);
            List<String> actual = keys(line);
            String where = schema + " seed " + seed + " event " + e + ": " + line;
            assertEquals(expectedKeys.get(e), actual, where);
            List<Long> values = new ArrayList<>();
            for (String k : actual.subList(header.size(), actual.size())) {
                values.add(line.get(k).asLong());
            }
            assertEquals(expectedValues.get(e), values, where);
        }
    }
}
