package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import fastlog.api.LogContext;

/**
 * The build runs these tests twice (pom.xml): on the module path with the ScopedValue context and
 * on the class path with the Java 21 fallback. Each run checks it is the one it claims to be.
 */
class HowItRunsTest {

    @Test
    void theContextMechanismIsTheExpectedOne() {
        String expected = System.getProperty("fastlog.test.expect.context");
        if (expected != null) {
            assertEquals(expected, LogContext.mechanism());
        }
    }

    @Test
    void theModulePathIsUsedOrNot() {
        String expected = System.getProperty("fastlog.test.expect.modulePath");
        if (expected != null) {
            assertEquals(Boolean.parseBoolean(expected), FastlogCapture.class.getModule().isNamed(),
                    () -> "module of FastlogCapture: " + FastlogCapture.class.getModule());
            assertEquals(Boolean.parseBoolean(expected), LogContext.class.getModule().isNamed());
        }
    }
}
