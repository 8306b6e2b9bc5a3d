package fastlog.internal.render;

import java.util.Arrays;
import java.util.HashMap;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ThreadFieldsFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.level.Levels;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.value.ValueLimits;

/**
 * Renders one record as one JSON line: {@code ts}, {@code level}, {@code logger}, {@code msg},
 * the logger's bound fields, then the call's fields in call order.
 *
 * <p>Right after {@code msg} come the fields the logging thread captured for the pipeline, if it
 * is set up to: trace ids, thread name, caller location ({@link AmbientFieldWriter}). Then the
 * event's fields come in this order: the thread's per-thread fields ({@code ThreadFields}, the MDC),
 * scoped context (outermost scope first), the logger's bound fields, the call's fields. Keys are
 * made unique: a user key equal to a reserved name gets an underscore prefix (see
 * {@link ReservedKeys}), and when the same key occurs more than once (bound and call field, or
 * twice in one call) the last value wins, so the closer to the call site a field is given, the
 * higher its precedence (call over bound over scoped over per-thread), and it is written where it
 * was last given. A message made from a pattern ({@code logPattern}) is formatted here, from
 * arguments captured by the caller. Values, nested ones included, are written by a
 * {@link ValueWriter}. A value under a redacted key ({@link Redaction}) is written as the mask; the
 * message, like every string value, passes through the redaction patterns. A field whose value
 * cannot be rendered becomes a string saying why; the line stays valid. A line with invalid raw
 * JSON ends with {@code "_invalid_json":[keys]} (underscores added while that key is taken).
 *
 * <p>Only the consumer-role holder renders (the writer thread, or a thread in {@code flush()}):
 * the renderer keeps scratch arrays and caches between events, ordered by the role's hand-over.
 */
public final class EventRenderer {

    /** Above this many fields, duplicate detection uses a hash map instead of a scan. */
    private static final int LINEAR_DEDUP_LIMIT = 24;
    private static final String INVALID_JSON_KEY = "_invalid_json";

    private final byte[] openTs;
    private final byte[][] levelFields;
    private final byte[] loggerKey;
    private final byte[] messageKey;
    private final JsonOutput scratch;
    private final EncodedStringCache encodedStrings;
    private final LinePrefixCache linePrefixes;
    private final MessageFormatting messages = new MessageFormatting();
    private final RenderedKeyCache renderedKeys;
    private final ReservedKeys names;
    private final ValueWriter values;
    private final AmbientFieldWriter ambient = new AmbientFieldWriter(AmbientFieldWriter.Names.DEFAULT);
    private RenderedKey[] keys = new RenderedKey[32];
    /** {@code keys[i].hash}, side by side, so the duplicate scan compares ints in one array. */
    private int[] hashes = new int[32];
    private HashMap<String, Integer> lastIndex;
    /** Indexes into {@link #keys} of this line's fields whose raw JSON was invalid. */
    private int[] invalidJson = new int[4];
    private int invalidJsonCount;

    /** A renderer with the default value limits and redaction. */
    public EventRenderer(ReservedKeys names, int maxStringLength) {
        this(names, maxStringLength, ValueLimits.DEFAULTS, Redaction.DEFAULT);
    }

    public EventRenderer(ReservedKeys names, int maxStringLength, ValueLimits limits, Redaction redaction) {
        this.names = names;
        this.scratch = new JsonOutput(256, maxStringLength);
        this.values = new ValueWriter(maxStringLength, limits, redaction);
        this.encodedStrings = new EncodedStringCache(maxStringLength, values.redactsStrings() ? values::redact : null);
        this.renderedKeys = new RenderedKeyCache(names, maxStringLength, redaction);
        this.openTs = encode("{", names.timestamp());
        this.loggerKey = encode(",", names.logger());
        this.messageKey = encode(",", names.message());
        this.levelFields = new byte[Levels.COUNT][];
        for (int i = 0; i < Levels.COUNT; i++) {
            scratch.reset();
            scratch.writeByte(',');
            scratch.writeKey(names.level());
            scratch.writeString(Levels.name(i));
            levelFields[i] = Arrays.copyOf(scratch.array(), scratch.size());
        }
        this.linePrefixes = new LinePrefixCache(this::linePrefixes);
    }

    private byte[] encode(String prefix, String key) {
        scratch.reset();
        scratch.writeAsciiRaw(prefix);
        scratch.writeKey(key);
        return Arrays.copyOf(scratch.array(), scratch.size());
    }

    /** Appends the record at {@code at} as one line ending in a newline. Never throws. */
    public void render(JsonOutput out, long[] longs, Object[] refs, int at, long header) {
        int mark = out.size();
        try {
            renderRecord(out, longs, refs, at, header);
        } catch (Throwable t) {
            out.truncate(mark);
            renderFailure(out, longs, refs, at, header, t);
        }
    }

    /** A line fastlog writes about itself (e.g. a drop report), as logger "fastlog". */
    public void renderInternal(JsonOutput out, long epochMicros, int levelOrdinal, String message,
                               String[] keys, long[] values) {
        out.writeRaw(openTs);
        out.writeTimestamp(epochMicros);
        out.writeRaw(levelFields[levelOrdinal]);
        out.writeRaw(loggerKey);
        out.writeString("fastlog");
        out.writeRaw(messageKey);
        out.writeString(message);
        for (int i = 0; i < keys.length; i++) {
            out.writeByte(',');
            out.writeKey(keys[i]);
            out.writeLong(values[i]);
        }
        out.writeByte('}');
        out.writeByte('\n');
    }

    private void renderRecord(JsonOutput out, long[] longs, Object[] refs, int at, long header) {
        LoggerCore core = (LoggerCore) refs[at];
        int argc = writePrefix(out, longs, refs, at, header, core);
        int fields = RecordLayout.fieldCount(header);
        ThreadFieldsFrame threadFields = null;
        if (fields > 0 && longs[RecordLayout.keySlot(at, fields - 1)] == RecordLayout.TAG_THREAD_FIELDS) {
            threadFields = (ThreadFieldsFrame) refs[RecordLayout.valueSlot(at, --fields)];
        }
        int trailers = fields;
        while (fields > argc && RecordLayout.isTrailer((int) longs[RecordLayout.keySlot(at, fields - 1)])) {
            fields--;
        }
        if (fields < trailers) {
            ambient.writeAmbientFields(out, longs, refs, at, fields, trailers);
        }
        ContextFrame context = (ContextFrame) refs[RecordLayout.contextSlot(at)];
        int perThread = threadFields == null ? 0 : threadFields.size();
        int scoped = perThread + (context == null ? 0 : context.size());
        int bound = scoped + core.boundCount();
        int first = bound - argc; // index j of call field f is first + f; fields 0..argc-1 are message arguments
        int n = first + fields;
        RenderedKey[] k = keysFor(n);
        int[] h = hashes;
        long uncachedBefore = renderedKeys.uncachedMade();
        for (int i = 0; i < perThread; i++) {
            h[i] = (k[i] = renderedKeys.get(threadFields.key(i))).hash;
        }
        for (int i = perThread; i < scoped; i++) {
            h[i] = (k[i] = renderedKeys.get(context.key(i - perThread))).hash;
        }
        for (int i = scoped; i < bound; i++) {
            h[i] = (k[i] = renderedKeys.get(core.boundKey(i - scoped))).hash;
        }
        for (int f = argc; f < fields; f++) {
            h[first + f] = (k[first + f] = renderedKeys.get((String) refs[RecordLayout.keySlot(at, f)])).hash;
        }
        boolean linear = n <= LINEAR_DEDUP_LIMIT;
        if (!linear) {
            indexLast(k, n);
        }
        invalidJsonCount = 0;
        for (int j = 0; j < n; j++) {
            RenderedKey key = k[j];
            if (linear ? repeatedLater(k, h, j, n) : lastIndex.get(key.name) != j) {
                continue;
            }
            int fieldMark = out.size();
            out.writeRaw(key.json);
            if (key.redacted) {
                values.writeMask(out);
                continue;
            }
            try {
                if (j < perThread) {
                    values.write(out, threadFields.value(j));
                } else if (j < scoped) {
                    values.write(out, context.value(j - perThread));
                } else if (j < bound) {
                    values.write(out, core.boundValue(j - scoped));
                } else {
                    writeFieldValue(out, longs, refs, at, j - first);
                }
            } catch (RuntimeException | StackOverflowError e) {
                out.truncate(fieldMark);
                out.writeRaw(key.json);
                out.writeString("<unrenderable value: " + e.getClass().getName() + ">");
                values.takeInvalidJson(); // whatever it found, that value is gone
            }
            if (values.takeInvalidJson()) {
                noteInvalidJson(j);
            }
        }
        if (invalidJsonCount > 0) {
            writeInvalidJson(out, k, n);
        }
        if (k.length > 1024) {
            keys = new RenderedKey[32]; // don't keep a huge scratch array after one huge event
            hashes = new int[32];
        } else if (renderedKeys.uncachedMade() != uncachedBefore) {
            Arrays.fill(k, 0, n, null); // don't keep a long key alive after its event
        }
        // Otherwise k keeps its references: the cache holds those keys anyway.
        out.writeByte('}');
        out.writeByte('\n');
    }

    /** {@code ,"level":"INFO","logger":"auth","msg":} for each level of the logger {@code name}. */
    private byte[][] linePrefixes(String name) {
        byte[][] byLevel = new byte[Levels.COUNT][];
        for (int i = 0; i < byLevel.length; i++) {
            scratch.reset();
            scratch.writeRaw(levelFields[i]);
            scratch.writeRaw(loggerKey);
            scratch.writeString(name);
            scratch.writeRaw(messageKey);
            byLevel[i] = Arrays.copyOf(scratch.array(), scratch.size());
        }
        return byLevel;
    }

    /** Writes the line up to the message, included. @return how many leading fields were message arguments */
    private int writePrefix(JsonOutput out, long[] longs, Object[] refs, int at, long header, LoggerCore core) {
        out.writeRaw(openTs);
        out.writeTimestamp(longs[RecordLayout.timestampSlot(at)]);
        out.writeRaw(linePrefixes.get(core.name())[RecordLayout.levelOrdinal(header)]);
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

    /** {@code ,"_invalid_json":["key",...]}, its key renamed off reserved names and the line's other keys. */
    private void writeInvalidJson(JsonOutput out, RenderedKey[] k, int n) {
        String name = names.rename(INVALID_JSON_KEY);
        for (boolean taken = true; taken; ) {
            taken = false;
            for (int j = 0; j < n && !taken; j++) {
                taken = k[j].name.equals(name);
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
            out.writeString(k[invalidJson[i]].name);
        }
        out.writeByte(']');
    }

    /** The key scratch array, and {@link #hashes} beside it, with room for {@code n}. */
    private RenderedKey[] keysFor(int n) {
        if (keys.length < n) {
            int length = Math.max(n, keys.length * 2);
            keys = new RenderedKey[length];
            hashes = new int[length];
        }
        return keys;
    }

    /** Whether a later key reads the same as {@code k[j]}; {@code h} holds their hashes. */
    private static boolean repeatedLater(RenderedKey[] k, int[] h, int j, int n) {
        int hash = h[j];
        for (int i = j + 1; i < n; i++) {
            if (h[i] == hash && k[j].sameName(k[i])) {
                return true;
            }
        }
        return false;
    }

    private void indexLast(RenderedKey[] k, int n) {
        if (lastIndex == null) {
            lastIndex = new HashMap<>();
        }
        lastIndex.clear();
        for (int j = 0; j < n; j++) {
            lastIndex.put(k[j].name, j);
        }
    }

    private void renderFailure(JsonOutput out, long[] longs, Object[] refs, int at, long header, Throwable t) {
        int mark = out.size();
        try {
            out.writeRaw(openTs);
            out.writeTimestamp(longs[RecordLayout.timestampSlot(at)]);
            out.writeRaw(levelFields[RecordLayout.levelOrdinal(header)]);
            out.writeRaw(loggerKey);
            Object core = refs[at];
            out.writeString(core instanceof LoggerCore c ? c.name() : "fastlog");
            out.writeRaw(messageKey);
            Object msg = refs[RecordLayout.messageSlot(at)];
            if (msg instanceof String s) {
                out.writeString(s);
            } else {
                out.writeNull();
            }
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
