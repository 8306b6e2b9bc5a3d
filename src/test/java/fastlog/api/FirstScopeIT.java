package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.testapps.FirstScopeLogging;

/**
 * Scoped context in a fresh JVM, against the packaged jar (failsafe, run with and without the
 * fallback forced): lines logged before the process's first scope, inside it, beside it on another
 * thread and after it carry exactly the fields they should. The context store skips its lookup
 * until a first scope is entered (ContextStore's class comment), which only a fresh JVM shows.
 */
class FirstScopeIT {

    @Test
    void linesBeforeInsideBesideAndAfterTheFirstScope(@TempDir Path dir) throws Exception {
        List<String> jvmArgs = new ArrayList<>();
        if (Boolean.getBoolean("fastlog.context.fallback")) {
            jvmArgs.add("-Dfastlog.context.fallback=true");
        }
        ChildJvm.Result r = ChildJvm.runOn(List.of(ChildJvm.packagedJar(), Path.of("target", "test-classes")), dir,
                FirstScopeLogging.class, jvmArgs, Map.of());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("mechanism=" + System.getProperty("fastlog.expect.context")), r.stderr());
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byMsg = new HashMap<>();
        for (String line : new String(r.stdout(), StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = json.readTree(line);
            assertEquals(null, byMsg.put(node.get("msg").asText(), node), "logged once: " + line);
        }
        assertEquals(6, byMsg.size(), byMsg.keySet().toString());
        for (String outside : List.of("before any scope", "main, while another thread is in a scope", "after the scope")) {
            assertTrue(!byMsg.get(outside).has("request_id"), outside + ": " + byMsg.get(outside));
        }
        assertEquals("r-1", byMsg.get("first scope").path("request_id").asText());
        assertEquals("r-1", byMsg.get("first scope, later").path("request_id").asText());
        assertEquals("r-2", byMsg.get("main's own scope").path("request_id").asText());
    }
}
