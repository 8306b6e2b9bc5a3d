package fastlog.bench.slf4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks, in every fork before the measurement, that the system writes the line every system must
 * write for each SLF4J call shape: it makes each call of {@link Slf4jCalls} once (and the disabled
 * one, which must write nothing), waits until they are written, and parses the new lines with
 * Jackson (strict duplicate-key detection): one JSON object per line, {@code ts} a UTC timestamp
 * with microseconds, and exactly the fields of {@link #EXPECTED} with the same values: the same
 * message text ({@code {}} substituted), the same pair keys, numbers as numbers. Key order is not
 * compared (Log4j sorts ThreadContext keys; logstash-logback-encoder writes {@code msg} before
 * {@code logger}). The one type difference allowed is Log4j's: log4j-slf4j2-impl turns every pair
 * value into a String ({@code "user_id":"48213"}), so for it the values must be the
 * {@code String.valueOf} of the expected ones. Anything else throws, which fails the benchmark.
 * The raw lines are copied to {@code slf4j-sample-<system>.ndjson} beside the log file, where
 * run_bench.py compares the three systems' lines with each other.
 */
final class Slf4jOutputCheck {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern TS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    /** The lines the probe must produce, in order, without {@code ts}. */
    static final List<Map<String, Object>> EXPECTED = List.of(
            line("user 48213 logged in"),
            line("user login", "user_id", 48213),
            line("request served", "status", 200, "path", "/api/orders", "ms", 12.5));

    /** Pair keys: every key but these is a key/value pair given by the call. */
    private static final List<String> RESERVED = List.of("level", "logger", "msg");

    private Slf4jOutputCheck() {
    }

    private static Map<String, Object> line(String msg, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", "INFO");
        m.put("logger", "bench.auth");
        m.put("msg", msg);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Makes the probe calls on {@code sys} (started, writing {@code file}) and checks its lines. */
    static void probe(Slf4jSystem sys, Path file, Slf4jArgs a) {
        long from = size(file);
        Slf4jCalls.classic(sys.log, a.userId);
        Slf4jCalls.fluent1(sys.log, a.userId);
        Slf4jCalls.fluent3(sys.log, a.status, a.path, a.ms);
        Slf4jCalls.disabled(sys.log, a.userId);
        sys.drain();
        List<String> lines = newLines(file, from, EXPECTED.size());
        try {
            Files.write(file.resolveSibling("slf4j-sample-" + sys.name() + ".ndjson"),
                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        if (lines.size() != EXPECTED.size()) {
            problems.add(lines.size() + " lines for " + EXPECTED.size() + " enabled calls and 1 disabled one");
        }
        for (int i = 0; i < Math.min(lines.size(), EXPECTED.size()); i++) {
            String p = compare(lines.get(i), EXPECTED.get(i), sys.pairValuesAsStrings());
            if (p != null) {
                problems.add("line " + (i + 1) + ": " + p + ": " + lines.get(i));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SLF4J OUTPUT CHECK FAILED for system " + sys.name() + ": "
                    + String.join("; ", problems));
        }
        System.out.println("SLF4J OUTPUT CHECK OK system=" + sys.name() + " lines=" + lines.size()
                + (sys.pairValuesAsStrings() ? " (pair values written as strings)" : ""));
        sys.checkAfterDrain(EXPECTED.size());
    }

    /** What differs between {@code json} and {@code expected}, or null. */
    static String compare(String json, Map<String, Object> expected, boolean pairsAsStrings) {
        Map<String, Object> got;
        try {
            got = parseFlat(json);
        } catch (JacksonException e) {
            return "not valid JSON (" + e.getOriginalMessage() + ")";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Object ts = got.remove("ts");
        if (!(ts instanceof String s) || !TS.matcher(s).matches()) {
            return "ts is " + ts + ", not a UTC timestamp with microseconds";
        }
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            String k = e.getKey();
            if (!got.containsKey(k)) {
                diffs.add("no \"" + k + "\"");
                continue;
            }
            Object want = e.getValue();
            if (pairsAsStrings && !RESERVED.contains(k)) {
                want = String.valueOf(want);
            }
            Object v = got.get(k);
            if (!sameValue(want, v)) {
                diffs.add("\"" + k + "\" is " + describe(v) + ", expected " + describe(want));
            }
        }
        for (String k : got.keySet()) {
            if (!expected.containsKey(k)) {
                diffs.add("unexpected field \"" + k + "\"");
            }
        }
        return diffs.isEmpty() ? null : String.join(", ", diffs);
    }

    private static boolean sameValue(Object want, Object got) {
        if (want instanceof Integer i) {
            return (got instanceof Integer || got instanceof Long) && ((Number) got).longValue() == i;
        }
        if (want instanceof Double d) {
            return got instanceof Double g && g.doubleValue() == d.doubleValue();
        }
        return Objects.equals(want, got);
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\" (string)" : v + " (" + (v == null ? "null" : v.getClass().getSimpleName()) + ")";
    }

    /** A one-level JSON object: its fields, with strings, numbers (Integer, Long, Double), booleans, nulls. */
    static Map<String, Object> parseFlat(String json) {
        Map<String, Object> m = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.PROPERTY_NAME) {
                    throw new IllegalArgumentException("unexpected " + t);
                }
                String k = p.currentName();
                JsonToken v = p.nextToken();
                Object value = switch (v) {
                    case VALUE_STRING -> p.getString();
                    case VALUE_NUMBER_INT -> p.getNumberValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NULL -> null;
                    default -> throw new IllegalArgumentException("\"" + k + "\" is a nested " + v);
                };
                m.put(k, value);
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value on the line");
            }
        }
        return m;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The complete lines written after byte {@code from}; waits up to 5 s for {@code want} of them
     * (the drain has returned, but a peer's last flush may still be on its way to the file).
     */
    private static List<String> newLines(Path file, long from, int want) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (;;) {
            List<String> lines = new ArrayList<>();
            try {
                byte[] all = Files.readAllBytes(file);
                int start = (int) Math.min(from, all.length);
                for (int i = start; i < all.length; i++) {
                    if (all[i] == '\n') {
                        lines.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                        start = i + 1;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines.size() >= want || System.nanoTime() > deadline) {
                return lines;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lines;
            }
        }
    }
}
