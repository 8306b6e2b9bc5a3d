package fastlog.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fastlog.api.FullQueuePolicy;
import fastlog.api.Level;

/** Value syntax for settings given as text. */
class ParseTest {

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(250), Parse.duration("250ms"));
        assertEquals(Duration.ofSeconds(10), Parse.duration(" 10 s "));
        assertEquals(Duration.ofMillis(1500), Parse.duration("1.5s"));
        assertEquals(Duration.ofMinutes(2), Parse.duration("2m"));
        assertEquals(Duration.ofHours(1), Parse.duration("1h"));
        assertEquals(Duration.ofNanos(500), Parse.duration("500ns"));
        assertEquals(Duration.ofNanos(3_000), Parse.duration("3us"));
        assertEquals(Duration.ofSeconds(10), Parse.duration("PT10S"));
        assertEquals("a duration needs a unit (ns, us, ms, s, m, h), e.g. 10s",
                assertThrows(IllegalArgumentException.class, () -> Parse.duration("10")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parse.duration("10 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> Parse.duration("ms"));
        assertThrows(IllegalArgumentException.class, () -> Parse.duration("PTx"));
    }

    @Test
    void numbersBooleansListsEnumsLevels() {
        assertEquals(65_536, Parse.integer("65_536"));
        assertEquals(-3, Parse.integer(" -3 "));
        assertThrows(IllegalArgumentException.class, () -> Parse.integer("1e3"));
        assertThrows(IllegalArgumentException.class, () -> Parse.integer("99999999999"));
        assertEquals(true, Parse.bool("TRUE"));
        assertEquals(false, Parse.bool("false"));
        assertThrows(IllegalArgumentException.class, () -> Parse.bool("1"));
        assertEquals(List.of("a", "b c"), Parse.list(" a , b c "));
        assertThrows(IllegalArgumentException.class, () -> Parse.list("a,,b"));
        assertEquals(FullQueuePolicy.DROP, Parse.oneOf(FullQueuePolicy.class, "Drop"));
        assertEquals(Level.WARN, Parse.level("warning"));
        assertThrows(IllegalArgumentException.class, () -> Parse.level("off"));
    }

    @Test
    void pathsAndSizes() {
        assertEquals(java.nio.file.Path.of("logs/app.log"), Parse.path(" logs/app.log "));
        assertThrows(IllegalArgumentException.class, () -> Parse.path(" "));
        assertEquals(64L << 20, Parse.bytes("64MB"));
        assertEquals(512L << 10, Parse.bytes("512 kb"));
        assertEquals(1L << 30, Parse.bytes("1GiB"));
        assertEquals(1_048_576L, Parse.bytes("1_048_576"));
        assertThrows(IllegalArgumentException.class, () -> Parse.bytes("MB"));
        assertThrows(IllegalArgumentException.class, () -> Parse.bytes("64 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> Parse.bytes("99999999999999GB"));
    }

    @Test
    void environmentNamesAreTheKeyInUpperSnakeCase() {
        assertEquals("FASTLOG_QUEUE_CAPACITY", Option.envName("queueCapacity"));
        assertEquals("FASTLOG_LEVELS", Option.envName("levels"));
        assertEquals("FASTLOG_JMX", Option.envName("jmx"));
        assertEquals("FASTLOG_REDACT_DEFAULT_KEYS", Options.byKey("redactDefaultKeys").envName());
        assertEquals("fastlog.redactDefaultKeys", Options.byKey("redactDefaultKeys").propertyName());
    }
}
