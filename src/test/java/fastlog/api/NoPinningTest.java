package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.PinningWorkload;

/**
 * Virtual threads that log, including while the queue is full and they must wait, are never
 * pinned: a JFR recording of {@code jdk.VirtualThreadPinned} (threshold 0) holds no event from
 * a logging thread, while the control thread that parks in a class initializer is caught.
 */
class NoPinningTest {

    @TempDir
    Path dir;

    @Test
    void loggingVirtualThreadsAreNeverPinned() throws Exception {
        Path jfr = dir.resolve("pins.jfr");
        int threads = 500;
        int perThread = 40;
        ChildJvm.Result r = ChildJvm.run(dir, PinningWorkload.class, List.of("-Xlog:jfr+startup=off",
                "-XX:StartFlightRecording:jdk.VirtualThreadPinned#enabled=true,"
                        + "jdk.VirtualThreadPinned#threshold=0ms,dumponexit=true,filename=" + jfr),
                String.valueOf(threads), String.valueOf(perThread));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(threads * perThread + 1, CapturedLog.parse(r.stdout()).size(), r.stderr());
        assertTrue(r.stderr().contains("dropped=0"), r.stderr());

        List<String> pins = pins(jfr);
        assertTrue(pins.stream().anyMatch(p -> p.startsWith("control-pin:")),
                "the recording must catch the control pin, or this test proves nothing: " + pins);
        List<String> loggers = pins.stream().filter(p -> !p.startsWith("control-pin:")).toList();
        assertEquals(List.of(), loggers, "logging virtual threads were pinned (thread: reason, then where)");
    }

    /** Each pin as "thread name: reason" and its top frames. */
    private static List<String> pins(Path jfr) throws Exception {
        Path jfrTool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Path json = jfr.resolveSibling("pins.json");
        Process p = new ProcessBuilder(jfrTool.toString(), "print", "--json", "--events", "jdk.VirtualThreadPinned",
                jfr.toString()).redirectErrorStream(true).redirectOutput(json.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jfr print did not end within 60 s (killed)");
        }
        byte[] out = Files.readAllBytes(json);
        assertEquals(0, p.exitValue(), new String(out));
        JsonNode events = CapturedLog.JSON.readTree(out).path("recording").path("events");
        List<String> names = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode v = e.path("values");
            StringBuilder pin = new StringBuilder(v.path("eventThread").path("javaName").asText())
                    .append(": ").append(v.path("pinnedReason").asText());
            for (JsonNode frame : v.path("stackTrace").path("frames")) {
                JsonNode method = frame.path("method");
                pin.append("\n\tat ").append(method.path("type").path("name").asText()).append('.')
                        .append(method.path("name").asText()).append(':').append(frame.path("lineNumber").asText());
            }
            names.add(pin.toString());
        }
        return names;
    }
}
