package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * The build runs every test of this project with {@code FASTLOG_FORMAT=console} and
 * {@code FASTLOG_COLOR=always} in the environment (pom.xml), as a developer's shell might have
 * them: the capture still parses every event, because it sets JSON in code.
 */
@CaptureLogs
class ConsoleFormatEnvironmentTest {

    private static final Logger log = Fastlog.logger("env.Check");

    @Test
    void theEnvironmentAsksForTheConsoleFormat() {
        // If this fails, the build no longer sets the variable and the test below proves nothing.
        assertEquals("console", System.getenv("FASTLOG_FORMAT"));
    }

    @Test
    void eventsAreCapturedAsJsonAnyway(CapturedLogs logs) {
        log.warn("disk almost full", "free_mb", 12, "mount", Map.of("path", "/var"));
        LogEvent e = logs.single();
        assertEquals("disk almost full", e.message());
        assertEquals(12L, ((Number) e.field("free_mb")).longValue());
        assertEquals(Map.of("path", "/var"), e.field("mount"));
    }
}
