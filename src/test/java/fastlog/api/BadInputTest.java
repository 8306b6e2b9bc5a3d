package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Bad input never throws into the caller and always yields one valid line, as README says. */
class BadInputTest {

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.bad");

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = CapturedLog.start(c -> c.maxStringLength(1000));
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void nullMessageIsJsonNull() {
        log.info(null);
        log.info(null, "k", 1);
        List<JsonNode> lines = out.lines();
        assertTrue(lines.get(0).get("msg").isNull());
        assertTrue(lines.get(1).get("msg").isNull());
        assertEquals(1, lines.get(1).get("k").asInt());
    }

    @Test
    void nullKeyBecomesTheKeyNull() {
        log.info("m", null, 1);
        log.info("m", (String) null, "v", "b", 2.0);
        log.info("m", new Object[] {null, "x"});
        List<JsonNode> lines = out.lines();
        assertEquals(1, lines.get(0).get("null").asInt());
        assertEquals("v", lines.get(1).get("null").asText());
        assertEquals("x", lines.get(2).get("null").asText());
    }

    @Test
    void nullValueIsJsonNull() {
        log.info("m", "k", (Object) null);
        log.with("bound", null).info("m", new Object[] {"a", null});
        List<JsonNode> lines = out.lines();
        assertTrue(lines.get(0).get("k").isNull());
        assertTrue(lines.get(1).get("bound").isNull());
        assertTrue(lines.get(1).get("a").isNull());
    }

    @Test
    void nullVarargsArrayIsNoFields() {
        log.info("m", (Object[]) null);
        assertEquals(4, out.only().size());
    }

    @Test
    void oddArgumentCountPutsTheDanglingElementInExtra() {
        log.info("m", "a", 1, "dangling");
        JsonNode line = out.only();
        assertEquals(1, line.get("a").asInt());
        assertEquals("dangling", line.get("_extra").asText());
    }

    @Test
    void nonStringKeysUseTheirText() {
        log.info("m", 42, "answer", java.util.List.of("x"), true);
        JsonNode line = out.only();
        assertEquals("answer", line.get("42").asText());
        assertTrue(line.get("[x]").asBoolean());
    }

    @Test
    void throwingToStringBecomesADescription() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        log.info("m", "v", bad);
        log.info("m", bad, "v");
        List<JsonNode> lines = out.lines();
        assertTrue(lines.get(0).get("v").asText().startsWith("<toString() threw java.lang.IllegalStateException"),
                lines.get(0).toString());
        String key = keyAt(lines.get(1), 4);
        assertTrue(key.startsWith("<toString() threw java.lang.IllegalStateException"), key);
        assertEquals("v", lines.get(1).get(key).asText());
    }

    private static String keyAt(JsonNode node, int index) {
        var it = node.fieldNames();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        return it.next();
    }

    @Test
    void recursiveToStringBecomesADescription() {
        Object recursive = new Object() {
            @Override
            public String toString() {
                return "me:" + this;
            }
        };
        log.info("m", "v", recursive);
        assertTrue(out.only().get("v").asText().startsWith("<toString() recursed too deeply"));
    }

    @Test
    void nullToStringIsTheStringNull() {
        Object nullString = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
        log.info("m", "v", nullString);
        assertEquals("null", out.only().get("v").asText());
    }

    @Test
    void hugeStringIsCutWithAnEllipsis() {
        String huge = "x".repeat(10 * 1024 * 1024);
        log.info(huge, "big", huge);
        JsonNode line = out.only();
        assertEquals("x".repeat(1000) + "\u2026", line.get("msg").asText());
        assertEquals("x".repeat(1000) + "\u2026", line.get("big").asText());
    }

    @Test
    void tooManyFieldsAreCutAndCounted() {
        // The smallest queue has 64-slot batches: 3 header slots and 2 per field make room for 30
        // fields, four of which are kept for the trailers (trace, thread, caller, per-thread fields).
        out = CapturedLog.start(c -> c.maxStringLength(1000).queueCapacity(1));
        int max = 26;
        Object[] kv = new Object[2 * (max + 10)];
        for (int i = 0; i < max + 10; i++) {
            kv[2 * i] = "k" + i;
            kv[2 * i + 1] = i;
        }
        log.info("wide", kv);
        JsonNode line = out.only();
        assertEquals(11, line.get("_truncated_fields").asInt());
        assertEquals(4 + max, line.size());
        assertEquals(max - 2, line.get("k" + (max - 2)).asInt());
    }

    @Test
    void controlCharactersAndLoneSurrogatesStayValid() {
        log.info("a\u0000b\u001f\"\\\n\u2028\ud800z", "k\udc00", "\ud83d\ude00 \ud83d");
        JsonNode line = out.only();
        assertEquals("a\u0000b\u001f\"\\\n\u2028\ufffdz", line.get("msg").asText());
        assertEquals("\ud83d\ude00 \ufffd", line.get("k\ufffd").asText());
    }

    @Test
    void userCodeThatFailsInsideANestedValueBecomesAMarker() {
        Object badKey = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("key");
            }
        };
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(badKey, 1);
        map.put("ok", 2);
        Iterable<Object> noIterator = () -> {
            throw new IllegalStateException("iterator");
        };
        List<Object> badElement = new java.util.AbstractList<>() {
            @Override
            public Object get(int index) {
                if (index == 1) {
                    throw new IndexOutOfBoundsException("changed");
                }
                return index;
            }

            @Override
            public int size() {
                return 3;
            }
        };
        log.info("m", "map", map, "iterable", noIterator, "list", badElement, "lazy", (Supplier<Object>) () -> {
            throw new UnsupportedOperationException("lazy");
        }, "after", 1);
        JsonNode line = out.only();
        JsonNode m = line.get("map");
        assertEquals(2, m.get("ok").asInt());
        assertTrue(m.fieldNames().next().startsWith("<toString() threw java.lang.IllegalStateException for "), m::toString);
        assertTrue(line.get("iterable").asText().startsWith("<iteration threw java.lang.IllegalStateException for "),
                line::toString);
        // AbstractList's iterator turns the IndexOutOfBoundsException into a NoSuchElementException
        assertTrue(line.get("list").asText().startsWith("<iteration threw java.util.NoSuchElementException for "),
                line::toString);
        assertEquals("<Supplier.get() threw java.lang.UnsupportedOperationException>", line.get("lazy").asText());
        assertEquals(1, line.get("after").asInt());
    }

    @Test
    void aPathIsItsTextNotItsNameElements() {
        log.info("m", "path", Path.of("/var/log/app.log"));
        assertEquals("/var/log/app.log", out.only().get("path").asText());
    }

    @Test
    void aValueThatFailsWhileRenderingBecomesAnErrorField() {
        Throwable bad = new RuntimeException("x") {
            @Override
            public String getMessage() {
                throw new UnsupportedOperationException("getMessage");
            }
        };
        log.error("m", "error", bad, "after", 1);
        JsonNode line = out.only();
        assertEquals(1, line.get("after").asInt());
        assertTrue(line.get("error").isObject() || line.get("error").isTextual(), line.toString());
    }
}
