package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.DefaultLoggingEventBuilder;
import org.slf4j.spi.LocationAwareLogger;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;

/** The classic SLF4J API (all levels, all shapes, markers, throwables) through the provider. */
@Timeout(60) // every test waits for the writer (flush)
class ClassicCallsTest {

    private static final String NAME = "test.slf4j.classic";
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
    void slf4jFindsTheProvider() {
        assertInstanceOf(FastlogLogger.class, log);
        assertInstanceOf(FastlogLoggerFactory.class, LoggerFactory.getILoggerFactory());
        assertInstanceOf(FastlogMDCAdapter.class, MDC.getMDCAdapter());
        assertSame(log, LoggerFactory.getLogger(NAME));
        assertEquals(NAME, log.getName());
        assertEquals(Logger.ROOT_LOGGER_NAME, LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME).getName());
        assertEquals(ClassicCallsTest.class.getName(), LoggerFactory.getLogger(ClassicCallsTest.class).getName());
    }

    /** The twelve shapes of one level, with the message each must give. */
    private static List<String> logAllShapes(Logger log, String level) {
        Marker m = MarkerFactory.getMarker("AUDIT");
        RuntimeException e = new RuntimeException("boom");
        switch (level) {
            case "TRACE" -> {
                log.trace("plain");
                log.trace("one {}", 1);
                log.trace("two {} {}", 1, "b");
                log.trace("three {} {} {}", 1, "b", 3.5);
                log.trace("thrown", e);
                log.trace(m, "m plain");
                log.trace(m, "m one {}", 1);
                log.trace(m, "m two {} {}", 1, "b");
                log.trace(m, "m three {} {} {}", 1, "b", 3.5);
                log.trace(m, "m thrown", e);
            }
            case "DEBUG" -> {
                log.debug("plain");
                log.debug("one {}", 1);
                log.debug("two {} {}", 1, "b");
                log.debug("three {} {} {}", 1, "b", 3.5);
                log.debug("thrown", e);
                log.debug(m, "m plain");
                log.debug(m, "m one {}", 1);
                log.debug(m, "m two {} {}", 1, "b");
                log.debug(m, "m three {} {} {}", 1, "b", 3.5);
                log.debug(m, "m thrown", e);
            }
            case "INFO" -> {
                log.info("plain");
                log.info("one {}", 1);
                log.info("two {} {}", 1, "b");
                log.info("three {} {} {}", 1, "b", 3.5);
                log.info("thrown", e);
                log.info(m, "m plain");
                log.info(m, "m one {}", 1);
                log.info(m, "m two {} {}", 1, "b");
                log.info(m, "m three {} {} {}", 1, "b", 3.5);
                log.info(m, "m thrown", e);
            }
            case "WARN" -> {
                log.warn("plain");
                log.warn("one {}", 1);
                log.warn("two {} {}", 1, "b");
                log.warn("three {} {} {}", 1, "b", 3.5);
                log.warn("thrown", e);
                log.warn(m, "m plain");
                log.warn(m, "m one {}", 1);
                log.warn(m, "m two {} {}", 1, "b");
                log.warn(m, "m three {} {} {}", 1, "b", 3.5);
                log.warn(m, "m thrown", e);
            }
            default -> {
                log.error("plain");
                log.error("one {}", 1);
                log.error("two {} {}", 1, "b");
                log.error("three {} {} {}", 1, "b", 3.5);
                log.error("thrown", e);
                log.error(m, "m plain");
                log.error(m, "m one {}", 1);
                log.error(m, "m two {} {}", 1, "b");
                log.error(m, "m three {} {} {}", 1, "b", 3.5);
                log.error(m, "m thrown", e);
            }
        }
        return List.of("plain", "one 1", "two 1 b", "three 1 b 3.5", "thrown",
                "m plain", "m one 1", "m two 1 b", "m three 1 b 3.5", "m thrown");
    }

    @Test
    void everyShapeAtEveryLevel() {
        String[] levels = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"};
        List<String> expected = new ArrayList<>();
        List<String> expectedLevels = new ArrayList<>();
        for (String level : levels) {
            for (String msg : logAllShapes(log, level)) {
                expected.add(msg);
                expectedLevels.add(level);
            }
        }
        List<JsonNode> lines = out.lines();
        assertEquals(expected.size(), lines.size(), lines::toString);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String msg = expected.get(i);
            assertEquals(msg, line.get("msg").asText(), line::toString);
            assertEquals(expectedLevels.get(i), line.get("level").asText());
            assertEquals(NAME, line.get("logger").asText());
            boolean marked = msg.startsWith("m ");
            boolean thrown = msg.endsWith("thrown");
            List<String> fields = new ArrayList<>();
            if (thrown) {
                fields.add("exception");
                assertEquals("java.lang.RuntimeException", line.get("exception").get("type").asText());
                assertEquals("boom", line.get("exception").get("message").asText());
            }
            if (marked) {
                fields.add("tags");
                assertEquals("[\"AUDIT\"]", line.get("tags").toString());
            }
            assertEquals(fields, Captured.fieldKeys(line), line::toString);
        }
    }

    @Test
    void levelsFollowFastlogAndDisabledLevelsWriteNothing() {
        Fastlog.setLevel(NAME, Level.WARN);
        assertFalse(log.isTraceEnabled());
        assertFalse(log.isDebugEnabled());
        assertFalse(log.isInfoEnabled());
        assertTrue(log.isWarnEnabled());
        assertTrue(log.isErrorEnabled());
        Marker m = MarkerFactory.getMarker("M");
        assertFalse(log.isInfoEnabled(m));
        assertTrue(log.isWarnEnabled(m));
        assertFalse(log.isEnabledForLevel(org.slf4j.event.Level.INFO));
        assertTrue(log.isEnabledForLevel(org.slf4j.event.Level.ERROR));
        for (String level : new String[] {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"}) {
            logAllShapes(log, level);
        }
        List<JsonNode> lines = out.lines();
        assertEquals(20, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.get("level").asText().matches("WARN|ERROR")));
    }

    @Test
    void throwables() {
        RuntimeException e = new IllegalStateException("bad state", new java.io.IOException("disk"));
        log.warn("failed", e);                              // 0: explicit: message as given
        log.warn("failed {}", e);                           // 1: trailing Throwable: exception, "{}" stays
        log.warn("failed {} {}", "x", e);                   // 2: "failed x {}"
        log.warn("failed {} {} {}", "x", "y", e);           // 3: varargs
        log.warn("failed {}", new Object[] {"x", e});       // 4: array form
        log.warn("failed {}", (Object) new Object[] {"x"}); // 5: one Object[] argument is printed as an array
        log.warn("no exception {}", "x");                   // 6
        log.warn("null throwable", (Throwable) null);       // 7
        List<JsonNode> lines = out.lines();
        assertEquals(8, lines.size());
        String[] msgs = {"failed", "failed {}", "failed x {}", "failed x y {}", "failed x", "failed [x]",
                "no exception x", "null throwable"};
        for (int i = 0; i < msgs.length; i++) {
            assertEquals(msgs[i], lines.get(i).get("msg").asText(), lines.get(i)::toString);
            assertEquals(i <= 4, lines.get(i).has("exception"), lines.get(i)::toString);
        }
        JsonNode ex = lines.get(0).get("exception");
        assertEquals("java.lang.IllegalStateException", ex.get("type").asText());
        assertEquals("bad state", ex.get("message").asText());
        assertEquals("java.io.IOException", ex.get("cause").get("type").asText());
        assertTrue(ex.get("stack").size() > 0);
    }

    @Test
    void argumentsAreCapturedWhenTheCallIsMade() {
        StringBuilder sb = new StringBuilder("before");
        int[] numbers = {1, 2};
        log.info("value {} {}", sb, numbers);
        sb.setLength(0);
        sb.append("after");
        numbers[0] = 9;
        assertEquals("value before [1, 2]", out.only().get("msg").asText());
    }

    @Test
    void markersBecomeTagsInPreOrder() {
        Marker root = MarkerFactory.getDetachedMarker("ROOT_M");
        Marker a = MarkerFactory.getDetachedMarker("A");
        Marker b = MarkerFactory.getDetachedMarker("B");
        Marker c = MarkerFactory.getDetachedMarker("C");
        a.add(c);
        root.add(a);
        root.add(b);
        log.info(root, "tree");
        root.add(MarkerFactory.getDetachedMarker("LATER")); // changed after the call: not seen
        log.info((Marker) null, "null marker");
        List<JsonNode> lines = out.lines();
        assertEquals("[\"ROOT_M\",\"A\",\"C\",\"B\"]", lines.get(0).get("tags").toString());
        assertFalse(lines.get(1).has("tags"));
    }

    @Test
    void locationAwareLoggerMapsLevelNumbers() {
        LocationAwareLogger lal = (LocationAwareLogger) log;
        lal.log(null, "fqcn", LocationAwareLogger.TRACE_INT, "t {}", new Object[] {1}, null);
        lal.log(null, "fqcn", LocationAwareLogger.DEBUG_INT, "d", null, null);
        lal.log(null, "fqcn", LocationAwareLogger.INFO_INT, "i", null, null);
        lal.log(MarkerFactory.getMarker("W"), "fqcn", LocationAwareLogger.WARN_INT, "w", null, new RuntimeException("x"));
        lal.log(null, "fqcn", LocationAwareLogger.ERROR_INT, "e {}", new Object[] {2, new RuntimeException("y")}, null);
        lal.log(null, null, -7, "below trace", null, null);
        lal.log(null, null, 25, "between info and warn", null, null);
        lal.log(null, null, 1000, "above error", null, null);
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "TRACE", "INFO", "ERROR"),
                lines.stream().map(l -> l.get("level").asText()).toList());
        assertEquals("t 1", lines.get(0).get("msg").asText());
        assertEquals("[\"W\"]", lines.get(3).get("tags").toString());
        assertEquals("x", lines.get(3).get("exception").get("message").asText());
        assertEquals("e 2", lines.get(4).get("msg").asText());
        assertEquals("y", lines.get(4).get("exception").get("message").asText());
    }

    /** Events built by SLF4J's own builder reach log(LoggingEvent) because the logger is LoggingEventAware. */
    @Test
    void eventsFromSlf4jsDefaultBuilder() {
        RuntimeException e = new RuntimeException("cause");
        new DefaultLoggingEventBuilder(log, org.slf4j.event.Level.WARN)
                .addKeyValue("user_id", 48213)
                .addKeyValue("path", "/api")
                .addMarker(MarkerFactory.getMarker("SECURITY"))
                .addArgument("alice")
                .setCause(e)
                .log("login by {}");
        new DefaultLoggingEventBuilder(log, org.slf4j.event.Level.INFO).log("trailing {}", "x", e);
        List<JsonNode> lines = out.lines();
        JsonNode line = lines.get(0);
        assertEquals("login by alice", line.get("msg").asText());
        assertEquals("WARN", line.get("level").asText());
        assertEquals(List.of("user_id", "path", "exception", "tags"), Captured.fieldKeys(line));
        assertTrue(line.get("user_id").isInt());
        assertEquals("[\"SECURITY\"]", line.get("tags").toString());
        assertEquals("trailing x", lines.get(1).get("msg").asText());
        assertEquals("cause", lines.get(1).get("exception").get("message").asText());
        assertNull(lines.get(1).get("tags"));
    }
}
