package fastlog.internal.render;

import java.util.Arrays;

import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;

/**
 * The constant bytes of recently seen line shapes, so that a record like the last one from its
 * call site is written as a few copies between its values. A shape is a logger, a level, a
 * message (the same String object) and the call's keys (the same String objects, in order): what
 * a call site with literals repeats on every event. For such a line everything but the timestamp
 * and the values is fixed: the header, the message's encoding, each key's encoding, and that no
 * key repeats; {@link EventRenderer} otherwise works all of that out per event (a message and key
 * cache lookup each, the last-wins check). Render CPU per line 89 to 66 ns for three fields, 217 to
 * 164 for ten ({@code bench/results/ab-line-shapes-render-2026-12-01.json}); writer capacity for
 * three fields 124 to 94 ns ({@code ab-line-shapes-writer-2026-12-01.json}).
 *
 * <p>Only the plain case has a shape, and only the general path writes anything else: the header
 * starts with the timestamp then the message (the default layout and every preset's), the message
 * has no arguments, there is no scoped context, no bound fields, no per-thread fields and no
 * trailers (trace, thread, caller), at most {@value #MAX_FIELDS} fields, and every key is a String
 * of at most 64 chars, not redacted, excluded or the schema's exception, and distinct from the
 * others once rendered. The values are written exactly as on the general path.
 *
 * <p>Direct-mapped on the message's {@link String#hashCode()} (cached inside each String), checked
 * by identity. A record that does not qualify leaves a shape that says so ({@link Shape#usable}
 * false), so the next record like it is turned away by the same identity checks instead of being
 * examined again. A slot whose shape keeps missing is rebuilt only after
 * {@value #MISSES_BEFORE_REBUILD} misses in a row, so two shapes that share a slot cost an
 * occasional rebuild, not one per event. Memory: at most {@value #SIZE} shapes, each holding its
 * logger, message and keys (short ones: the key cache's limit) and their encodings.
 * Consumer-role holder only, like the renderer that owns it.
 */
final class LineShapes {

    private static final int SIZE = 256;
    /** The most call fields a shape has; more go through the general path. */
    static final int MAX_FIELDS = 16;
    /** Longer messages go through the general path (their encoding is not kept). */
    private static final int MAX_MESSAGE_LENGTH = 256;
    private static final int MISSES_BEFORE_REBUILD = 16;

    /** One shape: see the class comment. Immutable but for {@link #misses}. */
    static final class Shape {
        final LoggerCore core;
        final int level;
        final String message;
        /** What the record's key slots held (keys as logged; null or other objects for trailers), compared by identity. */
        final Object[] logged;
        /** Whether records of this shape are written through it; if false they take the general path. */
        final boolean usable;
        /** The rendered keys, for the invalid-JSON list and a value that fails. */
        final RenderedKey[] keys;
        /** The header before the timestamp. */
        final byte[] start;
        /** The header after the timestamp (message included), then the first key if any. */
        final byte[] head;
        /** {@code keyJson[f]} is key f's {@code ,"key":} (index 0 unused: it is in {@link #head}). */
        final byte[][] keyJson;
        /** Misses of this slot since this shape last matched (writer only). */
        int misses;

        Shape(LoggerCore core, int level, String message, Object[] logged, RenderedKey[] keys, byte[] start,
              byte[] head, byte[][] keyJson) {
            this.core = core;
            this.level = level;
            this.message = message;
            this.logged = logged;
            this.usable = keys != null;
            this.keys = keys;
            this.start = start;
            this.head = head;
            this.keyJson = keyJson;
        }
    }

    private final Shape[] shapes = new Shape[SIZE];
    private final LinePrefixCache<byte[][][]> linePrefixes;
    private final EncodedStringCache encodedStrings;
    private final RenderedKeyCache renderedKeys;
    private final JsonOutput scratch;
    /** Records written through a shape (tests check that the shape path is taken). */
    private long hits;

    LineShapes(LinePrefixCache<byte[][][]> linePrefixes, EncodedStringCache encodedStrings,
               RenderedKeyCache renderedKeys, int maxStringLength) {
        this.linePrefixes = linePrefixes;
        this.encodedStrings = encodedStrings;
        this.renderedKeys = renderedKeys;
        this.scratch = new JsonOutput(256, maxStringLength);
    }

    /**
     * The shape of the record at {@code at} if it has one, else null. The header layout must be
     * timestamp then message (the caller checks).
     */
    Shape find(LoggerCore core, long[] longs, Object[] refs, int at, long header) {
        if (!(refs[RecordLayout.messageSlot(at)] instanceof String msg)
                || longs[RecordLayout.messageArgsSlot(at)] != 0 || refs[RecordLayout.contextSlot(at)] != null) {
            return null;
        }
        int slot = (msg.hashCode() * 0x9E3779B9) >>> 24; // top 8 bits: SIZE == 256
        Shape s = shapes[slot];
        int n = RecordLayout.fieldCount(header);
        if (s != null && s.message == msg && s.core == core && s.level == RecordLayout.levelOrdinal(header)
                && s.logged.length == n && sameKeys(s.logged, refs, at, n)) {
            s.misses = 0;
            if (s.usable) {
                hits++;
                return s;
            }
            return null;
        }
        if (s == null || ++s.misses >= MISSES_BEFORE_REBUILD) {
            shapes[slot] = build(core, msg, refs, at, header, n); // this record takes the general path
        }
        return null;
    }

    /** Whether the record's n key slots hold the shape's objects, one for one. */
    private static boolean sameKeys(Object[] logged, Object[] refs, int at, int n) {
        for (int f = 0; f < n; f++) {
            if (refs[RecordLayout.keySlot(at, f)] != logged[f]) {
                return false;
            }
        }
        return true;
    }

    /** The record's shape: usable if it qualifies (class comment), else one that turns its like away. */
    private Shape build(LoggerCore core, String msg, Object[] refs, int at, long header, int n) {
        int level = RecordLayout.levelOrdinal(header);
        Object[] logged = new Object[n];
        for (int f = 0; f < n; f++) {
            logged[f] = refs[RecordLayout.keySlot(at, f)];
        }
        Shape unusable = new Shape(core, level, msg, logged, null, null, null, null);
        if (n > MAX_FIELDS || msg.length() > MAX_MESSAGE_LENGTH || core.boundCount() != 0) {
            return unusable;
        }
        RenderedKey[] keys = new RenderedKey[n];
        for (int f = 0; f < n; f++) {
            if (!(logged[f] instanceof String key) || key.length() > RenderedKeyCache.MAX_CACHED_LENGTH) {
                return unusable; // a trailer, a null key (message arguments were excluded before), a long key
            }
            RenderedKey k = renderedKeys.get(key);
            if (k.special || k.redacted) {
                return unusable;
            }
            for (int g = 0; g < f; g++) {
                if (keys[g].sameName(k)) {
                    return unusable; // a repeated key: last wins, decided per event
                }
            }
            keys[f] = k;
        }
        byte[][] chunks = linePrefixes.get(core.name())[level];
        JsonOutput h = scratch;
        h.reset();
        h.writeRaw(chunks[1]);
        encodedStrings.write(h, msg);
        h.writeRaw(chunks[2]);
        if (n > 0) {
            h.writeRaw(keys[0].json);
        }
        byte[][] keyJson = new byte[n][];
        for (int f = 1; f < n; f++) {
            keyJson[f] = keys[f].json;
        }
        return new Shape(core, level, msg, logged, keys, chunks[0], Arrays.copyOf(h.array(), h.size()), keyJson);
    }

    long hits() {
        return hits;
    }
}
