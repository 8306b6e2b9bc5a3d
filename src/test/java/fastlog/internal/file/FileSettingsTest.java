package fastlog.internal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FileSettingsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private FileSpec read(Map<String, String> values) {
        return FileSettings.read(values::get, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noFileKeyMeansNoFileOutput() {
        assertNull(read(Map.of("file.max_size", "1MB")));
    }

    @Test
    void everyKeyIsRead() {
        FileSpec s = read(Map.of("file", "logs/app.log", "file.max_size", "64MB", "file.daily", "UTC",
                "file.keep", "30", "file.gzip", "true", "file.fsync", "on_flush"));
        assertEquals(Path.of("logs/app.log"), s.file());
        assertEquals(64L << 20, s.maxBytes());
        assertTrue(s.daily());
        assertEquals(ZoneId.of("UTC"), s.zone());
        assertEquals(30, s.keep());
        assertTrue(s.gzip());
        assertTrue(s.fsyncOnClose());
        assertTrue(s.fsyncOnFlush());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dailyTrueIsLocalMidnight() {
        FileSpec s = read(Map.of("file", "a.log", "file.daily", "true", "file.fsync", "on_close"));
        assertTrue(s.daily());
        assertEquals(ZoneId.systemDefault(), s.zone());
        assertTrue(s.fsyncOnClose());
        assertFalse(s.fsyncOnFlush());
    }

    @Test
    void sizes() {
        assertEquals(1048576, FileSettings.parseSize("1048576"));
        assertEquals(100, FileSettings.parseSize("100B"));
        assertEquals(512 << 10, FileSettings.parseSize("512KB"));
        assertEquals(512 << 10, FileSettings.parseSize("512k"));
        assertEquals(64L << 20, FileSettings.parseSize("64 MB"));
        assertEquals(1L << 30, FileSettings.parseSize("1g"));
        assertEquals(-1, FileSettings.parseSize("lots"));
        assertEquals(-1, FileSettings.parseSize("-5MB"));
    }

    @Test
    void badValuesWarnOnceEachAndKeepTheDefaults() {
        Map<String, String> bad = Map.of("file", "b.log", "file.max_size", "huge", "file.daily", "Mars/Olympus",
                "file.keep", "0", "file.gzip", "yes", "file.fsync", "always");
        FileSpec s = read(bad);
        read(bad);
        assertEquals(FileSpec.plain(Path.of("b.log")), s);
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertEquals(5, warnings.lines().count(), warnings);
        assertTrue(warnings.contains("ignoring fastlog.file.max_size='huge'"), warnings);
        assertTrue(warnings.contains("ignoring fastlog.file.fsync='always'"), warnings);
    }
}
