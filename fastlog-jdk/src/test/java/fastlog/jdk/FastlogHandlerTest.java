package fastlog.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;

/** FastlogHandler on its own: a JUL logger with only this handler, fastlog output in memory. */
@Timeout(30)
class FastlogHandlerTest {

    private static final String NAME = "handler.test";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Captured out;
    private FastlogHandler handler;
    private Logger jul;
    private String name;

    @BeforeEach
    void setUp() {
        out = Captured.start();
        Fastlog.setLevel(fastlog.api.Level.TRACE);
        handler = new FastlogHandler();
        name = NAME + "." + SEQ.incrementAndGet();
        jul = Logger.getLogger(name);
        jul.setUseParentHandlers(false);
        jul.setLevel(Level.ALL);
        jul.addHandler(handler);
    }

    @AfterEach
    void tearDown() {
        jul.removeHandler(handler);
        Fastlog.setLevel(fastlog.api.Level.INFO);
        for (String prefix : Fastlog.levels().keySet()) {
            Fastlog.setLevel(prefix, null);
        }
    }

    @Test
    void everyLevelMapsAsDocumented() {
        Object[][] cases = {
            {Level.FINEST, "TRACE"}, {Level.FINER, "TRACE"}, {Level.FINE, "DEBUG"}, {Level.CONFIG, "INFO"},
            {Level.INFO, "INFO"}, {Level.WARNING, "WARN"}, {Level.SEVERE, "ERROR"}, {Level.ALL, "TRACE"},
            {custom(Integer.MIN_VALUE + 1), "TRACE"}, {custom(0), "TRACE"}, {custom(449), "TRACE"},
            {custom(450), "DEBUG"}, {custom(599), "DEBUG"}, {custom(600), "INFO"}, {custom(750), "INFO"},
            {custom(849), "INFO"}, {custom(850), "WARN"}, {custom(949), "WARN"}, {custom(950), "ERROR"},
            {custom(5000), "ERROR"}, {custom(Integer.MAX_VALUE - 1), "ERROR"},
        };
        for (int i = 0; i < cases.length; i++) {
            jul.log((Level) cases[i][0], "m" + i);
        }
        jul.log(Level.OFF, "a record at OFF is not logged");
        List<JsonNode> lines = out.lines(name);
        assertEquals(cases.length, lines.size(), lines::toString);
        for (int i = 0; i < cases.length; i++) {
            JsonNode line = lines.get(i);
            assertEquals("m" + i, line.get("msg").asText());
            assertEquals(cases[i][1], line.get("level").asText(), () -> "level of " + line);
            assertEquals(name, line.get("logger").asText());
            assertNotNull(line.get("ts"));
        }
    }

    @Test
    void fastlogsLevelForTheNameAppliesAfterJuls() {
        Fastlog.setLevel(name, fastlog.api.Level.WARN);
        jul.info("dropped by fastlog");
        jul.warning("kept");
        Fastlog.setLevel(name, fastlog.api.Level.DEBUG);
        jul.fine("kept too");
        jul.finer("dropped again");
        assertEquals(List.of("kept", "kept too"), out.messages(name));
    }

    @Test
    void handlerLevelAndFilterApply() {
        handler.setLevel(Level.WARNING);
        jul.info("below the handler's level");
        jul.warning("w1");
        handler.setFilter(r -> !r.getMessage().startsWith("secret"));
        jul.severe("secret stuff");
        jul.severe("w2");
        assertEquals(List.of("w1", "w2"), out.messages(name));
    }

    /** Every message equals what java.util.logging's own Formatter.formatMessage makes of the record. */
    @Test
    void parametersFormatExactlyAsJulsFormatterDoes() {
        AtomicInteger counter = new AtomicInteger(1_234_567);
        LongAdder adder = new LongAdder();
        adder.add(9_876_543_210L);
        DoubleAdder dadder = new DoubleAdder();
        dadder.add(1234.5678);
        StringBuilder mutable = new StringBuilder("before");
        Object[][] cases = {
            {"a {0} b", new Object[] {"X"}},
            {"{0} and {1}", new Object[] {"a", 1_234_567}},
            {"{0}", new Object[] {1.5}},
            {"{0}", new Object[] {-0.0}},
            {"{0}", new Object[] {Double.NaN}},
            {"{0}", new Object[] {Float.POSITIVE_INFINITY}},
            {"{0}", new Object[] {1e20}},
            {"{0}", new Object[] {123_456_789_012L}},
            {"{0,number,#.##}", new Object[] {Math.PI}},
            {"{0,number,integer}", new Object[] {2.7}},
            {"{0,number,percent}", new Object[] {0.25}},
            {"{0,number,currency}", new Object[] {12.5}},
            {"{0,number,0000.0}", new Object[] {(short) 7}},
            {"{0,choice,0#no files|1#one file|1<{0,number,integer} files}", new Object[] {1234}},
            {"{0}", new Object[] {new BigDecimal("12345678901234567890.123456789")}},
            {"{0}", new Object[] {new BigInteger("123456789012345678901234567890")}},
            {"{0} {1}", new Object[] {counter, new AtomicLong(-42_000)}},
            {"{0,number,#.0}", new Object[] {counter}},
            {"{0}", new Object[] {adder}},
            {"{0}", new Object[] {dadder}},
            {"{0}", new Object[] {new OddNumber()}},
            {"{0}", new Object[] {new Date(0)}},
            {"{0,date,yyyy-MM-dd} {0,time,HH:mm}", new Object[] {new Date(86_400_000L * 365)}},
            {"{0} {1} {2} {3} {4}", new Object[] {UUID.fromString("00000000-0000-0001-0000-000000000002"),
                Instant.EPOCH, LocalDate.of(2026, 11, 30), 'c', true}},
            {"{0}", new Object[] {Weather.SUNNY}},
            {"{0}", new Object[] {List.of(1, 2)}},
            {"{0}", new Object[] {new int[] {1, 2}}},
            {"{0}", new Object[] {mutable}},
            {"it's {0}", new Object[] {"X"}},
            {"it''s {0}", new Object[] {"X"}},
            {"no digit {x} it's", new Object[] {"X"}},
            {"{0,number}", new Object[] {"not a number"}},
            {"{0,date}", new Object[] {"not a date"}},
            {"{0,unknownType}", new Object[] {"X"}},
            {"x{0", new Object[] {"X"}},
            {"{", new Object[] {"X"}},
            {"trailing {", new Object[] {"X"}},
            {"a {1} {0}", new Object[] {"X"}},
            {"{0}", new Object[] {null}},
            {"{0}", new Object[0]},
            {"{0}", null},
            {"fails {0}", new Object[] {new ThrowingToString()}},
            {"unused {1}", new Object[] {new ThrowingToString(), "ok"}},
            {"{0}", new Object[] {new NullToString()}},
            {"{0}{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}", new Object[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
            {"\u00e9\u00e8 {0} \ud83d\ude00 \" \\ \n", new Object[] {"\u2028"}},
        };
        SimpleFormatter julFormatter = new SimpleFormatter();
        List<String> expected = new ArrayList<>();
        for (Object[] c : cases) {
            LogRecord r = new LogRecord(Level.INFO, (String) c[0]);
            r.setLoggerName(name);
            r.setParameters((Object[]) c[1]);
            expected.add(julFormatter.formatMessage(r));
            handler.publish(r);
        }
        // Captured on the calling thread: later changes do not show.
        counter.set(0);
        adder.add(1);
        mutable.append(" and after");
        List<String> got = out.messages(name);
        assertEquals(cases.length, got.size(), got::toString);
        for (int i = 0; i < cases.length; i++) {
            int at = i;
            assertEquals(expected.get(i), got.get(i), () -> "message of case " + at + ": " + cases[at][0]);
        }
        assertEquals("1,234,567 -42,000".replace(",", groupingSeparator()), got.get(16));
    }

    @Test
    void resourceBundlesAreLookedUpOnTheCallingThread() {
        TestMessages bundle = new TestMessages();
        TestMessages.lastLookup = null;
        jul.logrb(Level.INFO, bundle, "greeting", "Ada");
        assertSame(Thread.currentThread(), TestMessages.lastLookup);
        jul.logrb(Level.INFO, bundle, "plain");
        jul.logrb(Level.INFO, bundle, "total", 3, 12.5);
        jul.logrb(Level.INFO, bundle, "missing key {0}", "kept");
        jul.logrb(Level.INFO, bundle, "answer"); // not a String: JUL's formatter would fail; we use toString()
        jul.logrb(Level.INFO, bundle, "explodes"); // the bundle throws: the key is the message
        jul.logrb(Level.INFO, bundle, null, "p"); // a null message with a bundle
        // The bundle a logger was created with, found by name.
        Logger withBundle = Logger.getLogger(name + ".named", "fastlog.jdk.TestMessages");
        withBundle.addHandler(handler);
        withBundle.setUseParentHandlers(false);
        withBundle.log(Level.WARNING, "greeting", "Grace");
        withBundle.removeHandler(handler);
        List<String> msgs = out.messages(name);
        assertEquals(Arrays.asList("Hello, Ada!", "plain text, it's {x}",
                new java.text.MessageFormat("{0} items cost {1,number,#.00}").format(new Object[] {3, 12.5}),
                "missing key kept", "42", "explodes", null, "Hello, Grace!"), msgs);
    }

    @Test
    void theThrownBecomesTheExceptionField() {
        IllegalStateException boom = new IllegalStateException("boom", new java.io.IOException("disk"));
        jul.log(Level.SEVERE, "failed", boom);
        LogRecord r = new LogRecord(Level.WARNING, "failed {0} times");
        r.setLoggerName(name);
        r.setParameters(new Object[] {3});
        r.setThrown(new RuntimeException());
        handler.publish(r);
        List<JsonNode> lines = out.lines(name);
        assertEquals(2, lines.size(), lines::toString);
        JsonNode e = lines.get(0).get("exception");
        assertEquals("ERROR", lines.get(0).get("level").asText());
        assertEquals("failed", lines.get(0).get("msg").asText());
        assertEquals("java.lang.IllegalStateException", e.get("type").asText());
        assertEquals("boom", e.get("message").asText());
        assertEquals("disk", e.get("cause").get("message").asText());
        assertTrue(e.get("stack").get(0).asText().contains("theThrownBecomesTheExceptionField"), e::toString);
        assertEquals("failed 3 times", lines.get(1).get("msg").asText());
        assertEquals("java.lang.RuntimeException", lines.get(1).get("exception").get("type").asText());
        assertTrue(lines.get(1).get("exception").get("message").isNull());
    }

    @Test
    void loggerNamesAreKeptAndTheRootIsTheEmptyName() {
        Logger child = Logger.getLogger(name + ".db.Pool$Inner");
        child.info("from the child"); // reaches the handler through its parent
        LogRecord root = new LogRecord(Level.INFO, "from the root");
        root.setLoggerName("");
        handler.publish(root);
        LogRecord anonymous = new LogRecord(Level.INFO, "no logger name");
        handler.publish(anonymous);
        Logger.getAnonymousLogger(); // its records have no logger name either
        List<JsonNode> all = out.lines();
        assertEquals(name + ".db.Pool$Inner", out.lines(name).get(0).get("logger").asText());
        List<String> rootMsgs = new ArrayList<>();
        for (JsonNode line : all) {
            if (line.get("logger").asText().isEmpty()) {
                rootMsgs.add(line.get("msg").asText());
            }
        }
        assertEquals(List.of("from the root", "no logger name"), rootMsgs);
    }

    @Test
    void badInputNeverThrowsAndGivesValidLines() {
        handler.publish(null);
        jul.log(Level.INFO, (String) null);
        jul.log(Level.INFO, null, new Object[] {"p"});
        jul.log(Level.INFO, "null params {0}", (Object[]) null);
        jul.log(Level.INFO, "null in params {0} {1}", new Object[] {null, null});
        jul.log(Level.INFO, "bad {0}", new ThrowingToString());
        jul.log(Level.INFO, "bad number {0}", new ThrowingNumber());
        jul.log(Level.INFO, (String) null, (Throwable) null);
        // A filter that throws: reported to the handler's ErrorManager, not thrown into the caller.
        List<Exception> reported = new ArrayList<>();
        handler.setErrorManager(new ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                reported.add(ex);
            }
        });
        handler.setFilter(r -> {
            throw new IllegalStateException("filter bug");
        });
        jul.info("filtered by a broken filter");
        handler.setFilter(null);
        jul.info("last");
        List<String> msgs = out.messages(name);
        assertEquals(Arrays.asList(null, null, "null params {0}", "null in params null null", "bad {0}",
                "bad number {0}", null, "last"), msgs);
        assertEquals(1, reported.size());
        assertEquals("filter bug", reported.get(0).getMessage());
    }

    @Test
    void closeKeepsTheHandlerWorkingAndFlushWrites() {
        handler.close();
        jul.info("after close");
        handler.flush();
        assertEquals(List.of("after close"), out.messages(name));
    }

    @Test
    void aDisabledRecordCapturesNothing() {
        Fastlog.setLevel(name, fastlog.api.Level.ERROR);
        ThrowingToString spy = new ThrowingToString();
        jul.log(Level.INFO, "disabled {0}", spy);
        assertEquals(0, spy.calls.get(), "toString() called for a disabled record");
        assertTrue(out.messages(name).isEmpty());
        assertFalse(handler.isLoggable(null));
    }

    private static String groupingSeparator() {
        return String.valueOf(java.text.DecimalFormatSymbols.getInstance(Locale.getDefault(Locale.Category.FORMAT))
                .getGroupingSeparator());
    }

    static Level custom(int value) {
        return new CustomLevel("CUSTOM_" + value, value);
    }

    static final class CustomLevel extends Level {
        private static final long serialVersionUID = 1L;

        CustomLevel(String name, int value) {
            super(name, value);
        }
    }

    enum Weather {
        SUNNY;

        @Override
        public String toString() {
            return "sunny!";
        }
    }

    static final class ThrowingToString {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String toString() {
            calls.incrementAndGet();
            throw new IllegalStateException("toString failed");
        }
    }

    static final class NullToString {
        @Override
        public String toString() {
            return null;
        }
    }

    /** A Number that is not a JDK value type. */
    static final class OddNumber extends Number {
        private static final long serialVersionUID = 1L;

        @Override
        public int intValue() {
            return 7;
        }

        @Override
        public long longValue() {
            return 7;
        }

        @Override
        public float floatValue() {
            return 7.25f;
        }

        @Override
        public double doubleValue() {
            return 7654.25;
        }

        @Override
        public String toString() {
            return "odd";
        }
    }

    static final class ThrowingNumber extends Number {
        private static final long serialVersionUID = 1L;

        @Override
        public int intValue() {
            throw new IllegalStateException();
        }

        @Override
        public long longValue() {
            throw new IllegalStateException();
        }

        @Override
        public float floatValue() {
            throw new IllegalStateException();
        }

        @Override
        public double doubleValue() {
            throw new IllegalStateException();
        }
    }
}
