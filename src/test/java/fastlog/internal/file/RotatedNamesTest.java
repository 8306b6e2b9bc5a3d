package fastlog.internal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatedNamesTest {

    @TempDir
    Path dir;

    @Test
    void rotatedNameIsStemDateCounterExtension() {
        RotatedNames n = new RotatedNames(dir.resolve("app.log"));
        assertEquals(dir.resolve("app-2026-11-30.1.log"), n.rotated(LocalDate.of(2026, 11, 30), 1));
        assertEquals(dir.resolve("app-2026-11-30.12.log.gz"),
                RotatedNames.gzipped(n.rotated(LocalDate.of(2026, 11, 30), 12)));
        assertEquals(dir.resolve("app-2026-11-30.1.log.gz.tmp"),
                RotatedNames.tmp(RotatedNames.gzipped(n.rotated(LocalDate.of(2026, 11, 30), 1))));
    }

    @Test
    void nameWithoutExtensionOrWithSeveralDots() {
        assertEquals(dir.resolve("app-2026-01-02.3"),
                new RotatedNames(dir.resolve("app")).rotated(LocalDate.of(2026, 1, 2), 3));
        assertEquals(dir.resolve("svc.json-2026-01-02.3.log"),
                new RotatedNames(dir.resolve("svc.json.log")).rotated(LocalDate.of(2026, 1, 2), 3));
        assertEquals(dir.resolve(".hidden-2026-01-02.1"),
                new RotatedNames(dir.resolve(".hidden")).rotated(LocalDate.of(2026, 1, 2), 1));
    }

    @Test
    void listFindsOnlyOurRotatedFilesOldestFirstAndReportsTemporaryOnes() throws IOException {
        for (String f : List.of("app.log", "app-2026-11-30.2.log.gz", "app-2026-11-30.10.log", "app-2026-11-29.7.log.gz",
                "app-2026-11-30.1.log", "other-2026-11-30.1.log", "app-2026-11-30.1.txt", "app-2026-11-31.1.log",
                "app-2026-11-30.3.log.gz.tmp", "app-2026-11-30.x.log")) {
            Files.createFile(dir.resolve(f));
        }
        RotatedNames n = new RotatedNames(dir.resolve("app.log"));
        List<Path> tmps = new ArrayList<>();
        List<String> names = n.list(tmps).stream().map(r -> r.path().getFileName().toString()).toList();
        assertEquals(List.of("app-2026-11-29.7.log.gz", "app-2026-11-30.1.log", "app-2026-11-30.2.log.gz",
                "app-2026-11-30.10.log"), names);
        assertEquals(List.of(dir.resolve("app-2026-11-30.3.log.gz.tmp")), tmps);
        assertEquals(10, n.lastIndex(LocalDate.of(2026, 11, 30)));
        assertEquals(0, n.lastIndex(LocalDate.of(2026, 12, 1)));
    }
}
