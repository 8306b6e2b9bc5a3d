package fastlog.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.internal.json.JsonOutput;
import fastlog.internal.level.Levels;
import fastlog.internal.schema.SchemaLayout.Extra;

/**
 * The resolved layout: the default header's exact bytes, and the per-preset writers of the optional
 * fields (trace ids, thread name, caller) that the trace-correlation renderer calls.
 */
class SchemaLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private static SchemaLayout layout(String preset, String project, Map<String, String> renames, Set<String> excludes,
                                       Set<Extra> extras) {
        return new SchemaLayout(new SchemaSpec(preset, ServiceIdentity.NONE, project, null, Map.of(), renames,
                excludes, extras));
    }

    private static SchemaLayout layout(String preset) {
        return layout(preset, null, Map.of(), Set.of(), EnumSet.allOf(Extra.class));
    }

    /** {@code {"x":0}} plus what {@code write} appends after it, parsed strictly. */
    private static JsonNode written(Consumer<JsonOutput> write) throws Exception {
        JsonOutput out = new JsonOutput(64, 1000);
        out.writeAsciiRaw("{\"x\":0");
        write.accept(out);
        out.writeByte('}');
        return JSON.readTree(new String(out.array(), 0, out.size(), StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultHeaderIsTheBytesFastlogAlwaysWrote() {
        byte[][] c = SchemaLayout.DEFAULT.header("auth", Levels.INFO, 65_536);
        assertEquals(3, c.length);
        assertEquals("{\"ts\":", new String(c[0], StandardCharsets.UTF_8));
        assertEquals(",\"level\":\"INFO\",\"logger\":\"auth\",\"msg\":", new String(c[1], StandardCharsets.UTF_8));
        assertEquals(0, c[2].length);
        // A logger name longer than maxStringLength is cut like any string, as it always was.
        assertEquals(",\"level\":\"INFO\",\"logger\":\"fuzz.encoded-key\u2026\",\"msg\":",
                new String(SchemaLayout.DEFAULT.header("fuzz.encoded-keys", Levels.INFO, 16)[1], StandardCharsets.UTF_8));
        assertEquals(List.of(SchemaLayout.TIMESTAMP, SchemaLayout.MESSAGE),
                java.util.Arrays.stream(SchemaLayout.DEFAULT.dynamics()).boxed().toList());
    }

    @Test
    void traceFieldsUnderEachPresetsNames() throws Exception {
        assertEquals("{\"x\":0,\"trace_id\":\"" + TRACE + "\",\"span_id\":\"" + SPAN + "\",\"trace_flags\":\"01\"}",
                written(o -> layout("default").writeTrace(o, TRACE, SPAN, 1)).toString());
        assertEquals("{\"x\":0,\"trace_id\":\"" + TRACE + "\",\"span_id\":\"" + SPAN + "\",\"trace_flags\":\"00\"}",
                written(o -> layout("otel").writeTrace(o, TRACE, SPAN, 0)).toString());
        assertEquals("{\"x\":0,\"trace.id\":\"" + TRACE + "\",\"span.id\":\"" + SPAN + "\"}",
                written(o -> layout("ecs").writeTrace(o, TRACE, SPAN, 1)).toString());
        assertEquals("{\"x\":0,\"trace_id\":\"" + TRACE + "\",\"span_id\":\"" + SPAN + "\",\"trace_flags\":\"01\"}",
                written(o -> layout("logstash").writeTrace(o, TRACE, SPAN, 1)).toString());
    }

    @Test
    void gcpTraceIsAProjectPathWhenTheProjectIsKnownAndSampledIsABoolean() throws Exception {
        JsonNode n = written(o -> layout("gcp", "my-proj", Map.of(), Set.of(), Set.of()).writeTrace(o, TRACE, SPAN, 1));
        assertEquals("projects/my-proj/traces/" + TRACE, n.get("logging.googleapis.com/trace").asText());
        assertEquals(SPAN, n.get("logging.googleapis.com/spanId").asText());
        assertTrue(n.get("logging.googleapis.com/trace_sampled").isBoolean());
        assertTrue(n.get("logging.googleapis.com/trace_sampled").asBoolean());
        n = written(o -> layout("gcp").writeTrace(o, TRACE, SPAN, 0));
        assertEquals(TRACE, n.get("logging.googleapis.com/trace").asText()); // no project id: the bare id
        assertFalse(n.get("logging.googleapis.com/trace_sampled").asBoolean());
        n = written(o -> layout("gcp", "p\"q", Map.of(), Set.of(), Set.of()).writeTrace(o, "not hex!", SPAN, 0));
        assertEquals("not hex!", n.get("logging.googleapis.com/trace").asText());
    }

    @Test
    void threadNameUnderEachPresetsName() throws Exception {
        Map<String, String> expected = Map.of("default", "thread", "ecs", "process.thread.name", "otel", "thread.name",
                "logstash", "thread_name", "gcp", "thread");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode n = written(o -> layout(e.getKey()).writeThreadName(o, "worker-1"));
            assertEquals("worker-1", n.get(e.getValue()).asText(), e.getKey());
        }
    }

    @Test
    void callerUnderEachPresetsNames() throws Exception {
        String cls = "com.acme.Checkout";
        assertEquals("{\"x\":0,\"caller\":{\"class\":\"com.acme.Checkout\",\"method\":\"pay\",\"file\":\"Checkout.java\",\"line\":42}}",
                written(o -> layout("default").writeCaller(o, cls, "pay", "Checkout.java", 42)).toString());
        assertEquals("{\"x\":0,\"log.origin.function\":\"pay\",\"log.origin.file.name\":\"Checkout.java\",\"log.origin.file.line\":42}",
                written(o -> layout("ecs").writeCaller(o, cls, "pay", "Checkout.java", 42)).toString());
        assertEquals("{\"x\":0,\"code.function.name\":\"com.acme.Checkout.pay\",\"code.file.path\":\"Checkout.java\",\"code.line.number\":42}",
                written(o -> layout("otel").writeCaller(o, cls, "pay", "Checkout.java", 42)).toString());
        assertEquals("{\"x\":0,\"caller_class_name\":\"com.acme.Checkout\",\"caller_method_name\":\"pay\","
                        + "\"caller_file_name\":\"Checkout.java\",\"caller_line_number\":42}",
                written(o -> layout("logstash").writeCaller(o, cls, "pay", "Checkout.java", 42)).toString());
        assertEquals("{\"x\":0,\"logging.googleapis.com/sourceLocation\":{\"function\":\"com.acme.Checkout.pay\","
                        + "\"file\":\"Checkout.java\",\"line\":42}}",
                written(o -> layout("gcp").writeCaller(o, cls, "pay", "Checkout.java", 42)).toString());
        assertEquals("{\"x\":0,\"logging.googleapis.com/sourceLocation\":{\"function\":\"com.acme.Checkout.pay\"}}",
                written(o -> layout("gcp").writeCaller(o, cls, "pay", null, -1)).toString());
    }

    @Test
    void optionalFieldsCanBeRenamedOrExcluded() throws Exception {
        SchemaLayout l = layout("ecs", null, Map.of("trace.id", "traceId"), Set.of("span.id", "process.thread.name"),
                EnumSet.allOf(Extra.class));
        assertEquals("{\"x\":0,\"traceId\":\"" + TRACE + "\"}", written(o -> l.writeTrace(o, TRACE, SPAN, 1)).toString());
        assertEquals("{\"x\":0}", written(o -> l.writeThreadName(o, "t")).toString());
        assertTrue(l.reservedKeys().isReserved("traceId"));
        assertFalse(l.reservedKeys().isReserved("span.id"));
    }

    @Test
    void optionalFieldNamesAreReservedOnlyWhenOn() {
        assertFalse(layout("ecs", null, Map.of(), Set.of(), Set.of()).reservedKeys().isReserved("trace.id"));
        SchemaLayout on = layout("ecs", null, Map.of(), Set.of(), EnumSet.of(Extra.TRACE, Extra.THREAD, Extra.CALLER));
        assertTrue(on.reservedKeys().isReserved("trace.id"));
        assertTrue(on.reservedKeys().isReserved("trace"));          // a dotted prefix of trace.id
        assertTrue(on.reservedKeys().isReserved("process.thread"));
        assertTrue(on.reservedKeys().isReserved("log.origin.file.line.x"));
        assertFalse(on.reservedKeys().isReserved("traces"));
        SchemaLayout gcp = layout("gcp", null, Map.of(), Set.of(), EnumSet.of(Extra.CALLER));
        assertTrue(gcp.reservedKeys().isReserved("logging.googleapis.com/sourceLocation"));
        assertFalse(gcp.reservedKeys().isReserved("logging")); // GCP reads no dots as paths
    }
}
