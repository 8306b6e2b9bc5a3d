package fastlog.test.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict parser: every kind of value, every escape, and each way a text can be wrong. */
class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Map<String, Object> o = Json.parseObject(
                "{\"s\":\"x\",\"i\":-12,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2,{}],[]],\"o\":{\"k\":{\"k\":\"v\"}}}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("i", -12L);
        expected.put("d", 1.5);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        expected.put("a", List.of(1L, List.of(2L, Map.of()), List.of()));
        expected.put("o", Map.of("k", Map.of("k", "v")));
        assertEquals(expected, o);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(o.keySet()), "document order");
        assertThrows(UnsupportedOperationException.class, () -> o.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) o.get("a")).clear());
    }

    @Test
    void whitespaceBetweenTokensIsAllowed() {
        assertEquals(Map.of("a", List.of(1L, 2L)), Json.parse(" \t\r\n{ \"a\" :\n[ 1 , 2 ] }\n "));
    }

    @Test
    void integersAreLongsOrBigIntegers() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), Json.parse("-9223372036854775809"));
        assertEquals(new BigInteger("123456789012345678901234567890"), Json.parse("123456789012345678901234567890"));
    }

    @Test
    void otherNumbersAreDoublesWhenExactElseBigDecimals() {
        assertEquals(0.1, Json.parse("0.1"));
        assertEquals(-2.5e-7, Json.parse("-2.5E-7"));
        assertEquals(1.0E10, Json.parse("1.0E10"));
        assertEquals(1e10, Json.parse("1e10"));
        assertEquals(1e308, Json.parse("1e+308"));
        assertEquals(4.9E-324, Json.parse("4.9E-324"));
        assertEquals(0.30000000000000004, Json.parse("0.30000000000000004"));
        assertEquals(new BigDecimal("3.14159265358979323846"), Json.parse("3.14159265358979323846"));
        assertEquals(new BigDecimal("1e400"), Json.parse("1e400"));
        assertEquals(new BigDecimal("1e-400"), Json.parse("1e-400"));
        assertEquals(-0.0, Json.parse("-0.0"));
        for (double d : new double[] {Math.PI, Double.MIN_NORMAL, Double.MAX_VALUE, 1 / 3.0, 123456.789, 1e-5, 1e21}) {
            assertEquals(d, Json.parse(Double.toString(d)), () -> "round trip of " + d);
        }
    }

    @Test
    void everyEscape() {
        assertEquals("\" \\ / \b \f \n \r \t \u0000 \u001f é \u2028", Json.parse(
                "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u001F \\u00e9 \\u2028\""));
    }

    @Test
    void surrogatePairsEscapedOrRaw() {
        String emoji = new String(Character.toChars(0x1F600));
        assertEquals(emoji, Json.parse("\"\\ud83d\\ude00\""));
        assertEquals(emoji, Json.parse("\"\\uD83D\\uDE00\""));
        assertEquals("a" + emoji + "b", Json.parse("\"a" + emoji + "b\""));
        assertEquals(emoji + emoji, Json.parse("\"\\ud83d\\ude00" + emoji + "\""));
        assertEquals(new String(Character.toChars(0x10FFFF)), Json.parse("\"\\udbff\\udfff\""));
    }

    @Test
    void longStringsWithEscapesAcrossTheFastPath() {
        String big = "x".repeat(100_000) + "\n" + "y".repeat(100_000);
        assertEquals(big, Json.parse("\"" + "x".repeat(100_000) + "\\n" + "y".repeat(100_000) + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "}", "[", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\" 1}", "{a:1}",
        "{'a':1}", "[1 2]", "01", "-01", "00", "1.", ".5", "-", "+1", "1e", "1e+", "1.e5", "0x10", "NaN", "Infinity",
        "-Infinity", "tru", "nul", "True", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\U0041\"",
        "\"a\tb\"", "\"a\nb\"", "\"\u0000\"", "\"\u001f\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"\\ud800\\ud800\"", "\"\\ud800x\"", "\"\ud800\"", "\"\udc00\ud800\"", "1 2", "{} {}", "{}x", "[]]",
        "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "// c\n1", "/* c */1", "[1]//", "\"\\u٣٣٣٣\"",
        "1e999999999999"
    })
    void rejects(String text) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text), () -> "accepted: " + text);
        assertTrue(e.offset() >= 0 && e.offset() <= text.length(), e::getMessage);
        assertTrue(e.getMessage().contains("at offset " + e.offset()), e::getMessage);
    }

    @Test
    void errorsSayWhatAndWhere() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parseObject("{\"msg\":\"a\",\"msg\":\"b\"}"));
        assertEquals("duplicate key \"msg\" at offset 11: {\"msg\":\"a\",⟦HERE⟧\"msg\":\"b\"}", e.getMessage());
        e = assertThrows(JsonException.class, () -> Json.parseObject("{\"k\":\"a\u0001b\"}"));
        assertEquals("raw control character U+0001 in a string (must be escaped) at offset 7: {\"k\":\"a⟦HERE⟧\\u0001b\"}",
                e.getMessage());
        e = assertThrows(JsonException.class, () -> Json.parseObject("[1]"));
        assertTrue(e.getMessage().startsWith("expected a JSON object at offset 0"), e.getMessage());
        e = assertThrows(JsonException.class, () -> Json.parseObject("{\"k\":\"" + "z".repeat(500) + "\\q\"}"));
        assertTrue(e.getMessage().startsWith("unknown escape \\'q' at offset 506: …" + "z".repeat(40) + "⟦HERE⟧\\q\"}"), e.getMessage());
    }

    @Test
    void nestingIsLimited() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.parse(ok);
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        String tooDeep = "{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(tooDeep));
        assertTrue(e.getMessage().startsWith("nested deeper than 512 levels"), e.getMessage());
        String huge = "[".repeat(200_000);
        assertThrows(JsonException.class, () -> Json.parse(huge)); // not a StackOverflowError
    }

    @Test
    void writerEscapesAndRoundTrips() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("q\"k", "a\\b\u0001\u007f\u2028\n\t\r\b\f" + new String(Character.toChars(0x1F600)));
        m.put("list", Arrays.asList(1L, null, true, 2.5, new BigDecimal("1.000000000000000000001"), List.of()));
        m.put("nan", Double.NaN);
        String json = Json.write(m);
        assertEquals("{\"q\\\"k\":\"a\\\\b\\u0001\\u007F\\u2028\\n\\t\\r\\b\\f\uD83D\uDE00\",\"list\":[1,null,true,2.5,"
                + "1.000000000000000000001,[]],\"nan\":\"NaN\"}", json);
        Map<String, Object> back = Json.parseObject(json);
        assertEquals(m.get("q\"k"), back.get("q\"k"));
        assertEquals(m.get("list"), back.get("list"));
        assertNull(Json.parse("null"));
        assertInstanceOf(Boolean.class, Json.parse("false"));
    }
}
