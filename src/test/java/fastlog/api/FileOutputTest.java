package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.FileLogging;

/** {@code Configuration.output(Path)} and {@link FileOutput}, through the real pipeline. */
class FileOutputTest {

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        Fastlog.shutdown();
    }

    private static List<JsonNode> parse(byte[] bytes) {
        return CapturedLog.parse(bytes);
    }

    /** All files named app*, rotated ones oldest first (by name: date, then counter), the active one last, decompressed. */
    private static byte[] readAll(Path dir, String active) throws IOException {
        List<Path> rotated;
        try (Stream<Path> s = Files.list(dir)) {
            rotated = new ArrayList<>(s.filter(p -> !p.getFileName().toString().equals(active)
                    && p.getFileName().toString().startsWith("app")).toList());
        }
        rotated.sort((a, b) -> {
            String[] x = a.getFileName().toString().split("\\.");
            String[] y = b.getFileName().toString().split("\\.");
            int c = x[0].compareTo(y[0]);
            return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        });
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path p : rotated) {
            try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
                    : Files.newInputStream(p)) {
                in.transferTo(all);
            }
        }
        Path a = dir.resolve(active);
        if (Files.exists(a)) {
            all.write(Files.readAllBytes(a));
        }
        return all.toByteArray();
    }

    @Test
    void outputPathAppendsLinesAndCreatesMissingDirectories() throws IOException {
        Path file = dir.resolve("logs/today/app.log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"earlier\":true}\n");
        Fastlog.shutdown();
        Fastlog.configure().output(file).apply();
        Logger log = Fastlog.logger("files");
        log.info("hello", "n", 1);
        log.warn("again", "n", 2);
        Fastlog.flush();
        List<JsonNode> lines = parse(Files.readAllBytes(file));
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).get("earlier").asBoolean(), "appended, not truncated");
        assertEquals("hello", lines.get(1).get("msg").asText());
        assertEquals(2, lines.get(2).get("n").asInt());

        Path fresh = dir.resolve("a/b/c/app.log");
        Fastlog.shutdown();
        Fastlog.configure().output(fresh).apply();
        log.info("in a new directory");
        Fastlog.flush();
        assertEquals("in a new directory", parse(Files.readAllBytes(fresh)).get(0).get("msg").asText());
    }

    @Test
    void shutdownClosesTheFileAndLaterEventsAreStillAppended() throws IOException {
        Path file = dir.resolve("app.log");
        Fastlog.shutdown();
        Fastlog.configure().output(FileOutput.to(file).fsync(FileOutput.Fsync.ON_FLUSH)).apply();
        Logger log = Fastlog.logger("files");
        log.info("before");
        Fastlog.shutdown();
        assertEquals(1, parse(Files.readAllBytes(file)).size(), "written and closed by shutdown");
        log.info("after shutdown");
        List<JsonNode> lines = parse(Files.readAllBytes(file));
        assertEquals(List.of("before", "after shutdown"), lines.stream().map(l -> l.get("msg").asText()).toList());
    }

    @Test
    void rotationBySizeThroughTheApiKeepsEveryLineOnce() throws IOException {
        Fastlog.shutdown();
        Fastlog.configure().output(FileOutput.to(dir.resolve("app.log")).rotateAtSize(4096).keep(1000).gzip(true))
                .apply();
        Logger log = Fastlog.logger("files");
        for (int i = 0; i < 3000; i++) {
            log.info("event", "seq", i);
            if (i % 500 == 0) {
                Fastlog.flush(); // several batches, so that rotation meets batch boundaries as well
            }
        }
        Fastlog.shutdown(); // waits for the compression of the rotated files
        List<JsonNode> lines = parse(readAll(dir, "app.log"));
        assertEquals(3000, lines.size());
        for (int i = 0; i < 3000; i++) {
            assertEquals(i, lines.get(i).get("seq").asInt());
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.toList();
            assertTrue(files.size() > 20, files.size() + " files");
            for (Path p : files) {
                String n = p.getFileName().toString();
                assertTrue(n.equals("app.log") || n.matches("app-\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz"), n);
                if (n.endsWith(".gz")) {
                    assertTrue(Files.size(p) < 4096);
                }
            }
        }
        assertEquals(0, Fastlog.stats().eventsLost());
        assertEquals(0, Fastlog.stats().writeErrors());
    }

    @Test
    void fileOutputRejectsBadSettings() {
        FileOutput f = FileOutput.to(dir.resolve("x.log"));
        assertThrows(IllegalArgumentException.class, () -> f.rotateAtSize(-1));
        assertThrows(IllegalArgumentException.class, () -> f.keep(0));
        assertThrows(NullPointerException.class, () -> FileOutput.to(null));
    }

    @Test
    void settingsFromSystemPropertiesAndTheEnvironmentChooseTheFile() throws Exception {
        Path logs = dir.resolve("logs");
        ChildJvm.Result r = ChildJvm.run(dir, FileLogging.class,
                List.of("-Dfastlog.file=" + logs.resolve("app.log"), "-Dfastlog.file.max_size=2KB"),
                Map.of("FASTLOG_FILE_GZIP", "true", "FASTLOG_FILE_KEEP", "1000"), "2000");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertEquals(0, r.stdout().length, "nothing on stdout: the lines went to the file");
        List<JsonNode> lines = parse(readAll(logs, "app.log"));
        assertEquals(2000, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, lines.get(i).get("seq").asInt());
        }
        try (Stream<Path> s = Files.list(logs)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.size() > 20, names.toString());
            assertFalse(names.stream().anyMatch(n -> n.matches("app-.*\\.log")), "all rotated files compressed: " + names);
        }
    }
}
