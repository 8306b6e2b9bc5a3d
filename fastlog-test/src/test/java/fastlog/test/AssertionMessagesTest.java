package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.Logger;

/** Failed assertions say what was expected, show the near misses, and list every captured event. */
@CaptureLogs
class AssertionMessagesTest {

    private static final Logger log = Fastlog.logger("com.acme.Checkout");

    /** The message with each event's timestamp replaced by TS. */
    private static String message(Runnable assertion) {
        AssertionError e = assertThrows(AssertionError.class, assertion::run);
        return e.getMessage().replaceAll("\"ts\":\"[^\"]+\"", "\"ts\":TS");
    }

    @Test
    void aMissingFieldValueShowsTheCandidatesAndEverything(CapturedLogs logs) {
        log.info("cart loaded", "items", 3);
        log.warn("payment failed", "order_id", 41);
        log.warn("payment failed", "order_id", 43, "retry", Boolean.TRUE); // (43, true) is ambiguous between the typed overloads
        String m = message(() -> logs.assertThat().hasEvent(Level.WARN, "payment failed").withField("order_id", 42));
        assertEquals("""
                Expected an event WARN "payment failed" with order_id=42, but there was none.
                The 2 candidates (an event WARN "payment failed"):
                  - order_id=41 in {"ts":TS,"level":"WARN","logger":"com.acme.Checkout","msg":"payment failed","order_id":41}
                  - order_id=43 in {"ts":TS,"level":"WARN","logger":"com.acme.Checkout","msg":"payment failed","order_id":43,"retry":true}
                Captured 3 events for test AssertionMessagesTest.aMissingFieldValueShowsTheCandidatesAndEverything(CapturedLogs) (TEST_SCOPE):
                  1. {"ts":TS,"level":"INFO","logger":"com.acme.Checkout","msg":"cart loaded","items":3}
                  2. {"ts":TS,"level":"WARN","logger":"com.acme.Checkout","msg":"payment failed","order_id":41}
                  3. {"ts":TS,"level":"WARN","logger":"com.acme.Checkout","msg":"payment failed","order_id":43,"retry":true}""", m);
    }

    @Test
    void aMissingEvent(CapturedLogs logs) {
        log.info("cart loaded");
        String m = message(() -> logs.forLogger("com.acme").atLeast(Level.WARN).assertThat().hasEvent("payment failed"));
        assertEquals("""
                Expected an event "payment failed", but there was none.
                Captured 0 events of logger com.acme, at WARN or above for test AssertionMessagesTest.aMissingEvent(CapturedLogs) (TEST_SCOPE).""", m);
    }

    @Test
    void anUnexpectedEvent(CapturedLogs logs) {
        log.info("fine");
        log.error("disk full", new IOException("no space"));
        String m = message(() -> logs.assertThat().hasNoEventsAtLeast(Level.WARN));
        assertTrue(m.startsWith("""
                Expected no event at WARN or above, but there was 1:
                  1. {"ts":TS,"level":"ERROR","logger":"com.acme.Checkout","msg":"disk full","exception":{"type":"java.io.IOException","message":"no space","stack":["""),
                m);
        assertTrue(m.contains("\nCaptured 2 events for test "), m);
    }

    @Test
    void singleAndTimes(CapturedLogs logs) {
        assertTrue(message(logs::single).startsWith("Expected exactly one event, but there were none.\nCaptured 0 events"));
        log.info("a");
        log.info("a");
        assertTrue(message(logs::single).startsWith("Expected exactly one event, but there were 2.\nCaptured 2 events"));
        String m = message(() -> logs.assertThat().hasEvent("a").once());
        assertTrue(m.startsWith("Expected an event \"a\" once, but 2 matched:\n  1. {"), m);
        logs.assertThat().hasEvent("a").times(2).and().hasSize(2);
    }

    @Test
    void exceptionsAndMessageOrder(CapturedLogs logs) {
        log.error("save failed", new IllegalStateException("locked"));
        log.info("retrying");
        String m = message(() -> logs.assertThat().hasEvent("save failed").withException(IOException.class));
        assertTrue(m.startsWith("""
                Expected an event "save failed" with exception java.io.IOException, but there was none.
                The candidate (an event "save failed"):
                  - exception java.lang.IllegalStateException: locked in {"""), m);
        m = message(() -> logs.assertThat().containsMessagesInOrder("retrying", "save failed"));
        assertTrue(m.startsWith("Expected the messages [\"retrying\",\"save failed\"] in this order, but \"save failed\" "
                + "was not found after \"retrying\".\n"), m);
        m = message(() -> logs.assertThat().hasMessages("save failed"));
        assertTrue(m.startsWith("Expected the messages [\"save failed\"], but they were [\"save failed\",\"retrying\"].\n"), m);
        logs.assertThat().containsMessagesInOrder("save failed", "retrying").hasMessages("save failed", "retrying");
    }

    @Test
    void longListingsAreCut(CapturedLogs logs) {
        String big = "y".repeat(5_000);
        for (int i = 0; i < 100; i++) {
            log.info("event " + i, "big", big);
        }
        String m = message(() -> logs.assertThat().isEmpty());
        assertTrue(m.startsWith("Expected no events, but there were 100.\nCaptured 100 events"), m.substring(0, 200));
        assertTrue(m.contains("\n  60. {"), "60 events shown");
        assertTrue(!m.contains("\n  61. {") && m.endsWith("\n  ... and 40 more"), m.substring(m.length() - 200));
        assertTrue(m.contains("… (5"), "events cut");
        assertTrue(m.length() < 60 * 700, "length " + m.length());
    }

    @Test
    void toStringListsTheView(CapturedLogs logs) {
        log.warn("w");
        String s = logs.atLevel(Level.WARN).toString().replaceAll("\"ts\":\"[^\"]+\"", "\"ts\":TS");
        assertEquals("Captured 1 event at WARN for test AssertionMessagesTest.toStringListsTheView(CapturedLogs) (TEST_SCOPE):\n"
                + "  1. {\"ts\":TS,\"level\":\"WARN\",\"logger\":\"com.acme.Checkout\",\"msg\":\"w\"}", s);
    }
}
