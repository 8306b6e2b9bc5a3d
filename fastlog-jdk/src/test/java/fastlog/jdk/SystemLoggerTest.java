package fastlog.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;

/**
 * System.Logger through FastlogLoggerFinder, in this JVM: the tests run on the module path with
 * module fastlog.jdk in the boot layer, so the JDK picked fastlog's finder.
 */
@Timeout(30)
class SystemLoggerTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Captured out;
    private String name;
    private System.Logger log;

    @BeforeEach
    void setUp() {
        out = Captured.start();
        name = "sys.test." + SEQ.incrementAndGet();
        log = System.getLogger(name);
        Fastlog.setLevel(fastlog.api.Level.TRACE);
    }

    @AfterEach
    void tearDown() {
        Fastlog.setLevel(fastlog.api.Level.INFO);
        for (String prefix : Fastlog.levels().keySet()) {
            Fastlog.setLevel(prefix, null);
        }
    }

    @Test
    void theJdkUsesFastlogsFinder() {
        assertTrue(System.LoggerFinder.getLoggerFinder() instanceof FastlogLoggerFinder,
                () -> System.LoggerFinder.getLoggerFinder().getClass().getName());
        assertTrue(log instanceof FastlogSystemLogger, log.getClass().getName());
        assertEquals(name, log.getName());
        assertSame(log, System.getLogger(name));
        FastlogLoggerFinder finder = new FastlogLoggerFinder();
        Module module = getClass().getModule();
        assertSame(finder.getLogger("x", module), finder.getLogger("x", module));
        assertThrows(NullPointerException.class, () -> finder.getLogger(null, module));
        assertThrows(NullPointerException.class, () -> finder.getLogger("x", null));
    }

    @Test
    void levelsMapAsDocumented() {
        Level[] levels = {Level.ALL, Level.TRACE, Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR};
        String[] expected = {"TRACE", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"};
        for (Level l : levels) {
            assertTrue(log.isLoggable(l), l::toString);
            log.log(l, "at " + l);
        }
        assertFalse(log.isLoggable(Level.OFF));
        log.log(Level.OFF, "OFF is never logged");
        log.log(Level.OFF, "OFF is never logged {0}", 1);
        log.log(Level.OFF, () -> "OFF is never logged");
        List<JsonNode> lines = out.lines(name);
        assertEquals(levels.length, lines.size(), lines::toString);
        for (int i = 0; i < levels.length; i++) {
            assertEquals(expected[i], lines.get(i).get("level").asText());
            assertEquals("at " + levels[i], lines.get(i).get("msg").asText());
            assertEquals(name, lines.get(i).get("logger").asText());
        }
    }

    @Test
    void isLoggableFollowsFastlogsLevels() {
        Fastlog.setLevel(name, fastlog.api.Level.WARN);
        assertFalse(log.isLoggable(Level.INFO));
        assertTrue(log.isLoggable(Level.WARNING));
        log.log(Level.INFO, "dropped");
        log.log(Level.WARNING, "kept");
        Fastlog.setLevel(name, null);
        Fastlog.setLevel(fastlog.api.Level.INFO);
        assertFalse(log.isLoggable(Level.DEBUG));
        assertTrue(log.isLoggable(Level.INFO));
        assertEquals(List.of("kept"), out.messages(name));
        assertThrows(NullPointerException.class, () -> log.isLoggable(null)); // as specified
    }

    @Test
    void parametersFormatAsTheJdksFormatterDoes() {
        Object[][] cases = {
            {"{0} has {1,number,integer} items", new Object[] {"cart", 3.7}},
            {"{0}", new Object[] {1_234_567}},
            {"{0,number,#.##} and {1}", new Object[] {Math.E, new AtomicInteger(98_765)}},
            {"it's {0}", new Object[] {"x"}},
            {"no placeholder, it's", new Object[] {"x"}},
            {"{0,number}", new Object[] {"fails"}},
            {"{0}", new Object[0]},
            {"{0}", null},
            {"{0} {1} {2}", new Object[] {"a", null, 'c'}},
        };
        SimpleFormatter julFormatter = new SimpleFormatter();
        for (Object[] c : cases) {
            log.log(Level.INFO, (String) c[0], (Object[]) c[1]);
        }
        List<String> got = out.messages(name);
        assertEquals(cases.length, got.size(), got::toString);
        for (int i = 0; i < cases.length; i++) {
            LogRecord r = new LogRecord(java.util.logging.Level.INFO, (String) cases[i][0]);
            r.setParameters((Object[]) cases[i][1]);
            assertEquals(julFormatter.formatMessage(r), got.get(i), "case " + i);
        }
    }

    @Test
    void resourceBundlesAreHonouredOnTheCallingThread() {
        TestMessages bundle = new TestMessages();
        System.Logger localized = System.getLogger(name, bundle);
        TestMessages.lastLookup = null;
        localized.log(Level.INFO, "greeting", "Ada");
        assertSame(Thread.currentThread(), TestMessages.lastLookup);
        localized.log(Level.INFO, "plain");
        localized.log(Level.WARNING, "missing key {0}", "kept");
        localized.log(Level.INFO, "answer");
        localized.log(Level.INFO, "explodes");
        localized.log(Level.ERROR, "greeting", new IllegalStateException("boom"));
        log.log(Level.INFO, bundle, "greeting", "Grace"); // the explicit-bundle methods
        log.log(Level.INFO, bundle, "total", new IllegalArgumentException("x"));
        List<JsonNode> lines = out.lines(name);
        assertEquals(Arrays.asList("Hello, Ada!", "plain text, it's {x}", "missing key kept", "42", "explodes",
                "Hello, {0}!", "Hello, Grace!", "{0} items cost {1,number,#.00}"), out.messages(name));
        assertEquals("boom", lines.get(5).get("exception").get("message").asText());
        assertEquals("ERROR", lines.get(5).get("level").asText());
        assertEquals("java.lang.IllegalArgumentException", lines.get(7).get("exception").get("type").asText());
    }

    @Test
    void theThrownBecomesTheExceptionField() {
        log.log(Level.ERROR, "failed", new IllegalStateException("boom"));
        log.log(Level.WARNING, () -> "supplied", new RuntimeException("supplied boom"));
        List<JsonNode> lines = out.lines(name);
        assertEquals("failed", lines.get(0).get("msg").asText());
        assertEquals("java.lang.IllegalStateException", lines.get(0).get("exception").get("type").asText());
        assertEquals("boom", lines.get(0).get("exception").get("message").asText());
        assertEquals("supplied", lines.get(1).get("msg").asText());
        assertEquals("supplied boom", lines.get(1).get("exception").get("message").asText());
    }

    @Test
    void suppliersAndObjectsAreEvaluatedOnlyWhenEnabled() {
        Fastlog.setLevel(name, fastlog.api.Level.INFO);
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> supplier = () -> "call " + calls.incrementAndGet();
        Object obj = new Object() {
            @Override
            public String toString() {
                return "object " + calls.incrementAndGet();
            }
        };
        log.log(Level.DEBUG, supplier);
        log.log(Level.DEBUG, supplier, new RuntimeException());
        log.log(Level.DEBUG, obj);
        FastlogHandlerTest.ThrowingToString param = new FastlogHandlerTest.ThrowingToString();
        log.log(Level.DEBUG, "disabled {0}", param); // parameters are not captured either
        assertEquals(0, calls.get());
        assertEquals(0, param.calls.get());
        log.log(Level.INFO, supplier);
        log.log(Level.INFO, obj);
        assertEquals(2, calls.get());
        assertEquals(List.of("call 1", "object 2"), out.messages(name));
    }

    @Test
    void badInputNeverThrowsAndGivesValidLines() {
        log.log(Level.INFO, (String) null);
        log.log(Level.INFO, (String) null, (Object[]) null);
        log.log(Level.INFO, (String) null, "p");
        log.log(Level.INFO, "null params {0}", (Object[]) null);
        log.log(Level.INFO, "bad {0}", new FastlogHandlerTest.ThrowingToString());
        log.log(Level.INFO, new FastlogHandlerTest.ThrowingToString());
        log.log(Level.INFO, () -> {
            throw new IllegalStateException("supplier failed");
        });
        log.log(Level.INFO, (String) null, (Throwable) null);
        List<JsonNode> lines = out.lines(name);
        assertEquals(Arrays.asList(null, null, null, "null params {0}", "bad {0}",
                "<toString() threw java.lang.IllegalStateException for fastlog.jdk.FastlogHandlerTest$ThrowingToString>",
                "<message supplier threw java.lang.IllegalStateException>", null), out.messages(name));
        assertEquals("supplier failed", lines.get(6).get("exception").get("message").asText());
        // What System.Logger specifies as NullPointerException stays so.
        assertThrows(NullPointerException.class, () -> log.log(null, "m"));
        assertThrows(NullPointerException.class, () -> log.log(Level.INFO, (Supplier<String>) null));
        assertThrows(NullPointerException.class, () -> log.log(Level.INFO, (Object) null));
    }
}
