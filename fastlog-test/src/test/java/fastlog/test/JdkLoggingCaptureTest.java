package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fastlog.api.Level;
import fastlog.jdk.FastlogHandler;

/**
 * java.util.logging and System.Logger calls (fastlog-jdk) are captured by the same rule. JUL goes
 * through fastlog for this test's logger only: FastlogJul.install() would also send JUnit's own
 * JUL messages into the parallel tests' captures.
 */
@CaptureLogs
class JdkLoggingCaptureTest {

    private static final java.util.logging.Logger jul = java.util.logging.Logger.getLogger("jdk.app.Db");

    @BeforeAll
    static void julThroughFastlog() {
        jul.setUseParentHandlers(false);
        jul.addHandler(new FastlogHandler());
    }

    @Test
    void systemLoggerCalls(CapturedLogs logs) {
        System.getLogger("jdk.app.Orders").log(System.Logger.Level.WARNING, "order {0} late", 42);
        logs.assertThat().hasEvent(Level.WARN, "order 42 late").withLogger("jdk.app.Orders").once();
    }

    @Test
    void julCalls(CapturedLogs logs) throws InterruptedException {
        jul.log(java.util.logging.Level.SEVERE, "connection lost", new IOException("reset"));
        Thread.ofVirtual().start(() -> jul.severe("outside the scope")).join();
        logs.assertThat().hasEvent(Level.ERROR, "connection lost").withException(IOException.class, "reset");
        assertEquals(List.of("connection lost"), logs.messages());
    }
}
