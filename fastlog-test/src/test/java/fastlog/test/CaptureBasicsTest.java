package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.LogContext;
import fastlog.api.Logger;
import fastlog.api.ThreadFields;

/** What a captured event holds, read the way a user's test reads it. */
@CaptureLogs
class CaptureBasicsTest {

    private static final Logger log = Fastlog.logger("shop.Checkout");

    enum Color { RED }

    @BeforeEach
    void before(CapturedLogs logs) {
        log.info("before each");
    }

    @AfterEach
    void after(CapturedLogs logs) {
        log.info("after each");
        // @AfterEach runs in the test's scope too: its event is captured, after the test's own.
        assertEquals("after each", logs.events().get(logs.size() - 1).message());
    }

    @Test
    void anEventLoggedJustBeforeTheReadIsThere(CapturedLogs logs) {
        Instant before = Instant.now().minusSeconds(1);
        log.warn("payment failed", "order_id", 42, "amount", 99.5, "currency", "EUR");
        LogEvent e = logs.withMessage("payment failed").single();   // no sleep, no flush by hand
        assertEquals(Level.WARN, e.level());
        assertEquals("shop.Checkout", e.logger());
        assertEquals("payment failed", e.message());
        assertEquals(Map.of("order_id", 42L, "amount", 99.5, "currency", "EUR"), e.fields());
        assertEquals(List.of("order_id", "amount", "currency"), List.copyOf(e.fields().keySet()));
        assertTrue(!e.timestamp().isBefore(before) && !e.timestamp().isAfter(Instant.now()), e.timestamp()::toString);
        logs.assertThat().hasEvent(Level.WARN, "payment failed").withField("order_id", 42).withField("amount", 99.5).once();
    }

    @Test
    void beforeEachEventsBelongToTheTestAndComeFirst(CapturedLogs logs) {
        log.info("in the test");
        assertEquals(List.of("before each", "in the test"), logs.messages());
    }

    @Test
    void valuesKeepTheirJsonTypes(CapturedLogs logs) {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        log.info("types", "long", Long.MAX_VALUE, "neg", -7, "big", new BigInteger("123456789012345678901234567890"),
                "double", 0.1, "exact", new BigDecimal("3.14159265358979323846264338327950288"), "yes", true,
                "none", null, "nan", Double.NaN, "enum", Color.RED, "uuid", id, "char", 'x');
        LogEvent e = logs.withMessage("types").single();
        assertEquals(Long.MAX_VALUE, e.field("long"));
        assertEquals(-7L, e.field("neg"));
        assertEquals(new BigInteger("123456789012345678901234567890"), e.field("big"));
        assertEquals(0.1, e.field("double"));
        assertEquals(new BigDecimal("3.14159265358979323846264338327950288"), e.field("exact"));
        assertEquals(Boolean.TRUE, e.field("yes"));
        assertTrue(e.hasField("none"));
        assertNull(e.field("none"));
        assertFalse(e.hasField("absent"));
        assertEquals("NaN", e.field("nan"));
        logs.assertThat().hasEvent("types")
                .withField("neg", (byte) -7).withField("double", 0.1).withField("nan", Double.NaN)
                .withField("enum", Color.RED).withField("uuid", id).withField("char", 'x').withField("none", null)
                .withField("big", new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void exceptionsAreParsedWithTheirCauseAndSuppressed(CapturedLogs logs) {
        IOException root = new IOException("disk full");
        IllegalStateException failure = new IllegalStateException("cannot save", new UncheckedIOException(root));
        failure.addSuppressed(new IllegalArgumentException("also this"));
        log.error("save failed", failure);
        LogEvent e = logs.atLevel(Level.ERROR).single();
        LoggedException x = e.exception();
        assertNotNull(x);
        assertTrue(x.is(IllegalStateException.class));
        assertEquals("cannot save", x.message());
        assertTrue(x.stack().get(0).contains("exceptionsAreParsedWithTheirCauseAndSuppressed"), x.stack()::toString);
        assertEquals(UncheckedIOException.class.getName(), x.cause().type());
        assertEquals("disk full", x.rootCause().message());
        assertTrue(x.isOrCausedBy(IOException.class));
        assertEquals(1, x.suppressed().size());
        assertEquals("java.lang.IllegalArgumentException: also this", x.suppressed().get(0).toString());
        assertInstanceOf(Map.class, e.field("exception"));
        assertEquals("disk full", e.field("exception", "cause", "cause", "message"));
        assertEquals(IllegalArgumentException.class.getName(), e.field("exception", "suppressed", "0", "type"));
        logs.assertThat().hasEvent(Level.ERROR, "save failed")
                .withException(IllegalStateException.class, "cannot save")
                .withExceptionCausedBy(IOException.class);
    }

    @Test
    void anExceptionUnderAnotherKey(CapturedLogs logs) {
        log.warn("retrying", "error", new IOException("timeout"), "attempt", 2);
        LogEvent e = logs.withMessage("retrying").single();
        assertNull(e.exception());
        assertEquals("java.io.IOException: timeout", e.exception("error").toString());
    }

    @Test
    void filtersCombine(CapturedLogs logs) {
        Fastlog.logger("com.acme").info("root of acme");
        Fastlog.logger("com.acme.db.Pool").warn("pool exhausted", "size", 10);
        Fastlog.logger("com.acmecorp").error("not acme");
        Fastlog.logger("com.acme.db").error("db down");
        assertEquals(List.of("root of acme", "pool exhausted", "db down"), logs.forLogger("com.acme").messages());
        assertEquals(List.of("pool exhausted", "db down"), logs.forLogger("com.acme.db").messages());
        assertEquals(List.of("pool exhausted"), logs.forLogger("com.acme").atLevel(Level.WARN).messages());
        assertEquals(List.of("pool exhausted", "db down"), logs.forLogger("com.acme").atLeast(Level.WARN).messages());
        assertEquals(List.of("not acme", "db down"), logs.atLevel(Level.ERROR).messages());
        assertEquals(2, logs.events(Level.ERROR).size());
        assertEquals(List.of("pool exhausted"), logs.withField("size", 10).messages());
        assertEquals(List.of("db down"), logs.withMessageContaining("down").messages());
        assertEquals(1, logs.matching("logger ends with Pool", e -> e.logger().endsWith("Pool")).size());
        assertTrue(logs.forLogger(Fastlog.class).isEmpty());
    }

    @Test
    void theHiddenTestIdIsNotAField(CapturedLogs logs) {
        log.info("plain");
        LogEvent e = logs.withMessage("plain").single();
        assertTrue(e.fields().isEmpty(), e.fields()::toString);
        assertTrue(e.line().contains("\"" + CaptureHub.TEST_ID_KEY + "\":"), e.line());
        assertFalse(e.toJson().contains(CaptureHub.TEST_ID_KEY), e.toJson());
        assertTrue(e.toJson().startsWith("{\"ts\":\""), e.toJson());
        assertTrue(e.toJson().endsWith("\"level\":\"INFO\",\"logger\":\"shop.Checkout\",\"msg\":\"plain\"}"), e.toJson());
    }

    @Test
    void contextFieldsAndMdcAreFields(CapturedLogs logs) {
        ThreadFields.put("request_id", "r-1");
        try {
            LogContext.where("user", "ann").run(() -> log.with("tenant", "t9").info("ctx", "n", 1));
        } finally {
            ThreadFields.remove("request_id");
        }
        LogEvent e = logs.withMessage("ctx").single();
        assertEquals(List.of("request_id", "user", "tenant", "n"), List.copyOf(e.fields().keySet()));
        logs.assertThat().hasEvent("ctx").withField("request_id", "r-1").withField("user", "ann").withField("tenant", "t9");
    }

    @Test
    void aNullMessage(CapturedLogs logs) {
        log.info(null);
        logs.assertThat().hasEvent(Level.INFO, null).once();
    }

    @Test
    void clearForgetsWhatWasCaptured(CapturedLogs logs) {
        log.info("step one");
        logs.clear();
        log.info("step two");
        assertEquals(List.of("step two"), logs.messages());
    }

    @Test
    void aDisabledLevelIsNotCaptured(CapturedLogs logs) {
        log.debug("not enabled at INFO");
        Logger debugLogger = Fastlog.logger("fastlog.test.basics.debug");
        Fastlog.setLevel("fastlog.test.basics.debug", Level.DEBUG);   // a name of its own: tests run in parallel
        try {
            debugLogger.debug("enabled for this name");
        } finally {
            Fastlog.setLevel("fastlog.test.basics.debug", null);
        }
        assertEquals(List.of("before each", "enabled for this name"), logs.messages());
    }

    @Test
    void awaitAtLeastWaitsForAnInScopeTaskStillRunning(CapturedLogs logs) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(logs.inScope(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("late");
        }));
        assertEquals("late", logs.withMessage("late").awaitAtLeast(1, Duration.ofSeconds(10)).get(0).message());
        t.join();
    }

    @Test
    void theModeIsTestScope(CapturedLogs logs) {
        assertEquals(CaptureMode.TEST_SCOPE, logs.mode());
    }
}
