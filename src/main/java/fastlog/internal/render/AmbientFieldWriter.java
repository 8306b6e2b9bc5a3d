package fastlog.internal.render;

import java.util.Arrays;

import fastlog.internal.ambient.CallerLocation;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.schema.SchemaLayout;

/**
 * Writes the fields the logging thread captured besides the event's own: the active span's trace
 * id, span id and flags, the thread's name and the caller's location (the record's trailers, see
 * {@link RecordLayout}). Their names are {@link Names}; with the default ones a line reads
 *
 * <pre>
 * ..."msg":"order placed","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7",
 * "trace_flags":"01","thread":"worker-3","caller":{"class":"com.acme.Checkout","method":"place",
 * "file":"Checkout.java","line":42},...
 * </pre>
 *
 * Each field is present only when the pipeline captures it and it has a value: no span, no trace
 * fields; no file or line in the class file, no {@code file} or {@code line}. A thread without a
 * name (virtual threads, by default) is written as {@code "#<thread id>"}, the JDK's own notation.
 * The names are reserved ({@link #reserve}): a user key equal to one is renamed like any reserved
 * key, so a line never holds a key twice. Writer-thread only.
 */
public final class AmbientFieldWriter {

    /**
     * The names of the ambient fields, for one schema. A null name leaves that field out.
     * {@code caller} names an object holding the four caller fields; when it is null they are
     * written as top-level fields instead.
     *
     * @param traceId the trace id's field
     * @param traceIdPrefix text written before the id inside its string (e.g. {@code projects/P/traces/}), or ""
     * @param spanId the span id's field
     * @param traceFlags the flags' field, two lowercase hex digits
     * @param traceSampled a boolean field for the sampled flag (bit 0), or null
     * @param thread the thread name's field
     */
    public record Names(String traceId, String traceIdPrefix, String spanId, String traceFlags, String traceSampled,
                        String thread,
                        String caller, String callerClass, String callerMethod, String callerFile, String callerLine) {

        /** fastlog's own names (the OpenTelemetry log data model's for the trace fields). */
        public static final Names DEFAULT = new Names("trace_id", "", "span_id", "trace_flags", null,
                "thread", "caller", "class", "method", "file", "line");
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] traceIdKey;
    private final String traceIdPrefix;
    private final byte[] spanIdKey;
    private final byte[] traceFlagsKey;
    private final byte[] traceSampledKey;
    private final byte[] threadKey;
    /** {@code ,"caller":{} or null for flat caller fields. */
    private final byte[] callerKey;
    private final byte[] callerClassKey;
    private final byte[] callerMethodKey;
    private final byte[] callerFileKey;
    private final byte[] callerLineKey;
    /** When set, the fields are written under this schema's names instead (schemas + trace merge). */
    private final SchemaLayout layout;

    /** Writes the fields under the names and in the form of {@code layout}'s schema. */
    public AmbientFieldWriter(SchemaLayout layout) {
        this(Names.DEFAULT, layout);
    }

    public AmbientFieldWriter(Names names) {
        this(names, null);
    }

    private AmbientFieldWriter(Names names, SchemaLayout layout) {
        this.layout = layout;
        JsonOutput scratch = new JsonOutput(64, 1024);
        this.traceIdKey = key(scratch, ",", names.traceId());
        this.traceIdPrefix = names.traceIdPrefix() == null ? "" : names.traceIdPrefix();
        this.spanIdKey = key(scratch, ",", names.spanId());
        this.traceFlagsKey = key(scratch, ",", names.traceFlags());
        this.traceSampledKey = key(scratch, ",", names.traceSampled());
        this.threadKey = key(scratch, ",", names.thread());
        boolean nested = names.caller() != null;
        this.callerKey = nested ? key(scratch, ",", names.caller()) : null;
        // Inside the object the first member has no comma; write() adds it for the others.
        this.callerClassKey = key(scratch, nested ? "" : ",", names.callerClass());
        this.callerMethodKey = key(scratch, ",", names.callerMethod());
        this.callerFileKey = key(scratch, ",", names.callerFile());
        this.callerLineKey = key(scratch, ",", names.callerLine());
    }

    /** {@code prefix"name":} encoded, or null for a null name (the field is left out). */
    private static byte[] key(JsonOutput scratch, String prefix, String name) {
        if (name == null) {
            return null;
        }
        scratch.reset();
        scratch.writeAsciiRaw(prefix);
        scratch.writeKey(name);
        return Arrays.copyOf(scratch.array(), scratch.size());
    }

    /** {@code keys} plus the top-level names of the ambient fields a pipeline captures. */
    public static ReservedKeys reserve(ReservedKeys keys, Names names, boolean trace, boolean thread, boolean caller) {
        java.util.List<String> taken = new java.util.ArrayList<>();
        if (trace) {
            taken.addAll(java.util.Arrays.asList(names.traceId(), names.spanId(), names.traceFlags(), names.traceSampled()));
        }
        if (thread) {
            taken.add(names.thread());
        }
        if (caller) {
            taken.addAll(names.caller() != null ? java.util.List.of(names.caller())
                    : java.util.Arrays.asList(names.callerClass(), names.callerMethod(), names.callerFile(), names.callerLine()));
        }
        taken.removeIf(java.util.Objects::isNull);
        return taken.isEmpty() ? keys : keys.plus(taken.toArray(new String[0]));
    }

    /** {@link #reserve(ReservedKeys, Names, boolean, boolean, boolean)} with the default names. */
    public static ReservedKeys reserve(ReservedKeys keys, boolean trace, boolean thread, boolean caller) {
        return reserve(keys, Names.DEFAULT, trace, thread, caller);
    }

    /**
     * Writes the ambient trailers among fields {@code [from, to)} of the record at {@code at},
     * each as {@code ,"name":value}; other trailers (per-thread fields) are skipped.
     */
    public void writeAmbientFields(JsonOutput out, long[] longs, Object[] refs, int at, int from, int to) {
        for (int f = from; f < to; f++) {
            int k = RecordLayout.keySlot(at, f);
            Object value = refs[k + 1];
            switch ((int) longs[k]) {
                case RecordLayout.TAG_TRACE -> writeTrace(out, (TraceSource) refs[k], value);
                case RecordLayout.TAG_THREAD -> writeThread(out, (String) value, longs[k + 1]);
                case RecordLayout.TAG_CALLER -> writeCaller(out, (CallerLocation) value);
                default -> {
                    // per-thread fields: written with the user's fields
                }
            }
        }
    }

    private void writeTrace(JsonOutput out, TraceSource source, Object token) {
        if (layout != null) {
            layout.writeTrace(out, source.traceId(token), source.spanId(token), source.traceFlags(token));
            return;
        }
        String traceId = traceIdKey == null ? null : source.traceId(token);
        if (traceId != null) {
            out.writeRaw(traceIdKey);
            out.writeString(traceIdPrefix.isEmpty() ? traceId : traceIdPrefix + traceId);
        }
        String spanId = spanIdKey == null ? null : source.spanId(token);
        if (spanId != null) {
            out.writeRaw(spanIdKey);
            out.writeString(spanId);
        }
        int flags = traceFlagsKey == null && traceSampledKey == null ? -1 : source.traceFlags(token);
        if (flags >= 0 && traceFlagsKey != null) {
            out.writeRaw(traceFlagsKey);
            out.writeByte('"');
            out.writeByte(HEX[flags >>> 4]);
            out.writeByte(HEX[flags & 0xF]);
            out.writeByte('"');
        }
        if (flags >= 0 && traceSampledKey != null) {
            out.writeRaw(traceSampledKey);
            out.writeBoolean((flags & 1) != 0);
        }
    }

    private void writeThread(JsonOutput out, String name, long id) {
        if (layout != null) {
            layout.writeThreadName(out, name.isEmpty() ? "#" + id : name);
            return;
        }
        if (threadKey == null) {
            return;
        }
        out.writeRaw(threadKey);
        if (name.isEmpty()) {
            out.writeByte('"');
            out.writeByte('#');
            out.writeLong(id);
            out.writeByte('"');
        } else {
            out.writeString(name);
        }
    }

    private void writeCaller(JsonOutput out, CallerLocation c) {
        if (layout != null) {
            layout.writeCaller(out, c.className(), c.methodName(), c.fileName(), c.line());
            return;
        }
        if (callerClassKey == null) {
            return; // a schema without caller fields (the class name is the one a schema must have)
        }
        if (callerKey != null) {
            out.writeRaw(callerKey);
            out.writeByte('{');
        }
        out.writeRaw(callerClassKey);
        out.writeString(c.className());
        if (callerMethodKey != null) {
            out.writeRaw(callerMethodKey);
            out.writeString(c.methodName());
        }
        if (c.fileName() != null && callerFileKey != null) {
            out.writeRaw(callerFileKey);
            out.writeString(c.fileName());
        }
        if (c.line() >= 0 && callerLineKey != null) {
            out.writeRaw(callerLineKey);
            out.writeLong(c.line());
        }
        if (callerKey != null) {
            out.writeByte('}');
        }
    }
}
