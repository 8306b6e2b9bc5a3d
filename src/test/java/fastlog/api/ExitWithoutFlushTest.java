package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.ExitWithoutFlush;

/** A JVM that exits without calling flush still writes every event (the shutdown hook drains). */
class ExitWithoutFlushTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"exit", "return"})
    void allEventsArriveWithoutFlush(String how) throws Exception {
        int events = 100_000;
        ChildJvm.Result r = ChildJvm.run(dir, ExitWithoutFlush.class, List.of(), String.valueOf(events), how);
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> lines = CapturedLog.parse(r.stdout());
        assertEquals(events, lines.size(), r.stderr());
        for (int i = 0; i < events; i++) {
            assertEquals(i, lines.get(i).get("seq").asInt());
        }
        assertEquals("", r.stderr());
    }
}
