package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.ScopedValueCacheProbe;

/**
 * On Java 25, logging inside a scope gives the thread no {@code ScopedValue} lookup cache (the
 * scope's frame is read from the thread's context slot), so a parked virtual thread keeps nothing
 * of fastlog's after a request: {@link ScopedValueCacheProbe} in a child JVM on the packaged jar.
 * The probe's control thread looks up a {@code ScopedValue} of its own and must show a cache, or
 * the probe could not see one. On the store before context slots every probed thread had a cache.
 */
class ScopedValueCacheIT {

    private static final int THREADS = 1_000;

    @Test
    void threadsThatLogInsideAScopeKeepNoScopedValueCache(@TempDir Path dir) throws Exception {
        assumeTrue("ScopedValue".equals(System.getProperty("fastlog.expect.context")),
                "this run uses the fallback store, which has no ScopedValue to check");
        ChildJvm.Result r = ChildJvm.runOn(List.of(ChildJvm.packagedJar(), Path.of("target", "test-classes")), dir,
                ScopedValueCacheProbe.class, List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED"), Map.of(),
                String.valueOf(THREADS));
        assertEquals(0, r.exitCode(), r.stderr());
        Matcher m = Pattern.compile("threads=(\\d+) with_cache_inside=(\\d+) with_cache_after=(\\d+) control_with_cache=(\\d+)")
                .matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        assertEquals("1", m.group(4), "the probe must see the control thread's cache: " + r.stderr());
        assertEquals("0", m.group(2), "threads with a ScopedValue cache inside their scope: " + r.stderr());
        assertEquals("0", m.group(3), "threads with a ScopedValue cache after their scope: " + r.stderr());

        // Every request's 3 lines carry its own id, in order (threads' lines may interleave).
        String[] lines = new String(r.stdout(), StandardCharsets.UTF_8).split("\n");
        assertEquals(3 * THREADS, lines.length);
        Map<String, Integer> nextStep = new HashMap<>();
        for (String line : lines) {
            JsonNode n = CapturedLog.JSON.readTree(line);
            String id = n.get("request_id").asText();
            int expected = nextStep.getOrDefault(id, 0);
            assertEquals(expected, n.get("step").asInt(), line);
            nextStep.put(id, expected + 1);
        }
        assertEquals(THREADS, nextStep.size());
        assertTrue(nextStep.values().stream().allMatch(steps -> steps == 3), nextStep.toString());
    }
}
