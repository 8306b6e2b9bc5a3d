package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records in an application module, on the module path: fastlog reads a record only if its
 * package is open to module {@code fastlog} (as README says to write in module-info.java); any
 * other record is logged by its {@code toString()}, without an error. On the class path every
 * record is readable. A real module is compiled with javac and run in a child JVM.
 */
class ModulePathRecordsTest {

    private static final String MODULE_INFO = """
            module demo.records {
                requires fastlog;
                opens demo.records.open to fastlog;
                exports demo.records.closed;
            }
            """;
    private static final String OPENED = """
            package demo.records.open;
            public record Opened(long id, String name) { }
            """;
    private static final String CLOSED = """
            package demo.records.closed;
            public record Closed(long id, String name) { }
            """;
    private static final String MAIN = """
            package demo.records.app;
            import demo.records.closed.Closed;
            import demo.records.open.Opened;
            import fastlog.api.Fastlog;
            import java.util.List;
            public class Main {
                record Local(int n) { }
                public static void main(String[] args) {
                    Fastlog.logger("demo").info("records", "open", new Opened(1, "a"), "closed", new Closed(2, "b"),
                            "nested", List.of(new Closed(3, "c"), new Opened(4, "d")), "local", new Local(5));
                    Fastlog.shutdown();
                }
            }
            """;

    @Test
    void onTheModulePathOnlyRecordsOpenToFastlogAreRead(@TempDir Path dir) throws Exception {
        Path out = compile(dir);
        JsonNode line = run(dir, List.of("-p", classes() + java.io.File.pathSeparator + out, "-m",
                "demo.records/demo.records.app.Main"));
        assertEquals("{\"id\":1,\"name\":\"a\"}", line.get("open").toString());
        assertEquals("Closed[id=2, name=b]", line.get("closed").asText());
        assertEquals("[\"Closed[id=3, name=c]\",{\"id\":4,\"name\":\"d\"}]", line.get("nested").toString());
        assertEquals("Local[n=5]", line.get("local").asText(), "demo.records.app is not open to fastlog");
    }

    @Test
    void onTheClassPathEveryRecordIsRead(@TempDir Path dir) throws Exception {
        Path out = compile(dir);
        JsonNode line = run(dir, List.of("-cp", classes() + java.io.File.pathSeparator + out, "demo.records.app.Main"));
        assertEquals("{\"id\":2,\"name\":\"b\"}", line.get("closed").toString());
        assertEquals("{\"n\":5}", line.get("local").toString());
    }

    private static String classes() {
        return Path.of("target", "classes").toAbsolutePath().toString();
    }

    private static Path compile(Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), MODULE_INFO);
        write(src.resolve("demo/records/open/Opened.java"), OPENED);
        write(src.resolve("demo/records/closed/Closed.java"), CLOSED);
        write(src.resolve("demo/records/app/Main.java"), MAIN);
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(tool("javac"), "-p", classes(), "-d", out.toString()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> cmd.add(p.toString()));
        }
        exec(dir, cmd, "javac");
        return out;
    }

    private static JsonNode run(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tool("java")));
        cmd.addAll(args);
        byte[] stdout = exec(dir, cmd, "java");
        List<JsonNode> lines = CapturedLog.parse(stdout);
        assertEquals(1, lines.size(), lines::toString);
        return lines.get(0);
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static byte[] exec(Path dir, List<String> cmd, String what) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, what, ".out");
        Path stderr = Files.createTempFile(dir, what, ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().remove("FASTLOG_LEVEL");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + " did not finish within 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(what + " exited " + p.exitValue() + ": " + Files.readString(stderr));
        }
        return Files.readAllBytes(stdout);
    }
}
