package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.internal.json.JsonOutput;
import fastlog.internal.level.Levels;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.schema.SchemaSpec;
import fastlog.internal.schema.ServiceIdentity;
import fastlog.internal.value.ValueLimits;

/** The lines fastlog writes about itself (drop reports and the like) follow the preset too. */
class EventRendererSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static JsonNode internalLine(String preset) throws Exception {
        SchemaLayout layout = new SchemaLayout(new SchemaSpec(preset, new ServiceIdentity("svc", null, null, null), null,
                null, Map.of(), Map.of(), Set.of(), Set.of()));
        EventRenderer r = new EventRenderer(layout, 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT);
        JsonOutput out = new JsonOutput(64, 1000);
        r.renderInternal(out, 1_764_061_843_512_044L, Levels.WARN, "fastlog dropped events", new String[] {"dropped"},
                new long[] {3});
        String line = new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
        assertEquals('\n', line.charAt(line.length() - 1));
        return JSON.readTree(line);
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void internalLinesUseThePresetsHeader() throws Exception {
        JsonNode ecs = internalLine("ecs");
        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version", "log.logger", "service.name",
                "event.dataset", "dropped"), keys(ecs));
        assertEquals("2025-11-25T09:10:43.512044Z", ecs.get("@timestamp").asText());
        assertEquals("WARN", ecs.get("log.level").asText());
        assertEquals("fastlog", ecs.get("log.logger").asText());
        assertEquals(3, ecs.get("dropped").asLong());
        JsonNode gcp = internalLine("gcp");
        assertEquals("WARNING", gcp.get("severity").asText());
        assertEquals("fastlog dropped events", gcp.get("message").asText());
        JsonNode def = internalLine("default");
        assertEquals(List.of("ts", "level", "logger", "msg", "dropped"), keys(def));
    }
}
