package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;

/** SLF4J logger names follow fastlog's level rules; a change applies at once; disabled calls do nothing. */
@Timeout(60) // every test waits for the writer (flush)
class LevelsTest {

    private Captured out;

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = Captured.start();
    }

    @AfterEach
    void reset() {
        Fastlog.setLevel(Level.INFO);
        Fastlog.setLevel("test.levels", null);
        Fastlog.setLevel("test.levels.db", null);
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void changesApplyAtOnceToExistingLoggers() {
        Logger db = LoggerFactory.getLogger("test.levels.db.Pool");
        Logger web = LoggerFactory.getLogger("test.levels.web");
        Logger other = LoggerFactory.getLogger("test.levelsX");
        assertFalse(db.isDebugEnabled());
        db.debug("not yet");

        Fastlog.setLevel("test.levels", Level.DEBUG);
        assertTrue(db.isDebugEnabled());
        assertTrue(web.isDebugEnabled());
        assertFalse(other.isDebugEnabled(), "a prefix covers names below it at a dot only");
        db.debug("debug {}", 1);

        Fastlog.setLevel("test.levels.db", Level.ERROR); // the nearest prefix wins
        assertFalse(db.isWarnEnabled());
        assertTrue(web.isDebugEnabled());
        db.warn("not any more");
        web.debug("web debug");

        Fastlog.setLevel("test.levels.db", null);
        Fastlog.setLevel("test.levels", null);
        Fastlog.setLevel(Level.ERROR); // global
        assertFalse(web.isWarnEnabled());
        assertTrue(web.isErrorEnabled());
        web.warn("no");
        web.error("yes");
        Fastlog.setLevel(Level.TRACE);
        assertTrue(other.isTraceEnabled());
        other.atTrace().log("trace");

        List<JsonNode> lines = out.lines();
        assertEquals(List.of("debug 1", "web debug", "yes", "trace"), lines.stream().map(l -> l.get("msg").asText()).toList());
        assertEquals(List.of("test.levels.db.Pool", "test.levels.web", "test.levels.web", "test.levelsX"),
                lines.stream().map(l -> l.get("logger").asText()).toList());
    }

    /** A disabled call touches neither its arguments nor its markers. */
    @Test
    void disabledCallsTouchNothing() {
        Logger log = LoggerFactory.getLogger("test.levels.quiet");
        AtomicInteger touched = new AtomicInteger();
        Object arg = new Object() {
            @Override
            public String toString() {
                touched.incrementAndGet();
                return "x";
            }
        };
        Marker marker = new FluentApiTest.CyclicMarker("M") {
            @Override
            public String getName() {
                touched.incrementAndGet();
                return "M";
            }
        };
        log.debug("{}", arg);
        log.debug("{} {}", arg, arg);
        log.debug("{} {} {}", arg, arg, arg);
        log.debug(marker, "{}", arg);
        log.debug(marker, "m");
        log.atDebug().addArgument(arg).addKeyValue("k", arg).addMarker(marker).log("{}");
        assertEquals(0, touched.get());
        assertEquals(0, out.lines().size());
    }

    private static final Object ARG = "argument";
    private static final Object ARG2 = 2.5;
    private static final RuntimeException ERR = new RuntimeException();
    private static final Marker MARKER = MarkerFactory.getMarker("M");

    /** Disabled classic and fluent calls allocate nothing (arguments made before the loop). */
    @Test
    void disabledCallsAllocateNothing() throws Exception {
        Logger log = LoggerFactory.getLogger("test.levels.quiet");
        // By reflection: this test module reads neither java.management nor jdk.management.
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        for (int round = 0; round < 3; round++) {
            disabledCalls(log, 20_000); // warm up; then measure
        }
        long before = (long) allocated.invoke(bean);
        disabledCalls(log, 100_000);
        long bytes = (long) allocated.invoke(bean) - before;
        assertTrue(bytes < 10_000, "100,000 rounds of disabled calls allocated " + bytes + " bytes");
        assertEquals(0, out.lines().size());
    }

    private static void disabledCalls(Logger log, int n) {
        for (int i = 0; i < n; i++) {
            log.trace("msg");
            log.debug("one {}", ARG);
            log.debug("two {} {}", ARG, ARG2);
            log.debug("thrown", ERR);
            log.debug(MARKER, "marker {}", ARG);
            log.atDebug().addKeyValue("k", ARG).log("fluent");
            if (log.isDebugEnabled()) {
                throw new AssertionError();
            }
        }
    }
}
