package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

/** What a line looks like: field order, timestamp, every value type, bound fields, key rules. */
class LoggerOutputTest {

    enum Color { RED }

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.output");

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.TRACE);
        out = CapturedLog.start();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
        Fastlog.setLevel(Level.INFO);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void lineHasReservedFieldsFirstThenCallFieldsInOrder() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        log.info("user login", "user_id", 48213);
        JsonNode line = out.only();
        Instant after = Instant.now();
        assertEquals(List.of("ts", "level", "logger", "msg", "user_id"), keys(line));
        assertEquals("INFO", line.get("level").asText());
        assertEquals("test.output", line.get("logger").asText());
        assertEquals("user login", line.get("msg").asText());
        assertTrue(line.get("user_id").isIntegralNumber());
        assertEquals(48213, line.get("user_id").asLong());
        String ts = line.get("ts").asText();
        assertTrue(ts.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), ts);
        Instant t = Instant.parse(ts);
        assertFalse(t.isBefore(before), ts + " before " + before);
        assertFalse(t.isAfter(after), ts + " after " + after);
    }

    @Test
    void everyLevelHasItsName() {
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        List<String> levels = out.lines().stream().map(n -> n.get("level").asText()).toList();
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), levels);
    }

    @Test
    void typedOverloadsKeepTypesAndOrder() {
        log.info("request", "status", 200, "path", "/api", "ms", 12.5);
        log.info("two", "a", 1L, "b", -0.25);
        log.info("objects", "a", (Object) "x", "b", (Object) 7, "c", (Object) null);
        List<JsonNode> lines = out.lines();
        JsonNode r = lines.get(0);
        assertEquals(List.of("ts", "level", "logger", "msg", "status", "path", "ms"), keys(r));
        assertEquals(200, r.get("status").asInt());
        assertEquals("/api", r.get("path").asText());
        assertEquals(12.5, r.get("ms").asDouble());
        assertEquals(1, lines.get(1).get("a").asLong());
        assertEquals(-0.25, lines.get(1).get("b").asDouble());
        JsonNode o = lines.get(2);
        assertEquals("x", o.get("a").asText());
        assertEquals(7, o.get("b").asInt());
        assertTrue(o.get("c").isNull());
    }

    @Test
    void varargsTakeAnyNumberOfPairsInOrder() {
        Object[] kv = new Object[20];
        for (int i = 0; i < 10; i++) {
            kv[2 * i] = "k" + i;
            kv[2 * i + 1] = i;
        }
        log.info("ten", kv);
        JsonNode line = out.only();
        List<String> keys = keys(line);
        assertEquals(14, keys.size());
        for (int i = 0; i < 10; i++) {
            assertEquals("k" + i, keys.get(4 + i));
            assertEquals(i, line.get("k" + i).asInt());
        }
    }

    @Test
    void pairsRenderTheSameWhetherOrNotAValueHadToBeCaptured() {
        // All values immutable: the pairs go straight into the record. One StringBuilder among
        // them: every pair is captured first. The lines must agree on the common fields.
        log.info("pairs", "a", 1, "b", "two", "c", 3.5, "d", true, "e", null, "f", 6L);
        log.info("pairs", "a", 1, "b", "two", "c", 3.5, "d", true, "e", null, "f", 6L, "sb", new StringBuilder("x"));
        List<JsonNode> lines = out.lines();
        assertEquals(2, lines.size());
        for (String k : List.of("a", "b", "c", "d", "e", "f")) {
            assertEquals(lines.get(1).get(k), lines.get(0).get(k), k);
        }
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), keys(lines.get(0)).subList(4, 10));
        assertEquals("x", lines.get(1).get("sb").asText());
    }

    @Test
    void valueTypesRenderAsDocumented() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        ZonedDateTime zdt = ZonedDateTime.of(2026, 11, 25, 9, 14, 3, 512_044_000, ZoneOffset.UTC);
        log.info("types",
                "string", "s", "sb", new StringBuilder("built"), "bool", true,
                "byte", (byte) -8, "short", (short) 300, "int", Integer.MIN_VALUE, "long", Long.MAX_VALUE,
                "float", 1.1f, "double", 2.5d, "char", 'x',
                "bigint", new BigInteger("123456789012345678901234567890"),
                "bigdec", new BigDecimal("-1234567890.0987654321"),
                "enum", Color.RED, "uuid", id, "instant", zdt.toInstant(), "date", LocalDate.of(2026, 11, 25),
                "zoned", zdt, "duration", Duration.ofMillis(1500),
                "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY, "ninf", Float.NEGATIVE_INFINITY,
                "null", null, "other", new Object() {
                    @Override
                    public String toString() {
                        return "custom";
                    }
                });
        JsonNode l = out.only();
        assertEquals("s", l.get("string").asText());
        assertEquals("built", l.get("sb").asText());
        assertTrue(l.get("bool").isBoolean() && l.get("bool").asBoolean());
        assertEquals(-8, l.get("byte").asInt());
        assertEquals(300, l.get("short").asInt());
        assertEquals(Integer.MIN_VALUE, l.get("int").asInt());
        assertEquals(Long.MAX_VALUE, l.get("long").asLong());
        assertEquals("1.1", l.get("float").asText());
        assertEquals(2.5, l.get("double").asDouble());
        assertEquals("x", l.get("char").asText());
        assertTrue(l.get("bigint").isIntegralNumber());
        assertEquals(new BigInteger("123456789012345678901234567890"), l.get("bigint").bigIntegerValue());
        JsonNode exact = CapturedLog.parse(out.bytes(), DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).get(0);
        assertEquals(new BigDecimal("-1234567890.0987654321"), exact.get("bigdec").decimalValue());
        assertEquals("RED", l.get("enum").asText());
        assertEquals(id.toString(), l.get("uuid").asText());
        assertEquals("2026-11-25T09:14:03.512044Z", l.get("instant").asText());
        assertEquals("2026-11-25", l.get("date").asText());
        assertEquals(zdt.toString(), l.get("zoned").asText());
        assertEquals("PT1.5S", l.get("duration").asText());
        assertEquals("NaN", l.get("nan").asText());
        assertEquals("Infinity", l.get("inf").asText());
        assertEquals("-Infinity", l.get("ninf").asText());
        assertTrue(l.get("null").isNull());
        assertEquals("custom", l.get("other").asText());
    }

    @Test
    void arraysAreJsonArraysAndCharArraysText() {
        log.info("arrays", "ints", new int[] {1, 2, 3}, "chars", new char[] {'h', 'i'},
                "nested", new Object[] {"a", new long[] {4, 5}, null});
        JsonNode line = out.only();
        assertEquals("[1,2,3]", line.get("ints").toString());
        assertEquals("hi", line.get("chars").asText());
        assertEquals("[\"a\",[4,5],null]", line.get("nested").toString());
    }

    @Test
    void primitiveOverloadsHandleSpecialDoublesAndExtremes() {
        log.info("d", "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY, "ninf", Double.NEGATIVE_INFINITY);
        log.info("l", "min", Long.MIN_VALUE, "max", Long.MAX_VALUE, "zero", -0.0);
        List<JsonNode> lines = out.lines();
        assertEquals("NaN", lines.get(0).get("nan").asText());
        assertEquals("Infinity", lines.get(0).get("inf").asText());
        assertEquals("-Infinity", lines.get(0).get("ninf").asText());
        assertEquals(Long.MIN_VALUE, lines.get(1).get("min").asLong());
        assertEquals(Long.MAX_VALUE, lines.get(1).get("max").asLong());
        assertEquals(-0.0, lines.get(1).get("zero").asDouble());
    }

    @Test
    void throwableRendersTypeMessageStackAndCause() {
        IllegalStateException e = new IllegalStateException("charge failed",
                new java.io.IOException("connection reset"));
        log.error("payment failed", "error", e);
        JsonNode err = out.only().get("error");
        assertEquals("java.lang.IllegalStateException", err.get("type").asText());
        assertEquals("charge failed", err.get("message").asText());
        assertTrue(err.get("stack").isArray() && err.get("stack").size() > 0);
        assertTrue(err.get("stack").get(0).asText().contains("throwableRendersTypeMessageStackAndCause"));
        assertEquals("java.io.IOException", err.get("cause").get("type").asText());
        assertEquals("connection reset", err.get("cause").get("message").asText());
    }

    @Test
    void danglingThrowableIsNamedException() {
        log.error("failed", new RuntimeException("boom"));
        JsonNode line = out.only();
        assertEquals("boom", line.get("exception").get("message").asText());
    }

    @Test
    void boundFieldsComeAfterMessageAndBeforeCallFields() {
        Logger child = log.with("request_id", "r-1").with("tenant", 42);
        child.info("handled", "status", 200);
        log.info("parent has none");
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("ts", "level", "logger", "msg", "request_id", "tenant", "status"), keys(lines.get(0)));
        assertEquals("r-1", lines.get(0).get("request_id").asText());
        assertEquals(42, lines.get(0).get("tenant").asInt());
        assertEquals("test.output", lines.get(0).get("logger").asText());
        assertEquals(List.of("ts", "level", "logger", "msg"), keys(lines.get(1)));
    }

    @Test
    void rebindingAKeyReplacesItsValue() {
        log.with("a", 1).with("b", 2).with("a", 3).info("m");
        JsonNode line = out.only();
        assertEquals(List.of("ts", "level", "logger", "msg", "b", "a"), keys(line));
        assertEquals(3, line.get("a").asInt());
    }

    @Test
    void childLoggersFollowTheParentsLevel() {
        Logger child = log.with("k", "v");
        Fastlog.setLevel("test.output", Level.ERROR);
        try {
            assertFalse(child.isEnabled(Level.WARN));
            child.warn("hidden");
            child.error("shown");
        } finally {
            Fastlog.setLevel("test.output", null);
        }
        JsonNode line = out.only();
        assertEquals("shown", line.get("msg").asText());
    }

    @Test
    void keysCollidingWithReservedNamesGetAnUnderscorePrefix() {
        log.with("level", "bound").info("m", "msg", "call", "ts", 1, "logger", "x");
        JsonNode line = out.only();
        assertEquals(List.of("ts", "level", "logger", "msg", "_level", "_msg", "_ts", "_logger"), keys(line));
        assertEquals("INFO", line.get("level").asText());
        assertEquals("m", line.get("msg").asText());
        assertEquals("bound", line.get("_level").asText());
        assertEquals("call", line.get("_msg").asText());
    }

    @Test
    void duplicateKeysKeepTheLastValueWhereItWasLastGiven() {
        log.with("user", "bound").info("m", "user", "call", "x", 1, "x", 2);
        log.info("renamed", "_msg", "explicit", "msg", "renamed");
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("ts", "level", "logger", "msg", "user", "x"), keys(lines.get(0)));
        assertEquals("call", lines.get(0).get("user").asText());
        assertEquals(2, lines.get(0).get("x").asInt());
        assertEquals(List.of("ts", "level", "logger", "msg", "_msg"), keys(lines.get(1)));
        assertEquals("renamed", lines.get(1).get("_msg").asText());
    }

    @Test
    void manyDuplicateKeysUseTheSameRule() {
        Object[] kv = new Object[200];
        for (int i = 0; i < 100; i++) {
            kv[2 * i] = "k" + (i % 10);
            kv[2 * i + 1] = i;
        }
        log.info("dups", kv);
        JsonNode line = out.only();
        assertEquals(14, keys(line).size());
        for (int k = 0; k < 10; k++) {
            assertEquals(90 + k, line.get("k" + k).asInt());
        }
    }

    @Test
    void fieldNamesAreConfigurable() {
        out = CapturedLog.start(c -> c.fieldNames("@timestamp", "log.level", "log.logger", "message"));
        log.info("hello", "message", "user field");
        JsonNode line = out.only();
        assertEquals(List.of("@timestamp", "log.level", "log.logger", "message", "_message"), keys(line));
        assertEquals("hello", line.get("message").asText());
    }

    @Test
    void loggerNamesAreEscaped() {
        Fastlog.logger("we\"ird\nname").info("m");
        Fastlog.logger(LoggerOutputTest.class).info("m");
        List<JsonNode> lines = out.lines();
        assertEquals("we\"ird\nname", lines.get(0).get("logger").asText());
        assertEquals("fastlog.api.LoggerOutputTest", lines.get(1).get("logger").asText());
    }

    @Test
    void sameNameGivesSameLogger() {
        assertTrue(Fastlog.logger("same") == Fastlog.logger("same"));
        assertEquals("same", Fastlog.logger("same").name());
    }
}
