package fastlog.internal.render;

import java.util.Arrays;
import java.util.List;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.schema.SchemaSpec;
import fastlog.internal.value.ValueLimits;

/**
 * Renders one record as one JSON line: {@code ts}, {@code level}, {@code logger}, {@code msg},
 * then the fields: per-thread, scoped, the logger's bound fields, then the call's in call order.
 *
 * <p>Right after {@code msg} come the fields the logging thread captured for the pipeline, if it
 * is set up to: trace ids, thread name, caller location ({@link AmbientFieldWriter}). Then the
 * event's fields, in the order and with the precedence every format shares ({@link LineFields}:
 * per-thread, scoped, bound, call fields; a repeated key keeps its last value, written where it
 * was last given). A user key equal to a reserved name gets an underscore prefix (see
 * {@link ReservedKeys}). A message made from a pattern ({@code logPattern}) is formatted here, from
 * arguments captured by the caller. Values, nested ones included, are written by a
 * {@link ValueWriter}. A value under a redacted key ({@link Redaction}) is written as the mask; the
 * message, like every string value, passes through the redaction patterns. A field whose value
 * cannot be rendered becomes a string saying why; the line stays valid. A line with invalid raw
 * JSON ends with {@code "_invalid_json":[keys]} (underscores added while that key is taken). A
 * record of a recently seen shape (same logger, level, message, scoped and call keys, nothing
 * per-thread or trailing: {@link LineShapes}) is written from that shape's constant bytes and its own
 * timestamp and values: the same line, with less work per event.
 *
 * <p>Only the consumer-role holder renders (the writer thread, or a thread in {@code flush()}):
 * the renderer keeps scratch arrays and caches between events, ordered by the role's hand-over.
 */
public final class EventRenderer implements LineRenderer {

    private static final String INVALID_JSON_KEY = "_invalid_json";

    private final SchemaLayout layout;
    /** The header's per-event values in order ({@link SchemaLayout#TIMESTAMP}, {@link SchemaLayout#MESSAGE}). */
    private final int[] dynamics;
    /** Timestamp then message, the usual order: written without a loop. */
    private final boolean timestampThenMessage;
    /** Scratch text for stack traces the schema writes as one string. */
    private final StringBuilder stackText = new StringBuilder();
    private final JsonOutput scratch;
    private final EncodedStringCache encodedStrings;
    private final LinePrefixCache<byte[][][]> linePrefixes;
    private final MessageFormatting messages = new MessageFormatting();
    private final RenderedKeyCache renderedKeys;
    private final ReservedKeys names;
    private final ValueWriter values;
    private final AmbientFieldWriter ambient;
    private final LineFields fields;
    /** Lines like a recent one written from its constant bytes; null if the header layout has no fast form. */
    private final LineShapes shapes;
    /** Field indexes ({@link LineFields}) of this line's fields whose raw JSON was invalid. */
    private int[] invalidJson = new int[4];
    private int invalidJsonCount;

    /** A renderer with the default value limits and redaction. */
    public EventRenderer(ReservedKeys names, int maxStringLength) {
        this(names, maxStringLength, ValueLimits.DEFAULTS, Redaction.DEFAULT);
    }

    /** The default schema with these four names ({@code fieldNames}). */
    public EventRenderer(ReservedKeys names, int maxStringLength, ValueLimits limits, Redaction redaction) {
        this(fieldNamesLayout(names), maxStringLength, limits, redaction);
    }

    public EventRenderer(SchemaLayout layout, int maxStringLength, ValueLimits limits, Redaction redaction) {
        this(layout, maxStringLength, limits, redaction, true);
    }

    /** @param lineShapes whether to keep {@link LineShapes} (false only to test that they change nothing) */
    EventRenderer(SchemaLayout layout, int maxStringLength, ValueLimits limits, Redaction redaction,
                  boolean lineShapes) {
        this.layout = layout;
        this.ambient = new AmbientFieldWriter(layout);
        this.names = layout.reservedKeys();
        this.scratch = new JsonOutput(256, maxStringLength);
        this.values = new ValueWriter(maxStringLength, limits, redaction);
        this.encodedStrings = new EncodedStringCache(maxStringLength, values.redactsStrings() ? values::redact : null);
        this.renderedKeys = new RenderedKeyCache(names, layout.flatException(), maxStringLength, redaction);
        this.fields = new LineFields(renderedKeys);
        this.dynamics = layout.dynamics();
        this.timestampThenMessage = dynamics.length == 2 && dynamics[0] == SchemaLayout.TIMESTAMP;
        this.linePrefixes = new LinePrefixCache<>(name -> layout.headers(name, maxStringLength));
        this.shapes = lineShapes && timestampThenMessage
                ? new LineShapes(linePrefixes, encodedStrings, renderedKeys, maxStringLength) : null;
    }

    /** Records written through a {@link LineShapes} shape so far (for tests). */
    long lineShapeHits() {
        return shapes == null ? 0 : shapes.hits();
    }

    /** The default schema with the four names {@code names} was made from. */
    private static SchemaLayout fieldNamesLayout(ReservedKeys names) {
        List<String> four = names.fieldNames();
        if (four == null) {
            throw new IllegalArgumentException("a schema's reserved keys come from its SchemaLayout");
        }
        SchemaSpec d = SchemaSpec.of("default");
        return new SchemaLayout(new SchemaSpec(d.preset(), d.identity(), null, four, d.staticFields(), d.renames(),
                d.excludes(), d.extras()));
    }

    /** Appends the record at {@code at} as one line ending in a newline. Never throws. */
    @Override
    public void render(JsonOutput out, long[] longs, Object[] refs, int at, long header) {
        int mark = out.size();
        try {
            renderRecord(out, longs, refs, at, header);
        } catch (Throwable t) {
            out.truncate(mark);
            renderFailure(out, longs, refs, at, header, t);
        } finally {
            fields.close();
        }
    }

    /** A line fastlog writes about itself (e.g. a drop report), as logger "fastlog". */
    @Override
    public void renderInternal(JsonOutput out, long epochMicros, int levelOrdinal, String message,
                               String[] keys, long[] values) {
        writeHeader(out, linePrefixes.get("fastlog")[levelOrdinal], epochMicros, message);
        for (int i = 0; i < keys.length; i++) {
            out.writeByte(',');
            out.writeKey(keys[i]);
            out.writeLong(values[i]);
        }
        out.writeByte('}');
        out.writeByte('\n');
    }

    /** The header with a plain message (or null), for lines fastlog writes itself. */
    private void writeHeader(JsonOutput out, byte[][] chunks, long epochMicros, String message) {
        for (int i = 0; i < dynamics.length; i++) {
            out.writeRaw(chunks[i]);
            if (dynamics[i] == SchemaLayout.TIMESTAMP) {
                out.writeTimestamp(epochMicros);
            } else if (message == null) {
                out.writeNull();
            } else {
                out.writeString(message);
            }
        }
        out.writeRaw(chunks[dynamics.length]);
    }

    private void renderRecord(JsonOutput out, long[] longs, Object[] refs, int at, long header) {
        LoggerCore core = (LoggerCore) refs[at];
        if (shapes != null) {
            LineShapes.Shape shape = shapes.find(core, longs, refs, at, header);
            if (shape != null) {
                renderShaped(out, shape, core, longs, refs, at);
                return;
            }
        }
        LineFields f = fields;
        f.open(longs, refs, at, header, writePrefix(out, longs, refs, at, header, core));
        f.renderKeys();
        f.markWinners();
        if (f.trailersFrom() < f.trailersTo()) {
            ambient.writeAmbientFields(out, longs, refs, at, f.trailersFrom(), f.trailersTo());
        }
        invalidJsonCount = 0;
        int n = f.count();
        RenderedKey[] keys = f.keys();
        boolean[] winners = f.winners();
        int bound = f.bound();
        int first = f.first();
        for (int j = 0; j < n; j++) {
            if (!winners[j]) {
                continue;
            }
            RenderedKey key = keys[j];
            if (key.special && (key.excluded || key.eventException && writeEventException(out, f.objectValue(j)))) {
                continue;
            }
            int fieldMark = out.size();
            out.writeRaw(key.json);
            if (key.redacted) {
                values.writeMask(out);
                continue;
            }
            try {
                if (j >= bound) {
                    writeFieldValue(out, longs, refs, at, j - first);
                } else {
                    values.write(out, f.frameValue(j));
                }
            } catch (RuntimeException | StackOverflowError e) {
                out.truncate(fieldMark);
                out.writeRaw(key.json);
                writeUnrenderable(out, e);
            }
            if (values.takeInvalidJson()) {
                noteInvalidJson(j);
            }
        }
        if (invalidJsonCount > 0) {
            writeInvalidJson(out, keys, n);
        }
        out.writeByte('}');
        out.writeByte('\n');
    }

    /**
     * A record of a known shape ({@link LineShapes}): the constant bytes copied between the
     * timestamp and the values, which are written as {@link #renderRecord} writes them (scoped
     * fields first, then bound, then the call's).
     */
    private void renderShaped(JsonOutput out, LineShapes.Shape shape, LoggerCore core, long[] longs, Object[] refs,
                              int at) {
        out.writeRaw(shape.start);
        out.writeTimestamp(longs[RecordLayout.timestampSlot(at)]);
        out.writeRaw(shape.head); // ends with the first written field's key
        invalidJsonCount = 0;
        int[] written = shape.written;
        byte[][] keyJson = shape.keyJson;
        int w = written.length;
        // The scoped and bound fields come first, in a method of their own so that this loop stays
        // as small as it was before shapes had them (inlined whole: ten call fields 169 vs 194 ns).
        int p = shape.frameFields == 0 ? 0 : writeShapedFrameFields(out, shape, core, refs, at);
        for (; p < w; p++) {
            if (p > 0) {
                out.writeRaw(keyJson[p]);
            }
            int valueMark = out.size();
            try {
                writeFieldValue(out, longs, refs, at, written[p]);
            } catch (RuntimeException | StackOverflowError e) {
                out.truncate(valueMark);
                writeUnrenderable(out, e);
            }
            if (values.takeInvalidJson()) {
                noteInvalidJson(p);
            }
        }
        if (invalidJsonCount > 0) {
            writeInvalidJson(out, shape.writtenKeys, w);
        }
        out.writeByte('}');
        out.writeByte('\n');
    }

    /** The shape's leading scoped and bound fields. @return how many ({@code shape.frameFields}) */
    private int writeShapedFrameFields(JsonOutput out, LineShapes.Shape shape, LoggerCore core, Object[] refs,
                                       int at) {
        ContextFrame context = (ContextFrame) refs[RecordLayout.contextSlot(at)];
        int[] written = shape.written;
        int frameFields = shape.frameFields;
        for (int p = 0; p < frameFields; p++) {
            if (p > 0) {
                out.writeRaw(shape.keyJson[p]);
            }
            int valueMark = out.size();
            int field = written[p];
            try {
                values.write(out, field > LineShapes.BOUND ? context.value(-1 - field)
                        : core.boundValue(LineShapes.BOUND - field));
            } catch (RuntimeException | StackOverflowError e) {
                out.truncate(valueMark);
                writeUnrenderable(out, e);
            }
            if (values.takeInvalidJson()) {
                noteInvalidJson(p);
            }
        }
        return frameFields;
    }

    /** In place of a value whose rendering threw: a string saying so. */
    private void writeUnrenderable(JsonOutput out, Throwable e) {
        out.writeString("<unrenderable value: " + e.getClass().getName() + ">");
        values.takeInvalidJson(); // whatever it found, that value is gone
    }

    /** Writes the line's header (see {@link SchemaLayout}). @return how many leading fields were message arguments */
    private int writePrefix(JsonOutput out, long[] longs, Object[] refs, int at, long header, LoggerCore core) {
        byte[][] chunks = linePrefixes.get(core.name())[RecordLayout.levelOrdinal(header)];
        if (!timestampThenMessage) {
            return writeHeaderInOrder(out, chunks, longs, refs, at);
        }
        out.writeRaw(chunks[0]);
        out.writeTimestamp(longs[RecordLayout.timestampSlot(at)]);
        out.writeRaw(chunks[1]);
        int argc = writeMessage(out, longs, refs, at);
        byte[] rest = chunks[2];
        if (rest.length > 0) {
            out.writeRaw(rest);
        }
        return argc;
    }

    /** {@link #writePrefix} for a header whose timestamp or message is excluded (or comes first). */
    private int writeHeaderInOrder(JsonOutput out, byte[][] chunks, long[] longs, Object[] refs, int at) {
        int argc = 0;
        boolean messageWritten = false;
        for (int i = 0; i < dynamics.length; i++) {
            out.writeRaw(chunks[i]);
            if (dynamics[i] == SchemaLayout.TIMESTAMP) {
                out.writeTimestamp(longs[RecordLayout.timestampSlot(at)]);
            } else {
                argc = writeMessage(out, longs, refs, at);
                messageWritten = true;
            }
        }
        out.writeRaw(chunks[dynamics.length]);
        if (!messageWritten) {
            long messageArgs = longs[RecordLayout.messageArgsSlot(at)];
            argc = messageArgs == 0 ? 0 : RecordLayout.messageArgCount(messageArgs); // the message is excluded
        }
        return argc;
    }

    /** Writes the message value. @return how many leading fields were message arguments */
    private int writeMessage(JsonOutput out, long[] longs, Object[] refs, int at) {
        String msg = (String) refs[RecordLayout.messageSlot(at)];
        long messageArgs = longs[RecordLayout.messageArgsSlot(at)];
        if (messageArgs != 0) {
            int argc = RecordLayout.messageArgCount(messageArgs);
            msg = messages.format(RecordLayout.messageSyntax(messageArgs), msg, refs, at, argc);
            if (msg == null) {
                out.writeNull();
            } else {
                out.writeString(values.redact(msg));
            }
            return argc;
        }
        if (msg == null) {
            out.writeNull();
        } else {
            encodedStrings.write(out, msg); // redacted by the cache, once per distinct message
        }
        return 0;
    }

    /**
     * If {@code v}, the value of a field keyed {@code exception}, is a Throwable, writes it as the
     * schema's exception fields and returns true; otherwise writes nothing and returns false (the
     * value is written as usual).
     */
    private boolean writeEventException(JsonOutput out, Object v) {
        if (!(v instanceof Throwable t)) {
            return false;
        }
        int mark = out.size();
        try {
            layout.writeException(out, t, values::redact, stackText);
        } catch (RuntimeException | StackOverflowError e) {
            out.truncate(mark);
            out.writeRaw(renderedKeys.get(RenderedKeyCache.EXCEPTION).json);
            out.writeString("<unrenderable value: " + e.getClass().getName() + ">");
        }
        if (stackText.length() > 1 << 16) {
            stackText.setLength(0);
            stackText.trimToSize();
        }
        return true;
    }

    private void writeFieldValue(JsonOutput out, long[] longs, Object[] refs, int at, int field) {
        int tag = (int) longs[RecordLayout.keySlot(at, field)];
        int v = RecordLayout.valueSlot(at, field);
        switch (tag) {
            case RecordLayout.TAG_LONG -> out.writeLong(longs[v]);
            case RecordLayout.TAG_DOUBLE -> out.writeDouble(Double.longBitsToDouble(longs[v]));
            default -> values.write(out, refs[v]);
        }
    }

    private void noteInvalidJson(int j) {
        if (invalidJsonCount == invalidJson.length) {
            invalidJson = Arrays.copyOf(invalidJson, 2 * invalidJsonCount);
        }
        invalidJson[invalidJsonCount++] = j;
    }

    /**
     * {@code ,"_invalid_json":["key",...]}, its key renamed off reserved names and the line's other
     * keys ({@code keys[0..n-1]}, which {@link #invalidJson} indexes).
     */
    private void writeInvalidJson(JsonOutput out, RenderedKey[] keys, int n) {
        String name = names.rename(INVALID_JSON_KEY);
        for (boolean taken = true; taken; ) {
            taken = false;
            for (int j = 0; j < n && !taken; j++) {
                taken = keys[j].name.equals(name);
            }
            if (taken) {
                name = names.rename("_" + name);
            }
        }
        out.writeByte(',');
        out.writeKey(name);
        out.writeByte('[');
        for (int i = 0; i < invalidJsonCount; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            out.writeString(keys[invalidJson[i]].name);
        }
        out.writeByte(']');
    }

    private void renderFailure(JsonOutput out, long[] longs, Object[] refs, int at, long header, Throwable t) {
        int mark = out.size();
        try {
            Object core = refs[at];
            Object msg = refs[RecordLayout.messageSlot(at)];
            writeHeader(out, linePrefixes.get(core instanceof LoggerCore c ? c.name() : "fastlog")
                    [RecordLayout.levelOrdinal(header)], longs[RecordLayout.timestampSlot(at)],
                    msg instanceof String s ? s : null);
        } catch (Throwable again) {
            out.truncate(mark);
            out.writeByte('{');
        }
        if (out.size() > mark + 1) {
            out.writeByte(',');
        }
        out.writeKey("fastlog_error");
        out.writeString("event could not be rendered: " + t.getClass().getName());
        out.writeByte('}');
        out.writeByte('\n');
    }
}
