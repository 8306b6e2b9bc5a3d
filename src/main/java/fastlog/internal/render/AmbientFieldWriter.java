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
     * The names of the ambient fields. {@code caller} names an object holding the four caller
     * names; when it is null the four are written as top-level fields instead.
     */
    public record Names(String traceId, String spanId, String traceFlags, String thread,
                        String caller, String callerClass, String callerMethod, String callerFile, String callerLine) {

        /** fastlog's own names (the OpenTelemetry log data model's for the trace fields). */
        public static final Names DEFAULT = new Names("trace_id", "span_id", "trace_flags", "thread",
                "caller", "class", "method", "file", "line");
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] traceIdKey;
    private final byte[] spanIdKey;
    private final byte[] traceFlagsKey;
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
        this.spanIdKey = key(scratch, ",", names.spanId());
        this.traceFlagsKey = key(scratch, ",", names.traceFlags());
        this.threadKey = key(scratch, ",", names.thread());
        boolean nested = names.caller() != null;
        this.callerKey = nested ? key(scratch, ",", names.caller()) : null;
        // Inside the object the first member has no comma; write() adds it for the others.
        this.callerClassKey = key(scratch, nested ? "" : ",", names.callerClass());
        this.callerMethodKey = key(scratch, ",", names.callerMethod());
        this.callerFileKey = key(scratch, ",", names.callerFile());
        this.callerLineKey = key(scratch, ",", names.callerLine());
    }

    private static byte[] key(JsonOutput scratch, String prefix, String name) {
        scratch.reset();
        scratch.writeAsciiRaw(prefix);
        scratch.writeKey(name);
        return Arrays.copyOf(scratch.array(), scratch.size());
    }

    /** {@code keys} plus the top-level names of the ambient fields a pipeline captures. */
    public static ReservedKeys reserve(ReservedKeys keys, Names names, boolean trace, boolean thread, boolean caller) {
        ReservedKeys k = keys;
        if (trace) {
            k = k.plus(names.traceId(), names.spanId(), names.traceFlags());
        }
        if (thread) {
            k = k.plus(names.thread());
        }
        if (caller) {
            k = names.caller() != null ? k.plus(names.caller())
                    : k.plus(names.callerClass(), names.callerMethod(), names.callerFile(), names.callerLine());
        }
        return k;
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
        String traceId = source.traceId(token);
        if (traceId != null) {
            out.writeRaw(traceIdKey);
            out.writeString(traceId);
        }
        String spanId = source.spanId(token);
        if (spanId != null) {
            out.writeRaw(spanIdKey);
            out.writeString(spanId);
        }
        int flags = source.traceFlags(token);
        if (flags >= 0) {
            out.writeRaw(traceFlagsKey);
            out.writeByte('"');
            out.writeByte(HEX[flags >>> 4]);
            out.writeByte(HEX[flags & 0xF]);
            out.writeByte('"');
        }
    }

    private void writeThread(JsonOutput out, String name, long id) {
        if (layout != null) {
            layout.writeThreadName(out, name.isEmpty() ? "#" + id : name);
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
        if (callerKey != null) {
            out.writeRaw(callerKey);
            out.writeByte('{');
        }
        out.writeRaw(callerClassKey);
        out.writeString(c.className());
        out.writeRaw(callerMethodKey);
        out.writeString(c.methodName());
        if (c.fileName() != null) {
            out.writeRaw(callerFileKey);
            out.writeString(c.fileName());
        }
        if (c.line() >= 0) {
            out.writeRaw(callerLineKey);
            out.writeLong(c.line());
        }
        if (callerKey != null) {
            out.writeByte('}');
        }
    }
}
