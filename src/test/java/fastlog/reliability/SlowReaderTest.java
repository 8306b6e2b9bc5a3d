package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.SlowReaderApp;
import fastlog.testapps.StalledReaderApp;

/**
 * stdout is a pipe read slowly (8 KiB at a time with a 2 ms pause: a few MB/s, far below what
 * fastlog can produce), so the pipe stays full and the queue fills. BLOCK: producers wait and
 * nothing is lost. DROP: drops are counted, and lines from logger "fastlog" report them in the
 * stream once the reader catches up; written lines + dropped = logged. A reader that stops
 * altogether for a while: waiting producers cost no memory over time, and nothing is lost.
 */
class SlowReaderTest {

    private static final int THREADS = 4;
    private static final int CHUNK = 8 * 1024;
    private static final long PAUSE_MILLIS = 2;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(strings = {"platform", "virtual"})
    void blockPolicyLosesNothing(String kind) throws Exception {
        int perThread = 15_000;
        ChildProcess.Result r = ChildProcess.runWithSlowReader(dir,
                ChildProcess.java(SlowReaderApp.class, "BLOCK", "" + THREADS, "" + perThread, "1024", kind),
                CHUNK, PAUSE_MILLIS);
        assertEquals(0, r.exitCode(), r::describe);
        List<JsonNode> lines = Ndjson.parse(r.stdout());
        long[] next = new long[THREADS];
        for (JsonNode line : lines) {
            assertEquals("slow", line.get("logger").asText(), () -> "unexpected line " + line);
            int t = line.get("t").asInt();
            long seq = line.get("seq").asLong();
            if (seq != next[t]) {
                fail("thread " + t + ": after 0.." + (next[t] - 1) + " came " + seq + "; " + r.describe());
            }
            next[t]++;
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(perThread, next[t], "events of thread " + t);
        }
        assertAll(
                () -> assertEquals(0, r.reported("dropped")),
                () -> assertEquals((long) THREADS * perThread, r.reported("written")),
                () -> assertEquals(List.of(), r.foreignStderrLines()));
    }

    /**
     * The extreme slow reader: nobody reads the pipe for 6 s while 1,000 virtual threads wait for
     * room. README: "Memory is fixed at start ... independent of the number of threads". Waiting
     * must not cost memory over time (the bound, 16 MB in 5 s, is generous: steady state is ~0).
     * Then the reader drains the pipe and nothing was lost.
     */
    @Test
    void stalledReaderWaitingProducersDoNotGrowMemory() throws Exception {
        int threads = 1_000;
        int perThread = 100;
        ProcessBuilder pb = ChildProcess.java(StalledReaderApp.class, List.of("-Xmx512m"), "" + threads, "" + perThread);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + ChildProcess.TIMEOUT.toNanos();
        while (!Files.readString(dir.resolve("stderr")).contains("heapGrowthKB")) { // not reading stdout meanwhile
            if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                p.destroyForcibly();
                throw new AssertionError("child ended or stuck before reporting: " + Files.readString(dir.resolve("stderr")));
            }
            Thread.sleep(20);
        }
        byte[] stdout;
        try (ChildProcess.Watchdog watchdog = ChildProcess.watchdog(p); InputStream in = p.getInputStream()) {
            stdout = in.readAllBytes();
            watchdog.check(stdout.length);
        }
        int code = ChildProcess.await(p);
        ChildProcess.Result r = new ChildProcess.Result(code, stdout, Files.readString(dir.resolve("stderr")),
                java.time.Duration.ZERO);
        assertEquals(0, r.exitCode(), r::describe);
        List<JsonNode> lines = Ndjson.parse(r.stdout());
        long[] next = new long[threads];
        for (JsonNode line : lines) {
            int t = line.get("t").asInt();
            assertEquals(next[t]++, line.get("seq").asLong(), "thread " + t + " in order, none missing");
        }
        long total = Arrays.stream(next).sum();
        assertAll(
                () -> assertEquals((long) threads * perThread, total, "nothing lost"),
                () -> assertTrue(r.reported("waiting") > threads / 2,
                        "most producers were waiting for room during the measurement; " + r.describe()),
                () -> assertTrue(r.reported("heapGrowthKB") < 16 * 1024,
                        "heap grew by " + r.reported("heapGrowthKB") + " KB in 5 s while " + r.reported("waiting")
                                + " producers waited for a stalled output"),
                () -> assertEquals(List.of(), r.foreignStderrLines()));
    }

    @Test
    void dropPolicyCountsDropsAndReportsThemInTheStream() throws Exception {
        int perThread = 25_000;
        long logged = (long) THREADS * perThread;
        ChildProcess.Result r = ChildProcess.runWithSlowReader(dir,
                ChildProcess.java(SlowReaderApp.class, "DROP", "" + THREADS, "" + perThread, "256", "platform"),
                CHUNK, PAUSE_MILLIS);
        assertEquals(0, r.exitCode(), r::describe);
        List<JsonNode> lines = Ndjson.parse(r.stdout());
        long events = 0;
        long reportedDrops = 0;
        long lastTotal = 0;
        long[] last = {-1, -1, -1, -1};
        for (JsonNode line : lines) {
            String logger = line.get("logger").asText();
            if (logger.equals("fastlog")) {
                assertEquals("WARN", line.get("level").asText());
                assertTrue(line.get("msg").asText().contains("dropped"), line::toString);
                reportedDrops += line.get("dropped").asLong();
                lastTotal = line.get("dropped_total").asLong();
                assertEquals(reportedDrops, lastTotal, "dropped_total is the running sum of dropped");
            } else {
                assertEquals("slow", logger);
                int t = line.get("t").asInt();
                long seq = line.get("seq").asLong();
                assertTrue(seq > last[t], "thread " + t + ": " + seq + " after " + last[t]);
                last[t] = seq;
                events++;
            }
        }
        long dropped = r.reported("dropped");
        long eventsWritten = events;
        long drops = reportedDrops;
        assertAll(
                () -> assertTrue(dropped > 0, "the slow reader made the tiny queue overflow; " + r.describe()),
                () -> assertEquals(dropped, drops, "the stream reports every counted drop"),
                () -> assertEquals(logged, eventsWritten + dropped, "written + dropped = logged"),
                () -> assertEquals(eventsWritten, r.reported("written")),
                () -> assertEquals(List.of(), r.foreignStderrLines()));
    }
}
