package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.ExitWhileLogging;

/**
 * The JVM exits while threads are logging (System.exit from another thread, SIGTERM, main
 * returning). Every event whose logging call returned before the exit began is written, and each
 * thread's events form a gap-free prefix 0, 1, ..., k of what it logged, in order.
 *
 * <p>When threads are still logging as the JVM halts, the OS may stop a thread inside write(2)
 * and keep part of that one write: the output may then end in a line without its newline. Every
 * complete line must still be valid, and the cut line is not counted.
 */
class ExitTest {

    private static final int THREADS = 8;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(strings = {"platform", "virtual"})
    void systemExitFromAnotherThreadWhileEightThreadsLog(String kind) throws Exception {
        ChildProcess.Result r = ChildProcess.run(dir,
                ChildProcess.java(ExitWhileLogging.class, "exit", kind, "" + THREADS, "20000", dir.toString()));
        assertEquals(0, r.exitCode(), r::describe);
        checkEveryReturnedCallWasWritten(r, readSnapshot());
    }

    @Test
    void sigtermWhileLogging() throws Exception {
        Process p = ChildProcess.startToFile(dir,
                ChildProcess.java(ExitWhileLogging.class, "sigterm", "platform", "" + THREADS, "20000", dir.toString()));
        ChildProcess.awaitFile(p, dir.resolve("ready"), Duration.ofSeconds(60));
        p.destroy(); // SIGTERM
        ChildProcess.Result r = ChildProcess.finish(dir, p);
        assertEquals(143, r.exitCode(), () -> "expected death by SIGTERM (128 + 15); " + r.describe());
        // Snapshot taken in an application shutdown hook, i.e. after the exit began: even calls
        // that returned during the shutdown must have been written.
        checkEveryReturnedCallWasWritten(r, readSnapshot());
    }

    @Test
    void mainReturnsWithEventsPending() throws Exception {
        int perThread = 50_000;
        ChildProcess.Result r = ChildProcess.run(dir,
                ChildProcess.java(ExitWhileLogging.class, "return", "platform", "" + THREADS, "" + perThread,
                        dir.toString()));
        assertEquals(0, r.exitCode(), r::describe);
        List<JsonNode> lines = Ndjson.parse(r.stdout()); // nothing logs at the halt: no cut line allowed
        long[] perThreadCount = new long[THREADS];
        long mainCount = 0;
        for (JsonNode line : lines) {
            if (line.get("logger").asText().equals("exit.main")) {
                assertEquals(mainCount++, line.get("seq").asLong(), "main's events in order, none missing");
            } else {
                checkNext(perThreadCount, line);
            }
        }
        assertEquals(10_000, mainCount, r::describe);
        long[] expected = new long[THREADS];
        Arrays.fill(expected, perThread);
        assertEquals(Arrays.toString(expected), Arrays.toString(perThreadCount), r::describe);
        assertEquals(List.of(), r.foreignStderrLines());
    }

    @Test
    void mainReturnsWhileVirtualThreadsLog() throws Exception {
        ChildProcess.Result r = ChildProcess.run(dir,
                ChildProcess.java(ExitWhileLogging.class, "return", "virtual", "" + THREADS, "20000", dir.toString()));
        assertEquals(0, r.exitCode(), r::describe);
        checkEveryReturnedCallWasWritten(r, readSnapshot());
    }

    private long[] readSnapshot() throws Exception {
        Path f = dir.resolve("returned");
        assertTrue(Files.exists(f), "the child wrote no snapshot of returned calls");
        long[] returned = Arrays.stream(Files.readString(f).trim().split(" ")).mapToLong(Long::parseLong).toArray();
        assertEquals(THREADS, returned.length, () -> "snapshot " + Arrays.toString(returned));
        // -1 (no call returned yet) would make the check below hold trivially for that thread.
        assertTrue(Arrays.stream(returned).allMatch(r -> r >= 0),
                () -> "every thread must have logged before the exit, or the test proves nothing: " + Arrays.toString(returned));
        return returned;
    }

    /** Every thread's events are 0..k in order with k >= the last seq whose call had returned. */
    private static void checkEveryReturnedCallWasWritten(ChildProcess.Result r, long[] returned) {
        Ndjson.Parsed parsed = Ndjson.parseAllowingCutTail(r.stdout());
        long[] count = new long[THREADS];
        for (JsonNode line : parsed.lines()) {
            checkNext(count, line);
        }
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            assertTrue(count[t] > returned[t], () -> "thread " + thread + ": its call for seq " + returned[thread]
                    + " had returned before the exit began, but only seqs 0.." + (count[thread] - 1)
                    + " were written; per thread written " + Arrays.toString(count) + " vs returned "
                    + Arrays.toString(returned) + "; " + r.describe());
        }
        assertEquals(List.of(), r.foreignStderrLines(), "fastlog printed on stderr");
    }

    private static void checkNext(long[] count, JsonNode line) {
        if (!line.get("logger").asText().equals("exit.test") || !line.has("t") || !line.has("seq")) {
            fail("unexpected line " + line);
        }
        int t = line.get("t").asInt();
        long seq = line.get("seq").asLong();
        if (seq != count[t]) {
            fail("thread " + t + ": after seqs 0.." + (count[t] - 1) + " came seq " + seq
                    + (seq > count[t] ? " (a gap: events lost)" : " (out of order or repeated)"));
        }
        count[t]++;
    }
}
