package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

import fastlog.api.Level;

/**
 * Events logged through SLF4J (fastlog-slf4j) are captured like fastlog.api events: they carry
 * the test's scope field because scoped context is per thread, whatever API logs.
 */
@CaptureLogs
class Slf4jCaptureTest {

    private static final Logger log = LoggerFactory.getLogger("com.acme.Payments");

    @Test
    void fastlogIsSlf4jsProvider() {
        assertTrue(LoggerFactory.getILoggerFactory().getClass().getName().startsWith("fastlog.slf4j."),
                LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    void classicCallsAndPlaceholders(CapturedLogs logs) {
        log.warn("payment failed for order {}", 42);
        log.info("total {} {}", 99.5, "EUR");
        logs.assertThat()
                .hasEvent(Level.WARN, "payment failed for order 42").withLogger("com.acme.Payments").once()
                .and().hasMessages("payment failed for order 42", "total 99.5 EUR");
    }

    @Test
    void fluentKeyValuesAreTypedFields(CapturedLogs logs) {
        log.atWarn().addKeyValue("order_id", 42).addKeyValue("amount", 12.5).addKeyValue("retry", true).log("payment failed");
        logs.assertThat().hasEvent(Level.WARN, "payment failed")
                .withField("order_id", 42).withField("amount", 12.5).withField("retry", true);
        assertEquals(42L, logs.single().field("order_id"));
    }

    @Test
    void exceptionsAndMarkers(CapturedLogs logs) {
        log.error(MarkerFactory.getMarker("AUDIT"), "refund failed", new IOException("gateway timeout"));
        LogEvent e = logs.single();
        assertEquals("java.io.IOException: gateway timeout", e.exception().toString());
        assertEquals(List.of("AUDIT"), e.field("tags"));
        logs.assertThat().hasEvent(Level.ERROR, "refund failed").withException(IOException.class, "gateway timeout")
                .withField("tags", List.of("AUDIT"));
    }

    @Test
    void mdcEntriesAreFields(CapturedLogs logs) {
        MDC.put("request_id", "r-7f3a");
        try {
            log.info("with mdc");
        } finally {
            MDC.remove("request_id");
        }
        log.info("without mdc");
        logs.assertThat().hasEvent("with mdc").withField("request_id", "r-7f3a")
                .and().hasEvent("without mdc").withoutField("request_id");
    }

    @Test
    void slf4jFromOtherThreadsFollowsTheSameRule(CapturedLogs logs) throws InterruptedException {
        Thread.ofVirtual().start(logs.inScope(() -> log.info("in scope"))).join();
        Thread.ofVirtual().start(() -> log.info("outside")).join();
        assertEquals(List.of("in scope"), logs.messages());
    }
}
