package fastlog.test.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parser against Jackson (test scope only): random documents that Jackson writes must parse
 * to the same values, every code point must survive a string round trip, and random corruptions
 * that Jackson rejects must be rejected too.
 */
class JsonDifferentialTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void everyCodePointRoundTripsThroughAString() throws Exception {
        // All of the BMP except surrogates, then the supplementary planes with a seeded random step.
        StringBuilder sb = new StringBuilder();
        SplittableRandom random = new SplittableRandom(20261125);
        for (int cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 1 + random.nextInt(64)) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            sb.appendCodePoint(cp);
            if (sb.length() > 4096) {
                check(sb.toString());
                sb.setLength(0);
            }
        }
        check(sb.toString());
    }

    private static void check(String s) throws Exception {
        String byJackson = JACKSON.writeValueAsString(s);
        assertEquals(s, Json.parse(byJackson));
        String byUs = Json.write(s);
        assertEquals(s, JACKSON.readValue(byUs, String.class));
        assertEquals(s, Json.parse(byUs));
        // Every character escaped as \\uXXXX, surrogate pairs as two escapes.
        StringBuilder escaped = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            escaped.append(String.format("\\u%04x", (int) s.charAt(i)));
        }
        assertEquals(s, Json.parse(escaped.append('"').toString()));
    }

    @Test
    void randomDocumentsParseAsJacksonParsesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            Object doc = randomObject(random, 0);
            String text = JACKSON.writeValueAsString(doc);
            Object ours = Json.parse(text);
            JsonNode theirs = JACKSON.readTree(text);
            same(theirs, ours, text);
        }
    }

    @Test
    void corruptedDocumentsAreRejectedWhenJacksonRejectsThem() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "{}[]\",:\\ 0123456789.eE+-tfnulra\u0001\n";
        int rejected = 0;
        for (int i = 0; i < 3_000; i++) {
            String text = JACKSON.writeValueAsString(randomObject(random, 0));
            StringBuilder sb = new StringBuilder(text);
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String bad = sb.toString();
            JsonNode theirs;
            try {
                theirs = JACKSON.readTree(bad);
            } catch (Exception e) {
                theirs = null;
            }
            if (theirs == null || theirs.isMissingNode()) {
                rejected++;
                assertThrows(JsonException.class, () -> Json.parse(bad), () -> "accepted what Jackson rejects: " + bad);
            } else {
                Object ours;
                try {
                    ours = Json.parse(bad);
                } catch (JsonException e) {
                    // Stricter than Jackson only where fastlog promises more (no lone surrogates).
                    if (!e.getMessage().contains("surrogate")) {
                        fail("rejected what Jackson accepts: " + bad + " (" + e.getMessage() + ")");
                    }
                    continue;
                }
                same(theirs, ours, bad);
            }
        }
        assertEquals(true, rejected > 1_000, "too few corruptions were invalid: " + rejected);
    }

    private static Object randomObject(SplittableRandom r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < n; i++) {
            m.put(randomString(r) + i, randomValue(r, depth + 1));
        }
        return m;
    }

    private static Object randomValue(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 4 ? 8 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextLong();
            case 3 -> r.nextInt(1000) - 500;
            case 4 -> randomDouble(r);
            case 5 -> new BigDecimal(new BigInteger(100, new java.util.Random(r.nextLong())), r.nextInt(40) - 20);
            case 6 -> new BigInteger(90, new java.util.Random(r.nextLong())).negate();
            case 7 -> randomString(r);
            case 8 -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(randomValue(r, depth + 1));
                }
                yield l;
            }
            default -> randomObject(r, depth);
        };
    }

    private static double randomDouble(SplittableRandom r) {
        double d = Double.longBitsToDouble(r.nextLong());
        return Double.isFinite(d) ? d : r.nextDouble();
    }

    private static String randomString(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(0x20);
                case 1 -> 0x20 + r.nextInt(0x60);
                case 2 -> r.nextInt(0xD800);
                default -> 0x10000 + r.nextInt(0x100000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** Our value equals Jackson's node: same structure, same key order, numbers equal by value and kind. */
    private static void same(JsonNode node, Object ours, String text) {
        if (node.isObject()) {
            if (!(ours instanceof Map<?, ?> m) || m.size() != node.size()) {
                fail("object differs in " + text + ": " + ours);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            Iterator<? extends Map.Entry<?, ?>> mine = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Map.Entry<?, ?> o = mine.next();
                assertEquals(e.getKey(), o.getKey(), text);
                same(e.getValue(), o.getValue(), text);
            }
        } else if (node.isArray()) {
            if (!(ours instanceof List<?> l) || l.size() != node.size()) {
                fail("array differs in " + text + ": " + ours);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                same(node.get(i), l.get(i), text);
            }
        } else if (node.isTextual()) {
            assertEquals(node.textValue(), ours, text);
        } else if (node.isBoolean()) {
            assertEquals(node.booleanValue(), ours, text);
        } else if (node.isNull()) {
            assertEquals(null, ours, text);
        } else if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            assertEquals(v.bitLength() < 64 ? (Object) v.longValue() : v, ours, text);
        } else if (node.isNumber()) {
            BigDecimal v = node.decimalValue();
            if (ours instanceof Double d) {
                assertEquals(0, new BigDecimal(Double.toString(d)).compareTo(v), text);
            } else if (ours instanceof BigDecimal b) {
                assertEquals(0, b.compareTo(v), text);
                double d = v.doubleValue();
                if (Double.isFinite(d)) {
                    assertEquals(false, new BigDecimal(Double.toString(d)).compareTo(v) == 0, "should have been a Double: " + text);
                }
            } else {
                fail("number " + v + " parsed as " + ours + " in " + text);
            }
        } else {
            fail("unexpected node " + node + " in " + text);
        }
    }
}
