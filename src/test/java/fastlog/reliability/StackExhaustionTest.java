package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.StackEdgeLogging;

/**
 * Logging from a thread whose stack is all but exhausted: the calls nearest the edge run out of
 * stack at every possible point inside fastlog. Such a call may throw StackOverflowError (any
 * Java code would), but it must not wedge the pipeline (a slot claimed and never published would
 * stall the writer forever): every call that returned normally is written, the event logged
 * afterwards is written, flush completes, and the JVM exits normally. Run compiled and
 * interpreted ({@code -Xint}: every call inside fastlog is its own frame, so the overflow can
 * land between any two of them). In a child JVM: a wedged writer would spin for the rest of the
 * test JVM's life.
 */
class StackExhaustionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jit", "-Xint"})
    void runningOutOfStackInsideALoggingCallNeverWedgesThePipeline(String mode) throws Exception {
        boolean interpreted = mode.equals("-Xint");
        ChildProcess.Result r = ChildProcess.run(dir, ChildProcess.java(StackEdgeLogging.class,
                interpreted ? List.of("-Xint") : List.of(), interpreted ? "48" : "40"));
        String ctx = r.describe();
        assertEquals(0, r.exitCode(), () -> "exit code 3 means the watchdog found the program stuck; " + ctx);
        List<JsonNode> lines = Ndjson.parse(r.stdout());
        long attempts = r.reported("attempts");
        long overflows = r.reported("overflowsInLog");
        long edgeLines = lines.stream().filter(l -> l.get("msg").asText().equals("edge")).count();
        assertAll(
                () -> assertTrue(overflows > 0, "the test did make logging calls overflow; " + ctx),
                () -> assertEquals("true", r.report().get("deepThreadDone"), "the deep thread finished; " + ctx),
                () -> assertEquals("true", r.report().get("flushed"), "flush completed; " + ctx),
                () -> assertTrue(edgeLines >= attempts - overflows && edgeLines <= attempts,
                        "every call that returned normally was written: " + edgeLines + " lines for " + attempts
                                + " calls of which " + overflows + " overflowed"),
                () -> assertTrue(lines.stream().anyMatch(l -> l.get("msg").asText().equals("after")),
                        "the event logged afterwards was written"),
                () -> assertEquals(List.of(), r.foreignStderrLines()));
    }
}
