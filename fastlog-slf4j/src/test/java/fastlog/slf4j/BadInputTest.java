package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.NOPLoggingEventBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;

/** Bad input never throws into the caller and always gives one valid line. */
@Timeout(60) // every test waits for the writer (flush)
class BadInputTest {

    private final Logger log = LoggerFactory.getLogger("test.slf4j.bad");
    private Captured out;

    static final class Throws {
        @Override
        public String toString() {
            throw new IllegalStateException("toString failed");
        }
    }

    static final class ReturnsNull {
        @Override
        public String toString() {
            return null;
        }
    }

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = Captured.start();
    }

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    private List<String> messages() {
        List<String> msgs = new ArrayList<>();
        for (JsonNode line : out.lines()) {
            JsonNode m = line.get("msg");
            msgs.add(m.isNull() ? null : m.asText());
        }
        return msgs;
    }

    @Test
    void nullMessagesAndPatterns() {
        log.info((String) null);
        log.info(null, 1);
        log.info(null, 1, 2);
        log.info(null, 1, 2, 3);
        log.info(null, new RuntimeException("e"));
        log.atInfo().log((String) null);
        log.atInfo().addArgument(1).log((String) null);
        log.atInfo().log((Supplier<String>) null);
        log.atInfo().setMessage((Supplier<String>) null).log();
        List<String> msgs = messages();
        assertEquals(9, msgs.size());
        msgs.forEach(m -> assertEquals(null, m));
        assertTrue(out.lines().get(4).has("exception"));
    }

    @Test
    void placeholdersAndArgumentsThatDoNotMatch() {
        log.info("a {} b {}", 1);                    // fewer arguments: the placeholder stays
        log.info("a {} b", 1, 2);                    // more arguments: the rest are ignored
        log.info("a {}", 1, 2, 3);
        log.info("no placeholder", 1);
        log.info("a \\{} b {}", 1);                  // escaped: a literal {}
        log.info("a \\\\{} b", 1);                   // double escape: a backslash, then the value
        log.info("a \\{} b");                        // no arguments: verbatim
        log.info("{", 1);
        log.info("{{}}", 1);
        log.info("x {}", (Object[]) null);
        log.atInfo().log("fluent {}", (Object[]) null);
        log.atInfo().log("fluent {} {}", 1);
        assertEquals(List.of("a 1 b {}", "a 1 b", "a 1", "no placeholder", "a {} b 1", "a \\1 b", "a \\{} b", "{",
                "{1}", "x {}", "fluent {}", "fluent 1 {}"), messages());
    }

    @Test
    void argumentsAndValuesWhoseToStringFails() {
        log.info("arg {}", new Throws());
        log.info("args {} {} {}", new Throws(), new ReturnsNull(), new Object[] {new Throws()});
        log.atInfo().addKeyValue("bad", new Throws()).addKeyValue("null_text", new ReturnsNull()).log("pairs");
        log.atInfo().addArgument(new Throws()).addKeyValue("bad", new Throws()).log("fluent {}");
        Object[] self = new Object[2];
        self[0] = "x";
        self[1] = self;
        log.info("self {}", (Object) self);
        List<JsonNode> lines = out.lines();
        assertEquals("arg [FAILED toString()]", lines.get(0).get("msg").asText());
        assertEquals("args [FAILED toString()] null [[FAILED toString()]]", lines.get(1).get("msg").asText());
        assertTrue(lines.get(2).get("bad").asText().startsWith("<toString() threw java.lang.IllegalStateException"));
        assertEquals("null", lines.get(2).get("null_text").asText());
        assertEquals("fluent [FAILED toString()]", lines.get(3).get("msg").asText());
        assertTrue(lines.get(3).get("bad").asText().startsWith("<toString() threw"));
        assertEquals("self [x, [...]]", lines.get(4).get("msg").asText());
    }

    @Test
    void nullAndRepeatedKeys() {
        log.atInfo().addKeyValue(null, 1).log("null key");
        log.atInfo().addKeyValue("k", 1).addKeyValue("k", 2).log("twice");
        log.atInfo().addKeyValue("a", 1).addKeyValue("k", 1).addKeyValue("b", 2).addKeyValue("k", "last").log("four");
        log.atInfo().addKeyValue(null, 1).addKeyValue(null, 2).addKeyValue(null, 3).addKeyValue(null, 4).log("nulls");
        log.atInfo().addKeyValue("quote\"and\nnewline", "v\u0000\u2028").log("odd key");
        List<JsonNode> lines = out.lines(); // strict: a duplicate key would fail here
        assertEquals(1, lines.get(0).get("null").asInt());
        assertEquals(2, lines.get(1).get("k").asInt());
        assertEquals(List.of("a", "b", "k"), Captured.fieldKeys(lines.get(2)));
        assertEquals("last", lines.get(2).get("k").asText());
        assertEquals(4, lines.get(3).get("null").asInt());
        assertEquals("v\u0000\u2028", lines.get(4).get("quote\"and\nnewline").asText());
    }

    @Test
    void brokenMarkersSuppliersAndEvents() {
        Marker broken = new FluentApiTest.CyclicMarker("B") {
            @Override
            public boolean hasReferences() {
                return true;
            }

            @Override
            public Iterator<Marker> iterator() {
                throw new IllegalStateException("no iterator");
            }
        };
        Marker nameless = new FluentApiTest.CyclicMarker(null);
        log.info(broken, "broken marker");
        log.info(nameless, "nameless marker {}", 1);
        log.atInfo().addMarker(broken).addMarker(nameless).log("both");
        log.atInfo().addKeyValue("k", () -> {
            throw new IllegalStateException("supplier");
        }).addArgument(() -> {
            throw new UnsupportedOperationException();
        }).log("suppliers {}");
        log.atInfo().setMessage(() -> {
            throw new IllegalStateException();
        }).log();
        log.atInfo().addKeyValue("k", (Supplier<Object>) null).setCause(null).log("null supplier and cause");
        LoggingEventAware aware = (LoggingEventAware) log;
        aware.log(null);
        aware.log(new Event(null, "no level"));
        aware.log(new Event(org.slf4j.event.Level.INFO, null));
        ((LocationAwareLogger) log).log(null, null, LocationAwareLogger.INFO_INT, null, null, null);
        assertEquals(NOPLoggingEventBuilder.singleton(), log.makeLoggingEventBuilder(null));
        assertEquals(NOPLoggingEventBuilder.singleton(), log.atLevel(null));
        assertFalse(log.isEnabledForLevel(null));
        List<JsonNode> lines = out.lines();
        assertEquals(8, lines.size(), lines::toString);
        assertEquals("[\"B\"]", lines.get(0).get("tags").toString());
        assertEquals("[\"null\"]", lines.get(1).get("tags").toString());
        assertEquals("[\"B\",\"null\"]", lines.get(2).get("tags").toString());
        assertEquals("<supplier threw java.lang.IllegalStateException>", lines.get(3).get("k").asText());
        assertEquals("suppliers <supplier threw java.lang.UnsupportedOperationException>", lines.get(3).get("msg").asText());
        assertEquals("<supplier threw java.lang.IllegalStateException>", lines.get(4).get("msg").asText());
        assertTrue(lines.get(5).get("k").isNull());
        assertFalse(lines.get(5).has("exception"));
        assertTrue(lines.get(6).get("msg").isNull());
        assertEquals(List.of("null"), Captured.fieldKeys(lines.get(6)));
        assertTrue(lines.get(7).get("msg").isNull());
    }

    @Test
    void mdcWithBadValues() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) Map.of("bad", new Throws());
        MDC.setContextMap(raw);
        log.info("after a bad context map");
        assertTrue(out.only().get("bad").asText().startsWith("<toString() threw"));
    }

    /** A LoggingEvent of our own, with a null-keyed pair (INFO) or no level at all. */
    private record Event(org.slf4j.event.Level level, String message) implements LoggingEvent {
        @Override public org.slf4j.event.Level getLevel() { return level; }
        @Override public String getLoggerName() { return "other"; }
        @Override public String getMessage() { return message; }
        @Override public List<Object> getArguments() { return null; }
        @Override public Object[] getArgumentArray() { return null; }
        @Override public List<Marker> getMarkers() { return null; }
        @Override public List<KeyValuePair> getKeyValuePairs() {
            List<KeyValuePair> pairs = new ArrayList<>();
            pairs.add(new KeyValuePair(null, 1));
            pairs.add(null);
            return pairs;
        }
        @Override public Throwable getThrowable() { return null; }
        @Override public long getTimeStamp() { return 0; }
        @Override public String getThreadName() { return null; }
    }
}
