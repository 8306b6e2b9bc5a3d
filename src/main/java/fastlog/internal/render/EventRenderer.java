package fastlog.internal.render;

import java.util.Arrays;
import java.util.HashMap;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.json.JsonValues;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;

/**
 * Renders one record as one JSON line: {@code ts}, {@code level}, {@code logger}, {@code msg},
 * the logger's bound fields, then the call's fields in call order.
 *
 * <p>Fields come in this order: scoped context (outermost scope first), the logger's bound
 * fields, the call's fields. Keys are made unique: a user key equal to a reserved name gets an underscore prefix (see
 * {@link ReservedKeys}), and when the same key occurs more than once (bound and call field, or
 * twice in one call) the last value wins — so call fields override bound fields, which override
 * scoped context — and is written where it was last given. A field whose
 * value cannot be rendered becomes a string saying why; the line stays valid.
 *
 * <p>Writer-thread only: it keeps scratch arrays between events.
 */
public final class EventRenderer {

    private static final String[] LEVEL_NAMES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"};
    /** Above this many fields, duplicate detection uses a hash map instead of a scan. */
    private static final int LINEAR_DEDUP_LIMIT = 24;
    private static final byte[] CLOSE_LINE = {'}', '\n'};

    private final ReservedKeys names;
    private final byte[] openTs;
    private final byte[][] levelFields;
    private final byte[] loggerKey;
    private final byte[] messageKey;
    private final JsonOutput scratch;
    private final EncodedStringCache encodedStrings;
    private final int maxStringLength;
    private String[] keys = new String[32];
    private HashMap<String, Integer> lastIndex;

    public EventRenderer(ReservedKeys names, int maxStringLength) {
        this.names = names;
        this.scratch = new JsonOutput(256, maxStringLength);
        this.encodedStrings = new EncodedStringCache(maxStringLength);
        this.maxStringLength = maxStringLength;
        this.openTs = encode("{", names.timestamp());
        this.loggerKey = encode(",", names.logger());
        this.messageKey = encode(",", names.message());
        this.levelFields = new byte[LEVEL_NAMES.length][];
        for (int i = 0; i < LEVEL_NAMES.length; i++) {
            scratch.reset();
            scratch.writeByte(',');
            scratch.writeKey(names.level());
            scratch.writeString(LEVEL_NAMES[i]);
            levelFields[i] = Arrays.copyOf(scratch.array(), scratch.size());
        }
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
        writePrefix(out, longs, refs, at, header, core);
        ContextFrame context = (ContextFrame) refs[RecordLayout.contextSlot(at)];
        int scoped = context == null ? 0 : context.size();
        int bound = scoped + core.boundCount();
        int fields = RecordLayout.fieldCount(header);
        int n = bound + fields;
        String[] k = keysFor(n);
        for (int i = 0; i < scoped; i++) {
            k[i] = names.rename(wellFormed(context.key(i)));
        }
        for (int i = scoped; i < bound; i++) {
            k[i] = names.rename(wellFormed(core.boundKey(i - scoped)));
        }
        for (int f = 0; f < fields; f++) {
            Object key = refs[RecordLayout.keySlot(at, f)];
            k[bound + f] = names.rename(key == null ? "null" : wellFormed((String) key));
        }
        boolean linear = n <= LINEAR_DEDUP_LIMIT;
        if (!linear) {
            indexLast(k, n);
        }
        for (int j = 0; j < n; j++) {
            if (linear ? repeatedLater(k, j, n) : lastIndex.get(k[j]) != j) {
                continue;
            }
            int fieldMark = out.size();
            out.writeByte(',');
            encodedStrings.write(out, k[j], true);
            try {
                if (j < scoped) {
                    JsonValues.write(out, context.value(j));
                } else if (j < bound) {
                    JsonValues.write(out, core.boundValue(j - scoped));
                } else {
                    writeFieldValue(out, longs, refs, at, j - bound);
                }
            } catch (RuntimeException | StackOverflowError e) {
                out.truncate(fieldMark);
                out.writeByte(',');
                out.writeKey(k[j]);
                out.writeString("<unrenderable value: " + e.getClass().getName() + ">");
            }
        }
        if (k.length > 1024) {
            keys = new String[32]; // don't keep a huge scratch array after one huge event
        } else {
            Arrays.fill(k, 0, n, null);
        }
        out.writeByte('}');
        out.writeByte('\n');
    }

    /** {@code ,"level":"INFO","logger":"auth","msg":} for each level of one logger, made once. */
    private record LinePrefixes(EventRenderer owner, byte[][] byLevel) {
    }

    private byte[] linePrefix(LoggerCore core, int level) {
        if (core.renderCache instanceof LinePrefixes p && p.owner() == this) {
            return p.byLevel()[level];
        }
        byte[][] byLevel = new byte[LEVEL_NAMES.length][];
        for (int i = 0; i < byLevel.length; i++) {
            scratch.reset();
            scratch.writeRaw(levelFields[i]);
            scratch.writeRaw(loggerKey);
            scratch.writeString(core.name());
            scratch.writeRaw(messageKey);
            byLevel[i] = Arrays.copyOf(scratch.array(), scratch.size());
        }
        core.renderCache = new LinePrefixes(this, byLevel);
        return byLevel[level];
    }

    private void writePrefix(JsonOutput out, long[] longs, Object[] refs, int at, long header, LoggerCore core) {
        out.writeRaw(openTs);
        out.writeTimestamp(longs[RecordLayout.timestampSlot(at)]);
        out.writeRaw(linePrefix(core, RecordLayout.levelOrdinal(header)));
        Object msg = refs[RecordLayout.messageSlot(at)];
        if (msg == null) {
            out.writeNull();
        } else {
            encodedStrings.write(out, (String) msg, false);
        }
    }

    private static void writeFieldValue(JsonOutput out, long[] longs, Object[] refs, int at, int field) {
        int tag = (int) longs[RecordLayout.keySlot(at, field)];
        int v = RecordLayout.valueSlot(at, field);
        switch (tag) {
            case RecordLayout.TAG_LONG -> out.writeLong(longs[v]);
            case RecordLayout.TAG_DOUBLE -> out.writeDouble(Double.longBitsToDouble(longs[v]));
            default -> JsonValues.write(out, refs[v]);
        }
    }

    /**
     * The key as it will read once encoded: cut at the maximum string length with an ellipsis,
     * lone surrogates as U+FFFD. Keys are compared for
     * duplicates in this form, since U+D800 and U+DBFF alone both encode as U+FFFD.
     */
    private String wellFormed(String key) {
        if (key.length() > maxStringLength) {
            int cut = maxStringLength;
            if (cut > 0 && Character.isHighSurrogate(key.charAt(cut - 1)) && Character.isLowSurrogate(key.charAt(cut))) {
                cut--; // JsonOutput never splits a pair either
            }
            key = key.substring(0, cut) + '\u2026';
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isSurrogate(key.charAt(i))) {
                return replaceLoneSurrogates(key);
            }
        }
        return key;
    }

    private static String replaceLoneSurrogates(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                b.append(c).append(key.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private String[] keysFor(int n) {
        if (keys.length < n) {
            keys = new String[Math.max(n, keys.length * 2)];
        }
        return keys;
    }

    private static boolean repeatedLater(String[] k, int j, int n) {
        String key = k[j];
        for (int i = j + 1; i < n; i++) {
            if (key.equals(k[i])) {
                return true;
            }
        }
        return false;
    }

    private void indexLast(String[] k, int n) {
        if (lastIndex == null) {
            lastIndex = new HashMap<>();
        }
        lastIndex.clear();
        for (int j = 0; j < n; j++) {
            lastIndex.put(k[j], j);
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
