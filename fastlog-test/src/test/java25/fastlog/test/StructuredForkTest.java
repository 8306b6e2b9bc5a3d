package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.StructuredTaskScope;

import org.junit.jupiter.api.Test;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;

/**
 * StructuredTaskScope forks (virtual threads) inherit the test's scope when fastlog's context is
 * a ScopedValue (Java 25+): what they log is the test's, with no wrapping. Compiled only on JDK 25
 * (StructuredTaskScope is a preview API there; pom.xml, profile jdk25-preview).
 */
@CaptureLogs
class StructuredForkTest {

    private static final Logger log = Fastlog.logger("structured.Forks");

    @Test
    void forksInheritTheTestsScope(CapturedLogs logs) throws InterruptedException {
        assumeTrue(LogContext.mechanism().equals("ScopedValue"),
                "the Java 21 fallback context is per thread: forks do not inherit it");
        try (var scope = StructuredTaskScope.open()) {
            for (int i = 0; i < 10; i++) {
                int n = i;
                scope.fork(() -> log.info("fork", "n", n));
            }
            scope.join();
        }
        Thread.ofVirtual().start(() -> log.info("plain thread")).join();
        assertEquals(10, logs.withMessage("fork").size());
        assertEquals(List.of(), logs.withMessage("plain thread").events());
        logs.assertThat().hasEvent("fork").withField("n", 9).once();
    }
}
