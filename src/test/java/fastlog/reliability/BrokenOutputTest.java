package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.BrokenStdout;

/**
 * stdout fails under the application: its reader went away ({@code | head -n 1}), or the disk is
 * full ({@code > /dev/full}). The child neither hangs nor crashes; fastlog prints exactly one
 * clear line on stderr, however many writes fail; {@code stats()} counts the failed writes and
 * the events in them (written + lost = logged: nothing vanishes uncounted); failed writes do not
 * stop later ones from being tried; logging calls keep returning (4 threads x 20,000 events after
 * the failure complete); and the process exits with 0 when main returns.
 */
class BrokenOutputTest {

    private static final int AFTER = 20_000;
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    @Test
    void readerClosesThePipe() throws Exception {
        ChildProcess.Result r = ChildProcess.runIntoPipe(dir,
                ChildProcess.java(BrokenStdout.class, "" + AFTER, "" + THREADS), List.of("head", "-n", "1"));
        checkSurvived(r, "Broken pipe");
        List<JsonNode> first = Ndjson.parse(r.stdout());
        assertEquals(1, first.size(), "head printed one line");
        assertEquals("before", first.get(0).get("msg").asText());
        assertEquals(0, first.get(0).get("seq").asLong());
    }

    @Test
    void diskFull() throws Exception {
        ChildProcess.Result r = ChildProcess.runToDevFull(dir,
                ChildProcess.java(BrokenStdout.class, "" + AFTER, "" + THREADS));
        checkSurvived(r, "No space left on device");
        assertEquals(0, r.reported("written"), "/dev/full accepts nothing");
    }

    private static void checkSurvived(ChildProcess.Result r, String cause) {
        String ctx = r.describe();
        List<String> foreign = r.foreignStderrLines();
        long logged = r.reported("logged");
        long written = r.reported("written");
        long lost = r.reported("lost");
        assertAll(
                () -> assertEquals(0, r.exitCode(), "exit code; " + ctx),
                () -> assertEquals(1, foreign.size(), "exactly one line from fastlog on stderr; " + ctx),
                () -> assertTrue(foreign.get(0).startsWith("fastlog: cannot write log output")
                        && foreign.get(0).contains(cause), "the message says what failed: " + foreign.get(0)),
                () -> assertEquals("true", r.report().get("sawError"), "a write error was counted; " + ctx),
                () -> assertTrue(r.reported("writeErrors") > r.reported("errorsAtPhase2"),
                        "writes after the first failure are still tried (and fail); " + ctx),
                () -> assertTrue(lost >= (long) AFTER * THREADS, "events in failed writes are counted as lost; " + ctx),
                () -> assertEquals(logged, written + lost, "every event is either written or counted lost; " + ctx),
                () -> assertEquals(0, r.reported("dropped"), ctx),
                () -> assertTrue(r.reported("maxCallMicros") < 10_000_000,
                        "no logging call waited anywhere near 10 s (a generous bound, not a benchmark); " + ctx));
    }
}
