package fastlog.internal.render;

import fastlog.internal.ambient.CallerLocation;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.schema.SchemaLayout;

/**
 * Writes the fields the logging thread captured besides the event's own: the active span's trace
 * id, span id and flags, the thread's name and the caller's location (the record's trailers, see
 * {@link RecordLayout}), under the names of the line's schema ({@link SchemaLayout#writeTrace},
 * {@link SchemaLayout#writeThreadName}, {@link SchemaLayout#writeCaller}); with the default schema a line reads
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
 * The pipeline turns on the schema's names for the fields it captures
 * ({@link SchemaLayout#withExtras}), which reserves them: a user key equal to one is renamed like
 * any reserved key, so a line never holds a key twice. Writer-thread only.
 */
public final class AmbientFieldWriter {

    private final SchemaLayout layout;

    public AmbientFieldWriter(SchemaLayout layout) {
        this.layout = layout;
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
                case RecordLayout.TAG_CALLER -> {
                    CallerLocation c = (CallerLocation) value;
                    layout.writeCaller(out, c.className(), c.methodName(), c.fileName(), c.line());
                }
                default -> {
                    // per-thread fields: written with the user's fields
                }
            }
        }
    }

    private void writeTrace(JsonOutput out, TraceSource source, Object token) {
        String traceId = source.traceId(token);
        String spanId = source.spanId(token);
        if (traceId == null && spanId == null) {
            return; // the provider failed for this token (reported once by TraceSource)
        }
        int flags = source.traceFlags(token);
        layout.writeTrace(out, traceId, spanId, flags < 0 ? 0 : flags);
    }

    /** A thread without a name (virtual threads, by default) as {@code #<thread id>}, the JDK's notation. */
    private void writeThread(JsonOutput out, String name, long id) {
        if (name.isEmpty()) {
            layout.writeUnnamedThread(out, id);
        } else {
            layout.writeThreadName(out, name);
        }
    }
}
