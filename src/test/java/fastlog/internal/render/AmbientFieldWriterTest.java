package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

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

/**
 * The ambient fields under other names than the default ones, as a schema preset sets them: flat
 * caller fields, fields left out (null names), a prefix before the trace id, the sampled flag as a
 * boolean; and the names a preset reserves. Records are laid out by hand, trailers only.
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

    @Test
    void defaultNamesNestTheCallerAndLeaveOutWhatItLacks() throws Exception {
        JsonNode line = write(new AmbientFieldWriter(AmbientFieldWriter.Names.DEFAULT), "");
        assertEquals(List.of("first", "trace_id", "span_id", "trace_flags", "thread", "caller"), names(line));
        assertEquals("#42", line.path("thread").asText());
        assertEquals(List.of("class", "method", "line"), names(line.path("caller"))); // no file name recorded
        assertEquals(42, line.path("caller").path("line").asInt());
    }

    @Test
    void aPresetMayFlattenRenameLeaveOutPrefixAndWriteSampledAsABoolean() throws Exception {
        AmbientFieldWriter.Names gcpLike = new AmbientFieldWriter.Names("logging.googleapis.com/trace",
                "projects/p-1/traces/", "logging.googleapis.com/spanId", null, "logging.googleapis.com/trace_sampled",
                "thread_name", null, "caller_class_name", "caller_method_name", null, "caller_line_number");
        JsonNode line = write(new AmbientFieldWriter(gcpLike), "worker-3");
        assertEquals(List.of("first", "logging.googleapis.com/trace", "logging.googleapis.com/spanId",
                "logging.googleapis.com/trace_sampled", "thread_name", "caller_class_name", "caller_method_name",
                "caller_line_number"), names(line));
        assertEquals("projects/p-1/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                line.path("logging.googleapis.com/trace").asText());
        assertTrue(line.path("logging.googleapis.com/trace_sampled").asBoolean());
        assertEquals("worker-3", line.path("thread_name").asText());
        assertEquals(42, line.path("caller_line_number").asInt());
    }

    @Test
    void onlyTheNamesOfCapturedFieldsAreReserved() {
        ReservedKeys base = new ReservedKeys("ts", "level", "logger", "msg");
        ReservedKeys traceOnly = AmbientFieldWriter.reserve(base, true, false, false);
        assertTrue(traceOnly.isReserved("trace_id") && traceOnly.isReserved("span_id") && traceOnly.isReserved("trace_flags"));
        assertFalse(traceOnly.isReserved("thread") || traceOnly.isReserved("caller"));
        ReservedKeys flat = AmbientFieldWriter.reserve(base, new AmbientFieldWriter.Names("trace.id", "", "span.id", null, null,
                "process.thread.name", null, "log.origin.class", "log.origin.function", null, "log.origin.file.line"),
                true, true, true);
        for (String k : List.of("trace.id", "span.id", "process.thread.name", "log.origin.class", "log.origin.function",
                "log.origin.file.line")) {
            assertTrue(flat.isReserved(k), k);
        }
        assertEquals("_trace.id", flat.rename("trace.id"));
        assertFalse(flat.isReserved("trace_flags"));
        assertEquals(base.isReserved("thread"), AmbientFieldWriter.reserve(base, false, false, false).isReserved("thread"));
    }
}
