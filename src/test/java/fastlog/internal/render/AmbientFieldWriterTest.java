package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.api.TraceContextProvider;
import fastlog.internal.ambient.CallerLocation;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.schema.SchemaSpec;
import fastlog.internal.schema.ServiceIdentity;

/**
 * The ambient fields as the record's trailers hold them, written under a schema's names (the default
 * one's, Google Cloud's project-prefixed trace and boolean sampled flag), and the names a pipeline
 * reserves for the fields it captures. Records are laid out by hand, trailers only.
 */
class AmbientFieldWriterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static final TraceContextProvider<String> IDS = new TraceContextProvider<>() {
        @Override
        public String current() {
            return "token";
        }

        @Override
        public String traceId(String span) {
            return "4bf92f3577b34da6a3ce929d0e0e4736";
        }

        @Override
        public String spanId(String span) {
            return "00f067aa0ba902b7";
        }

        @Override
        public int traceFlags(String span) {
            return 1;
        }
    };

    /** The fields written for a record with a trace, thread and caller trailer, as one JSON object. */
    private static JsonNode write(AmbientFieldWriter writer, String thread) throws Exception {
        long[] longs = new long[RecordLayout.slotsFor(3)];
        Object[] refs = new Object[longs.length];
        RecordProtocol.putTrailer(longs, refs, 0, 0, RecordLayout.TAG_TRACE,
                new TraceSource(IDS, new PrintStream(PrintStream.nullOutputStream())), 0L, "token");
        RecordProtocol.putTrailer(longs, refs, 0, 1, RecordLayout.TAG_THREAD, null, 42L, thread);
        RecordProtocol.putTrailer(longs, refs, 0, 2, RecordLayout.TAG_CALLER, null, 0L,
                new CallerLocation("com.acme.Checkout", "place", null, 42));
        JsonOutput out = new JsonOutput(64, 1000);
        out.writeAsciiRaw("{\"first\":0");
        writer.writeAmbientFields(out, longs, refs, 0, 0, 3);
        out.writeByte('}');
        return JACKSON.readTree(new String(out.array(), 0, out.size(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static SchemaLayout layout(String preset, String project, Set<SchemaLayout.Extra> extras) {
        return new SchemaLayout(new SchemaSpec(preset, ServiceIdentity.NONE, project, null, Map.of(), Map.of(), Set.of(),
                extras));
    }

    @Test
    void defaultNamesNestTheCallerAndLeaveOutWhatItLacks() throws Exception {
        JsonNode line = write(new AmbientFieldWriter(layout("default", null, EnumSet.allOf(SchemaLayout.Extra.class))), "");
        assertEquals(List.of("first", "trace_id", "span_id", "trace_flags", "thread", "caller"), names(line));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", line.path("trace_id").asText());
        assertEquals("01", line.path("trace_flags").asText());
        assertEquals("#42", line.path("thread").asText());
        assertEquals(List.of("class", "method", "line"), names(line.path("caller"))); // no file name recorded
        assertEquals(42, line.path("caller").path("line").asInt());
    }

    @Test
    void googleCloudPrefixesTheProjectAndWritesSampledAsABoolean() throws Exception {
        JsonNode line = write(new AmbientFieldWriter(layout("gcp", "p-1", EnumSet.allOf(SchemaLayout.Extra.class))),
                "worker-3");
        assertEquals("projects/p-1/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                line.path("logging.googleapis.com/trace").asText());
        assertEquals("00f067aa0ba902b7", line.path("logging.googleapis.com/spanId").asText());
        assertTrue(line.path("logging.googleapis.com/trace_sampled").asBoolean());
        assertEquals("worker-3", line.path("thread").asText());
        assertEquals(42, line.path("logging.googleapis.com/sourceLocation").path("line").asInt());
    }

    @Test
    void onlyTheNamesOfCapturedFieldsAreReserved() {
        ReservedKeys traceOnly = layout("default", null, EnumSet.of(SchemaLayout.Extra.TRACE)).reservedKeys();
        assertTrue(traceOnly.isReserved("trace_id") && traceOnly.isReserved("span_id") && traceOnly.isReserved("trace_flags"));
        assertFalse(traceOnly.isReserved("thread") || traceOnly.isReserved("caller"));
        ReservedKeys none = layout("default", null, EnumSet.noneOf(SchemaLayout.Extra.class)).reservedKeys();
        assertFalse(none.isReserved("trace_id") || none.isReserved("thread"));
        ReservedKeys ecs = layout("ecs", null, EnumSet.allOf(SchemaLayout.Extra.class)).reservedKeys();
        for (String k : List.of("trace.id", "span.id", "process.thread.name", "log.origin.function", "log.origin.file.line")) {
            assertTrue(ecs.isReserved(k), k);
            assertFalse(ecs.outputName(k).equals(k), k + " moves aside");
        }
    }
}
