package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;

/** The fluent API: pairs as typed top-level fields in call order, markers as tags, cause, arguments. */
@Timeout(60) // every test waits for the writer (flush)
class FluentApiTest {

    private static final String NAME = "test.slf4j.fluent";
    private final Logger log = LoggerFactory.getLogger(NAME);
    private Captured out;

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        Fastlog.setLevel(NAME, Level.TRACE);
        out = Captured.start();
    }

    @AfterEach
    void levels() {
        Fastlog.setLevel(NAME, null);
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void theIssuesExample() {
        RuntimeException e = new RuntimeException("expired");
        LoggingEventBuilder b = log.atInfo();
        assertInstanceOf(FastlogEventBuilder.class, b);
        b.addKeyValue("user_id", 48213).addKeyValue("path", "/api").setCause(e).log("user login");
        JsonNode line = out.only();
        assertEquals("user login", line.get("msg").asText());
        assertEquals("INFO", line.get("level").asText());
        assertEquals(List.of("user_id", "path", "exception"), Captured.fieldKeys(line));
        assertTrue(line.get("user_id").isIntegralNumber());
        assertEquals(48213, line.get("user_id").asInt());
        assertEquals("/api", line.get("path").asText());
        assertEquals("expired", line.get("exception").get("message").asText());
    }

    @Test
    void valuesKeepTheirTypesAndOrder() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        log.atWarn()
                .addKeyValue("int", 1)
                .addKeyValue("long", 1L << 40)
                .addKeyValue("double", 12.5)
                .addKeyValue("bool", true)
                .addKeyValue("big", new BigDecimal("1.10"))
                .addKeyValue("null", (Object) null)
                .addKeyValue("uuid", id)
                .addKeyValue("when", Instant.EPOCH)
                .addKeyValue("text", "x")
                .log("typed");
        JsonNode line = out.only();
        assertEquals(List.of("int", "long", "double", "bool", "big", "null", "uuid", "when", "text"),
                Captured.fieldKeys(line));
        assertTrue(line.get("int").isInt());
        assertTrue(line.get("long").isLong());
        assertEquals(1L << 40, line.get("long").asLong());
        assertTrue(line.get("double").isDouble());
        assertEquals(12.5, line.get("double").asDouble());
        assertTrue(line.get("bool").isBoolean());
        assertTrue(line.get("big").isNumber());
        assertEquals(1.1, line.get("big").asDouble());
        assertTrue(line.get("null").isNull());
        assertEquals(id.toString(), line.get("uuid").asText());
        assertEquals("1970-01-01T00:00:00Z", line.get("when").asText());
    }

    /** Each shape of the builder: 0 to 5 pairs, 0 to 3 arguments, with and without cause and markers. */
    @Test
    void everyShapeOfTheBuilder() {
        RuntimeException e = new RuntimeException("c");
        Marker m = MarkerFactory.getMarker("M1");
        List<String> expectedKeys = new ArrayList<>();
        List<String> expectedMsgs = new ArrayList<>();
        for (int pairs = 0; pairs <= 5; pairs++) {
            for (int args = 0; args <= 3; args++) {
                for (int extras = 0; extras < 4; extras++) {
                    LoggingEventBuilder b = log.atDebug();
                    StringBuilder pattern = new StringBuilder("p" + pairs);
                    StringBuilder msg = new StringBuilder("p" + pairs);
                    StringBuilder keys = new StringBuilder();
                    for (int p = 0; p < pairs; p++) {
                        b.addKeyValue("k" + p, p);
                        keys.append("k").append(p).append(',');
                    }
                    for (int a = 0; a < args; a++) {
                        b.addArgument("a" + a);
                        pattern.append(" {}");
                        msg.append(" a").append(a);
                    }
                    if ((extras & 1) != 0) {
                        b.setCause(e);
                        keys.append("exception,");
                    }
                    if ((extras & 2) != 0) {
                        b.addMarker(m);
                        keys.append("tags,");
                    }
                    b.log(pattern.toString());
                    expectedKeys.add(keys.toString());
                    expectedMsgs.add(msg.toString());
                }
            }
        }
        List<JsonNode> lines = out.lines();
        assertEquals(expectedKeys.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals("DEBUG", line.get("level").asText());
            assertEquals(expectedMsgs.get(i), line.get("msg").asText(), line::toString);
            StringBuilder keys = new StringBuilder();
            for (String k : Captured.fieldKeys(line)) {
                keys.append(k).append(',');
            }
            assertEquals(expectedKeys.get(i), keys.toString(), line::toString);
            for (int p = 0; line.has("k" + p); p++) {
                assertEquals(p, line.get("k" + p).asInt());
                assertTrue(line.get("k" + p).isInt());
            }
        }
    }

    @Test
    void theLogOverloads() {
        log.atInfo().log("zero");
        log.atInfo().log("one {}", 1);
        log.atInfo().log("two {} {}", 1, 2);
        log.atInfo().log("three {} {} {}", 1, 2, 3);
        log.atInfo().addArgument(0).log("added {} then {} {}", 1, 2);
        log.atInfo().setMessage("set {}").addArgument("x").log();
        log.atInfo().log(() -> "supplied");
        log.atInfo().setMessage(() -> "supplied {}").addArgument(() -> "arg").addKeyValue("k", () -> 7).log();
        log.atInfo().log("trailing {}", new RuntimeException("t")); // no cause: SLF4J's trailing-Throwable rule
        log.atInfo().setCause(new RuntimeException("c")).log("explicit {}", new RuntimeException("arg"));
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("zero", "one 1", "two 1 2", "three 1 2 3", "added 0 then 1 2", "set x", "supplied",
                        "supplied arg", "trailing {}", "explicit java.lang.RuntimeException: arg"),
                lines.stream().map(l -> l.get("msg").asText()).toList());
        assertEquals(7, lines.get(7).get("k").asInt());
        assertEquals("t", lines.get(8).get("exception").get("message").asText());
        assertEquals("c", lines.get(9).get("exception").get("message").asText());
    }

    @Test
    void markers() {
        Marker a = MarkerFactory.getDetachedMarker("A");
        Marker b = MarkerFactory.getDetachedMarker("B");
        Marker c = MarkerFactory.getDetachedMarker("C");
        b.add(c);
        log.atInfo().addMarker(a).addMarker(b).addMarker(null).addMarker(a).log("several");
        Marker cyclic1 = new CyclicMarker("X");
        Marker cyclic2 = new CyclicMarker("Y");
        ((CyclicMarker) cyclic1).refs.add(cyclic2);
        ((CyclicMarker) cyclic2).refs.add(cyclic1);
        log.atInfo().addMarker(cyclic1).log("cycle");
        Marker wide = MarkerFactory.getDetachedMarker("W");
        for (int i = 0; i < 100; i++) {
            wide.add(MarkerFactory.getDetachedMarker("w" + i));
        }
        log.atInfo().addMarker(wide).log("wide");
        List<JsonNode> lines = out.lines();
        assertEquals("[\"A\",\"B\",\"C\"]", lines.get(0).get("tags").toString());
        assertEquals("[\"X\",\"Y\"]", lines.get(1).get("tags").toString());
        assertEquals(Tags.MAX_NAMES, lines.get(2).get("tags").size());
        assertEquals("W", lines.get(2).get("tags").get(0).asText());
    }

    @Test
    void disabledLevelsGiveTheNopBuilderAndCallNoSupplier() {
        Fastlog.setLevel(NAME, Level.WARN);
        AtomicInteger calls = new AtomicInteger();
        Supplier<Object> counting = () -> {
            calls.incrementAndGet();
            return "v";
        };
        assertSame(NOPLoggingEventBuilder.singleton(), log.atInfo());
        assertSame(NOPLoggingEventBuilder.singleton(), log.atLevel(org.slf4j.event.Level.DEBUG));
        log.atInfo().addKeyValue("k", counting).log("no");
        log.atTrace().addArgument(counting).log("no {}");
        log.atLevel(org.slf4j.event.Level.ERROR).addKeyValue("k", counting).log("yes");
        JsonNode line = out.only();
        assertEquals("ERROR", line.get("level").asText());
        assertEquals(1, calls.get());
        assertFalse(line.has("tags"));
    }

    @Test
    void atEveryLevel() {
        log.atTrace().addKeyValue("n", 0).log("t");
        log.atDebug().addKeyValue("n", 1).log("d");
        log.atInfo().addKeyValue("n", 2).log("i");
        log.atWarn().addKeyValue("n", 3).log("w");
        log.atError().addKeyValue("n", 4).log("e");
        for (org.slf4j.event.Level l : org.slf4j.event.Level.values()) {
            log.atLevel(l).addKeyValue("n", 10 + l.ordinal()).log("at");
            log.makeLoggingEventBuilder(l).addKeyValue("n", 20 + l.ordinal()).log("made");
        }
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
                lines.subList(0, 5).stream().map(l -> l.get("level").asText()).toList());
        assertEquals(15, lines.size());
        for (JsonNode line : lines.subList(5, 15)) {
            int n = line.get("n").asInt() % 10;
            assertEquals(org.slf4j.event.Level.values()[n].name(), line.get("level").asText(), line::toString);
        }
    }

    /** A Marker implementation of our own whose references form a cycle (BasicMarker refuses direct ones). */
    @SuppressWarnings("serial")
    static class CyclicMarker implements Marker {
        final String name;
        final List<Marker> refs = new ArrayList<>();

        CyclicMarker(String name) {
            this.name = name;
        }

        @Override public String getName() { return name; }
        @Override public void add(Marker reference) { refs.add(reference); }
        @Override public boolean remove(Marker reference) { return refs.remove(reference); }
        @Override @Deprecated public boolean hasChildren() { return hasReferences(); }
        @Override public boolean hasReferences() { return !refs.isEmpty(); }
        @Override public java.util.Iterator<Marker> iterator() { return refs.iterator(); }
        @Override public boolean contains(Marker other) { return false; }
        @Override public boolean contains(String n) { return false; }
    }
}
