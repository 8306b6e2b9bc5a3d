package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.LoggingDuringShutdown;

/**
 * Events logged from the application's own shutdown hooks (which run concurrently with
 * fastlog's, in no set order) and after {@code Fastlog.shutdown()} are written synchronously
 * before the logging call returns: none are lost to the order in which hooks run. The halt
 * variants prove "before the call returns": {@code Runtime.halt} right after the calls skips
 * every remaining hook, so only what was already written survives.
 */
class ShutdownLoggingTest {

    private static final int PER_HOOK = 2_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "main ends by {0}")
    @ValueSource(strings = {"exit", "return"})
    void eventsFromApplicationShutdownHooksAreAllWritten(String how) throws Exception {
        Map<String, Long> groups = run(how);
        assertEquals(Map.of("hooks.main", 10_000L, "hooks.hook/h0", (long) PER_HOOK, "hooks.hook/h1", (long) PER_HOOK,
                "hooks.hook/h2", (long) PER_HOOK, "hooks.hook/h3", (long) PER_HOOK), groups);
    }

    @Test
    void shutdownHookThatHaltsRightAfterLoggingLosesNothing() throws Exception {
        Map<String, Long> groups = run("halt-in-hook");
        assertEquals(Map.of("hooks.main", 10_000L, "hooks.hook/h0", (long) PER_HOOK), groups);
    }

    @Test
    void eventsLoggedDuringAndAfterFastlogShutdownAreWrittenBeforeTheCallReturns() throws Exception {
        Map<String, Long> groups = run("halt-after-shutdown");
        assertEquals(Map.of("hooks.main", 10_000L, "hooks.thread/t0", (long) PER_HOOK, "hooks.thread/t1", (long) PER_HOOK,
                "hooks.thread/t2", (long) PER_HOOK, "hooks.thread/t3", (long) PER_HOOK, "hooks.after", 1_000L), groups);
    }

    /** Runs the child; returns, per stream (logger, and hook or thread), how many events, checked gap-free. */
    private Map<String, Long> run(String how) throws Exception {
        ChildProcess.Result r = ChildProcess.run(dir,
                ChildProcess.java(LoggingDuringShutdown.class, how, "" + PER_HOOK));
        assertEquals(0, r.exitCode(), r::describe);
        List<JsonNode> lines = Ndjson.parse(r.stdout());
        Map<String, Long> next = new TreeMap<>();
        for (JsonNode line : lines) {
            String group = line.get("logger").asText()
                    + (line.has("h") ? "/h" + line.get("h").asInt() : "")
                    + (line.has("t") ? "/t" + line.get("t").asInt() : "");
            long seq = line.get("seq").asLong();
            long expected = next.getOrDefault(group, 0L);
            if (seq != expected) {
                fail(group + ": after seqs 0.." + (expected - 1) + " came " + seq + "; " + r.describe());
            }
            next.put(group, expected + 1);
        }
        assertEquals(List.of(), r.foreignStderrLines(), "fastlog printed on stderr");
        return next;
    }
}
