package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Structured values as README's value table says: maps, collections, arrays, records, Optional,
 * Loggable, lazy Suppliers and raw JSON become real JSON, nested, bounded, cycle-safe, captured
 * before the call returns. Every assertion is on the parsed line (CapturedLog rejects invalid
 * UTF-8 and duplicate keys).
 */
class StructuredValuesTest {

    record Item(String sku, int qty, double price, boolean gift) {
    }

    record Order(long id, List<Item> items, Map<String, Object> attributes) {
    }

    record Node(String name, Node next) {
    }

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.values");

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = CapturedLog.start();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    private static JsonNode json(String text) throws Exception {
        return CapturedLog.JSON.readTree(text);
    }

    // ---------------------------------------------------------------- containers

    @Test
    void mapsListsSetsArraysAndRecordsAreJson() throws Exception {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("channel", "web");
        attrs.put("tags", List.of("a", "b"));
        Order order = new Order(7, List.of(new Item("X-1", 2, 9.5, false)), attrs);
        log.info("order", "order", order, "ids", new long[] {1, 2, 3}, "names", new String[] {"x", null},
                "set", new LinkedHashSet<>(List.of(3, 1)), "map", Map.of("k", 1), "list", List.of(1.5, true, "s"));
        JsonNode line = out.only();
        assertEquals(json("{\"id\":7,\"items\":[{\"sku\":\"X-1\",\"qty\":2,\"price\":9.5,\"gift\":false}],"
                + "\"attributes\":{\"channel\":\"web\",\"tags\":[\"a\",\"b\"]}}"), line.get("order"));
        assertEquals(json("[1,2,3]"), line.get("ids"));
        assertEquals(json("[\"x\",null]"), line.get("names"));
        assertEquals(json("[3,1]"), line.get("set"));
        assertEquals(json("{\"k\":1}"), line.get("map"));
        assertEquals(json("[1.5,true,\"s\"]"), line.get("list"));
    }

    @Test
    void everyPrimitiveArrayKindAndPrimitiveOptionals() throws Exception {
        log.info("arrays", "b", new byte[] {-1, 2}, "s", new short[] {300}, "f", new float[] {1.1f, Float.NaN},
                "d", new double[] {0.1, Double.NEGATIVE_INFINITY}, "z", new boolean[] {true}, "c", new char[] {'h', 'i'},
                "oi", OptionalInt.of(4), "oe", OptionalInt.empty());
        JsonNode line = out.only();
        assertEquals(json("[-1,2]"), line.get("b"));
        assertEquals(json("[300]"), line.get("s"));
        assertEquals(json("[1.1,\"NaN\"]"), line.get("f"));
        assertEquals(json("[0.1,\"-Infinity\"]"), line.get("d"));
        assertEquals(json("[true]"), line.get("z"));
        assertEquals("hi", line.get("c").asText());
        assertEquals(4, line.get("oi").asInt());
        assertTrue(line.get("oe").isNull());
    }

    @Test
    void optionalIsItsValueOrNull() {
        log.info("opt", "some", Optional.of(List.of(1)), "none", Optional.empty(),
                "mutable", Optional.of(new ArrayList<>(List.of("x"))));
        JsonNode line = out.only();
        assertEquals("[1]", line.get("some").toString());
        assertTrue(line.get("none").isNull());
        assertEquals("[\"x\"]", line.get("mutable").toString());
    }

    @Test
    void nonStringMapKeysUseTheirTextAndStayUnique() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, "int key");
        map.put("1", "string key"); // reads the same: the last one wins
        map.put(null, "null key");
        map.put(List.of("a"), "list key");
        log.info("keys", "m", map);
        JsonNode m = out.only().get("m");
        assertEquals(3, m.size(), m::toString);
        assertEquals("string key", m.get("1").asText());
        assertEquals("null key", m.get("null").asText());
        assertEquals("list key", m.get("[a]").asText());
    }

    @Test
    void jsonRulesHoldInsideNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("q\"uote\n", "a\u0000b\u2028\ud800");
        m.put("\ud800", 1); // a lone surrogate is written as U+FFFD...
        m.put("\udbff", 2); // ...so this key reads the same: the last one wins
        m.put("nan", List.of(Double.NaN, Float.POSITIVE_INFINITY));
        m.put("emoji \ud83d\ude00", "\ud83d\ude00");
        log.info("rules", "m", m);
        JsonNode v = out.only().get("m");
        assertEquals("a\u0000b\u2028\ufffd", v.get("q\"uote\n").asText());
        assertEquals(2, v.get("\ufffd").asInt());
        assertEquals("[\"NaN\",\"Infinity\"]", v.get("nan").toString());
        assertEquals("\ud83d\ude00", v.get("emoji \ud83d\ude00").asText());
        assertEquals(4, v.size());
    }

    @Test
    void stringsInsideValuesAreCutAtMaxStringLength() {
        out = CapturedLog.start(c -> c.maxStringLength(16));
        log.info("cut", "m", Map.of("k", "x".repeat(40)), "l", List.of("y".repeat(20)));
        JsonNode line = out.only();
        assertEquals("x".repeat(16) + "\u2026", line.get("m").get("k").asText());
        assertEquals("y".repeat(16) + "\u2026", line.get("l").get(0).asText());
    }

    // ---------------------------------------------------------------- bounds

    @Test
    void depthIsLimitedWithAMarker() {
        List<Object> deep = List.of("leaf");
        for (int i = 0; i < 10; i++) {
            deep = List.of(deep);
        }
        ArrayList<Object> mutableDeep = new ArrayList<>();
        ArrayList<Object> cursor = mutableDeep;
        for (int i = 0; i < 10; i++) {
            ArrayList<Object> next = new ArrayList<>();
            cursor.add(next);
            cursor = next;
        }
        log.info("deep", "kept", deep, "copied", mutableDeep);
        JsonNode line = out.only();
        for (String k : List.of("kept", "copied")) {
            JsonNode n = line.get(k);
            for (int d = 0; d < 8; d++) {
                assertTrue(n.isArray(), () -> k + ": " + line);
                n = n.get(0);
            }
            assertTrue(n.asText().startsWith("<too deep: java.util."), () -> k + ": " + line);
        }
    }

    @Test
    void depthAndElementCapAreConfigurable() {
        out = CapturedLog.start(c -> c.maxDepth(2).maxElements(3));
        log.info("small", "l", List.of(List.of(List.of(1))), "many", List.of(1, 2, 3, 4, 5),
                "m", new TreeMap<>(Map.of("a", 1, "b", 2, "c", 3, "d", 4)));
        JsonNode line = out.only();
        assertEquals("[[\"<too deep: " + List.of(1).getClass().getName() + ">\"]]", line.get("l").toString());
        assertEquals("[1,2,3,\"... 2 more\"]", line.get("many").toString());
        assertEquals("{\"a\":1,\"b\":2,\"c\":3,\"_omitted\":1}", line.get("m").toString());
    }

    @Test
    void elementCapDefaultIsAHundredAndCountsTheRest() {
        List<Integer> big = new ArrayList<>();
        Map<String, Integer> bigMap = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            big.add(i);
            bigMap.put("k" + i, i);
        }
        log.info("big", "list", big, "kept", List.copyOf(big), "map", bigMap);
        JsonNode line = out.only();
        for (String k : List.of("list", "kept")) {
            assertEquals(101, line.get(k).size());
            assertEquals(99, line.get(k).get(99).asInt());
            assertEquals("... 50 more", line.get(k).get(100).asText());
        }
        assertEquals(101, line.get("map").size());
        assertEquals(50, line.get("map").get("_omitted").asInt());
    }

    @Test
    void omittedMarkerKeyNeverCollidesWithARealKey() {
        out = CapturedLog.start(c -> c.maxElements(2));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_omitted", "mine");
        m.put("a", 1);
        m.put("b", 2);
        log.info("collide", "m", m);
        JsonNode v = out.only().get("m");
        assertEquals("mine", v.get("_omitted").asText());
        assertEquals(1, v.get("__omitted").asInt());
    }

    @Test
    void oneFieldValueHasATotalBudget() {
        // 50 x 50 with a cap of 50: the budget (10 x 50 = 500 elements) runs out after the outer
        // list's 50 and 9 inner lists' 450; the other inner lists only say how many were left out.
        out = CapturedLog.start(c -> c.maxElements(50));
        List<List<Integer>> grid = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            grid.add(new ArrayList<>(Collections.nCopies(50, i)));
        }
        log.info("grid", "g", grid, "kept", List.copyOf(grid.stream().map(List::copyOf).toList()));
        JsonNode line = out.only();
        for (String k : List.of("g", "kept")) {
            JsonNode g = line.get(k);
            assertEquals(50, g.size());
            assertEquals(50, g.get(8).size());
            assertEquals(8, g.get(8).get(49).asInt());
            assertEquals("[\"... 50 more\"]", g.get(9).toString(), () -> k + " " + g.get(9));
            assertEquals("[\"... 50 more\"]", g.get(49).toString());
        }
    }

    record Two(Object password, Object rest) {
    }

    @Test
    void aRedactedEntryStillSpendsTheBudgetTheCallerCheckedItWith() {
        // Budget 40 (maxElements 4). The record takes 2; its redacted "password" subtree 4 + 16 when
        // the caller checks it, and the writer, which skips it, must spend the same 20: then "rest"
        // (4 + 4 x 4) has 18 left, and its last list keeps 2 elements.
        out = CapturedLog.start(c -> c.maxElements(4));
        List<Integer> four = List.of(1, 2, 3, 4);
        List<List<Integer>> sixteen = List.of(four, four, four, four);
        log.info("budget", "v", new Two(sixteen, sixteen));
        JsonNode v = out.only().get("v");
        assertEquals("****", v.get("password").asText());
        assertEquals("[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,\"... 2 more\"]]", v.get("rest").toString());
    }

    @Test
    void cyclesBecomeMarkers() {
        Map<String, Object> self = new HashMap<>();
        self.put("me", self);
        List<Object> loop = new ArrayList<>();
        List<Object> inner = new ArrayList<>();
        loop.add(inner);
        inner.add(loop);
        Object[] arr = new Object[1];
        arr[0] = arr;
        log.info("cycles", "map", self, "list", loop, "array", arr);
        JsonNode line = out.only();
        assertEquals("{\"me\":\"<cycle: java.util.HashMap>\"}", line.get("map").toString());
        assertEquals("[[\"<cycle: java.util.ArrayList>\"]]", line.get("list").toString());
        assertEquals("[\"<cycle: [Ljava.lang.Object;>\"]", line.get("array").toString());
    }

    @Test
    void aSharedSubstructureIsNotACycle() {
        List<Integer> shared = new ArrayList<>(List.of(1));
        log.info("dag", "v", List.of(shared, shared), "m", new ArrayList<>(List.of(shared, shared)));
        JsonNode line = out.only();
        assertEquals("[[1],[1]]", line.get("v").toString());
        assertEquals("[[1],[1]]", line.get("m").toString());
    }

    @Test
    void recursiveRecordsStopAtTheDepthLimit() {
        Node n = null;
        for (int i = 0; i < 20; i++) {
            n = new Node("n" + i, n);
        }
        log.info("chain", "n", n);
        JsonNode v = out.only().get("n");
        for (int d = 0; d < 7; d++) {
            v = v.get("next");
        }
        assertTrue(v.get("next").asText().startsWith("<too deep: "), v::toString);
    }

    // ---------------------------------------------------------------- capture

    @Test
    void aMapMutatedRightAfterTheCallNeverShowsTheChange() {
        Map<String, Object> map = new HashMap<>();
        map.put("state", "before");
        List<String> list = new ArrayList<>(List.of("before"));
        int[] array = {1};
        Map<String, Object> view = Collections.unmodifiableMap(map);
        Order order = new Order(1, new ArrayList<>(), map);
        log.info("m", "map", map, "list", list, "array", array, "view", view);
        log.info("typed", "map", map);
        log.info("record", "order", order);
        map.put("state", "after");
        map.put("added", true);
        list.set(0, "after");
        array[0] = 2;
        JsonNode l0 = out.lines().get(0);
        List<JsonNode> lines = out.lines();
        assertEquals("{\"state\":\"before\"}", l0.get("map").toString());
        assertEquals("[\"before\"]", l0.get("list").toString());
        assertEquals("[1]", l0.get("array").toString());
        assertEquals("{\"state\":\"before\"}", l0.get("view").toString());
        assertEquals("{\"state\":\"before\"}", lines.get(1).get("map").toString());
        assertEquals("{\"state\":\"before\"}", lines.get(2).get("order").get("attributes").toString());
    }

    @Test
    void mutationWhileTheWriterIsStalledStillNeverShows() throws Exception {
        // The writer cannot run until the gate opens: every line is rendered long after the call.
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.OutputStream gated = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                bytes.write(b, off, len);
            }
        };
        Fastlog.shutdown();
        Fastlog.configure().output(gated).apply();
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            map.put("k", i);
            log.info("step", "map", map, "i", i);
        }
        map.put("k", -1);
        gate.countDown();
        Fastlog.flush();
        List<JsonNode> lines = CapturedLog.parse(bytes.toByteArray());
        assertEquals(100, lines.size());
        for (JsonNode line : lines) {
            assertEquals(line.get("i").asInt(), line.get("map").get("k").asInt(), line::toString);
        }
    }

    // ---------------------------------------------------------------- Loggable

    record Money(long cents, String currency) implements Loggable {
        @Override
        public void logTo(Loggable.Writer w) {
            w.field("amount", cents / 100.0).field("currency", currency);
        }
    }

    static final class UserId implements Loggable {
        private final long id;

        UserId(long id) {
            this.id = id;
        }

        @Override
        public void logTo(Loggable.Writer w) {
            w.value("u-" + id);
        }
    }

    @Test
    void loggableWritesItselfAsAnObjectOrAValue() {
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Loggable nested = w -> {
            ranOn.set(Thread.currentThread());
            w.field("price", new Money(1250, "EUR")).field("user", new UserId(7)).field("n", 3L)
                    .field("ok", true).field("list", new ArrayList<>(List.of(1))).field("n", 4L);
        };
        log.info("loggable", "v", nested, "id", new UserId(9));
        JsonNode line = out.only();
        assertSame(caller, ranOn.get(), "logTo runs on the calling thread");
        assertEquals("{\"price\":{\"amount\":12.5,\"currency\":\"EUR\"},\"user\":\"u-7\",\"ok\":true,"
                + "\"list\":[1],\"n\":4}", line.get("v").toString());
        assertEquals("u-9", line.get("id").asText());
    }

    @Test
    void aLoggableThatThrowsBecomesAMarker() {
        Loggable bad = w -> {
            w.field("partial", 1);
            throw new IllegalStateException("no");
        };
        Loggable selfValue = new Loggable() {
            @Override
            public void logTo(Loggable.Writer w) {
                w.value(this);
            }
        };
        log.info("bad", "v", bad, "after", 1, "self", selfValue);
        JsonNode line = out.only();
        assertTrue(line.get("v").asText().startsWith("<logTo() threw java.lang.IllegalStateException for "), line::toString);
        assertEquals(1, line.get("after").asInt());
        assertTrue(line.get("self").asText().startsWith("<too deep: "), line::toString);
    }

    @Test
    void aLoggableWriterUsedAfterLogToIsIgnored() {
        AtomicReference<Loggable.Writer> kept = new AtomicReference<>();
        log.info("keep", "v", (Loggable) w -> {
            kept.set(w);
            w.field("a", 1);
        });
        kept.get().field("late", 2);
        assertEquals("{\"a\":1}", out.only().get("v").toString());
    }

    // ---------------------------------------------------------------- lazy values

    @Test
    void aSupplierIsCalledOnTheCallingThreadOnlyWhenTheLevelIsEnabled() {
        AtomicInteger calls = new AtomicInteger();
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Supplier<Object> dump = () -> {
            calls.incrementAndGet();
            ranOn.set(Thread.currentThread());
            return Map.of("rows", 3);
        };
        log.debug("disabled", "dump", dump);
        log.debug("disabled", "a", 1, "b", 2, "c", 3, "dump", dump);
        assertEquals(0, calls.get());
        log.info("enabled", "dump", Logger.lazy(() -> dump.get()));
        log.info("varargs", "a", 1, "b", 2, "c", 3, "dump", dump);
        assertEquals(2, calls.get());
        assertSame(caller, ranOn.get());
        List<JsonNode> lines = out.lines();
        assertEquals("{\"rows\":3}", lines.get(0).get("dump").toString());
        assertEquals("{\"rows\":3}", lines.get(1).get("dump").toString());
    }

    @Test
    void aThrowingSupplierGivesAValidLineThatSaysSo() {
        log.info("lazy", "v", Logger.lazy(() -> {
            throw new IllegalStateException("boom");
        }), "after", 2L);
        JsonNode line = out.only();
        assertEquals("<Supplier.get() threw java.lang.IllegalStateException>", line.get("v").asText());
        assertEquals(2, line.get("after").asInt());
    }

    @Test
    void boundValuesAreCapturedWhenBound() {
        AtomicInteger calls = new AtomicInteger();
        Map<String, Object> m = new HashMap<>(Map.of("v", 1));
        Logger bound = log.with("m", m).with("lazy", Logger.lazy(calls::incrementAndGet));
        m.put("v", 2);
        bound.info("one");
        bound.info("two");
        List<JsonNode> lines = out.lines();
        assertEquals(1, calls.get());
        for (JsonNode line : lines) {
            assertEquals("{\"v\":1}", line.get("m").toString());
            assertEquals(1, line.get("lazy").asInt());
        }
    }

    @Test
    void scopedValuesKeepTheirStructure() {
        LogContext.where("request", Map.of("id", "r-1", "path", List.of("a", "b"))).run(() -> log.info("in scope"));
        JsonNode r = out.only().get("request");
        assertEquals("r-1", r.get("id").asText());
        assertEquals("[\"a\",\"b\"]", r.get("path").toString());
    }

    // ---------------------------------------------------------------- raw JSON

    @Test
    void rawJsonIsWrittenAsJsonOnOneLine() throws Exception {
        String body = "{\n  \"id\" : 7,\n  \"tags\" : [ \"a\", \"\\u00e9\\n\" ],\n  \"n\" : -1.5e3, \"x\": null, \"t\": true\n}\n";
        log.info("raw", "body", RawJson.of(body), "arr", RawJson.of(" [1, 2] "), "s", RawJson.of("\"text\""));
        JsonNode line = out.only();
        assertEquals(json(body), line.get("body"));
        assertEquals(json("[1,2]"), line.get("arr"));
        assertEquals("text", line.get("s").asText());
        assertFalse(line.has("_invalid_json"));
    }

    @Test
    void invalidRawJsonBecomesAStringAndAMarkerField() {
        log.info("raw", "ok", RawJson.of("{}"), "bad", RawJson.of("{\"a\":1,}"), "dup", RawJson.of("{\"a\":1,\"a\":2}"),
                "two", RawJson.of("1 2"), "ctrl", RawJson.of("\"a\u0001\""), "hex", RawJson.of("\"\\u00zz\""),
                "lead", RawJson.of("01"), "empty", RawJson.of(""));
        JsonNode line = out.only();
        assertEquals("{}", line.get("ok").toString());
        assertEquals("{\"a\":1,}", line.get("bad").asText());
        assertEquals("{\"a\":1,\"a\":2}", line.get("dup").asText());
        assertEquals("[\"bad\",\"dup\",\"two\",\"ctrl\",\"hex\",\"lead\",\"empty\"]", line.get("_invalid_json").toString());
    }

    @Test
    void rawJsonTooDeepOrTooLongIsInvalid() {
        out = CapturedLog.start(c -> c.maxDepth(3).maxStringLength(32));
        log.info("raw", "deep", RawJson.of("[[[[1]]]]"), "fine", RawJson.of("[[[1]]]"),
                "long", RawJson.of("[" + "1,".repeat(20) + "1]"), "_invalid_json", "mine");
        JsonNode line = out.only();
        assertEquals("[[[1]]]", line.get("fine").toString());
        assertTrue(line.get("deep").isTextual());
        assertTrue(line.get("long").isTextual());
        assertEquals("mine", line.get("_invalid_json").asText());
        assertEquals("[\"deep\",\"long\"]", line.get("__invalid_json").toString());
    }

    @Test
    void hugeNumbersInRawJsonBecomeStrings() {
        String digits = "9".repeat(1500);
        log.info("raw", "n", RawJson.of("[" + digits + ", 1e400]"));
        JsonNode n = out.only().get("n");
        assertEquals(digits, n.get(0).asText());
        assertTrue(n.get(1).isNumber());
    }

    // ---------------------------------------------------------------- char and float

    @Test
    void typedOverloadsWidenCharAndFloatAsDocumented() {
        log.info("typed", "c", 'x', "f", 1.1f);
        log.info("boxed", "c", (Object) 'x', "f", (Object) 1.1f);
        List<JsonNode> lines = out.lines();
        assertEquals(120, lines.get(0).get("c").asInt());
        assertEquals("1.100000023841858", lines.get(0).get("f").asText());
        assertEquals("x", lines.get(1).get("c").asText());
        assertEquals("1.1", lines.get(1).get("f").asText());
    }

    @Test
    void keptValuesAreHeldByReferenceAndCostTheCallerNoCopy() {
        // Indirectly visible: the rendered line is the same whether the map is kept or copied.
        Map<String, Object> immutable = Map.of("a", 1, "b", List.of(2, 3));
        log.info("kept", "m", immutable);
        log.info("copied", "m", new HashMap<>(immutable));
        List<JsonNode> lines = out.lines();
        assertEquals(lines.get(0).get("m"), lines.get(1).get("m"));
        assertNull(lines.get(0).get("_invalid_json"));
        assertEquals(Arrays.asList(2, 3), List.of(lines.get(0).get("m").get("b").get(0).asInt(),
                lines.get(0).get("m").get("b").get(1).asInt()));
    }
}
