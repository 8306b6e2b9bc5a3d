package fastlog.internal.render;

import java.util.Arrays;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;

/**
 * The constant bytes of recently seen line shapes, so that a record like the last one from its
 * call site is written as a few copies between its values. A shape is a logger name, a level, a
 * message (the same String object), and the keys of the scoped context, of the logger's bound
 * fields and of the call (the same String objects, in order): what a call site with literals
 * repeats on every event, whatever the values, the request or the logger instance. For such a line
 * everything but the timestamp and the values is fixed: the header, the message's encoding, each
 * key's encoding, and which fields a repeated key leaves out; {@link EventRenderer} otherwise works
 * all of that out per event (a message and key cache lookup each, the last-wins check). Measured
 * with bench/ab.py: {@code bench/results/ab-line-shapes-render-2026-12-01.json} and
 * {@code ab-line-shapes-writer-2026-12-01.json} (call fields only),
 * {@code ab-line-shapes-scoped-final-2026-12-01.json} (scoped and bound fields too: those lines
 * 143 to 99 ns, a call-fields-only line 65 to 72 ns for the extra checks).
 *
 * <p>Only the common case has a shape, and only the general path writes anything else: the header
 * starts with the timestamp then the message (the default layout and every preset's), the message
 * has at most {@value #MAX_MESSAGE_LENGTH} chars and no arguments, there are no per-thread fields
 * and no trailers (trace, thread, caller), at most {@value #MAX_FIELDS} scoped, bound and call
 * fields, and every key is a String of at most 64 chars (the key cache's limit), not redacted,
 * excluded or the schema's exception. The values, the record's own, are written exactly as on the
 * general path.
 *
 * <p>Direct-mapped on the message's {@link String#hashCode()} (cached inside each String), checked
 * by identity (hashing the logger name and level too cost a 3-field line 3 ns more per render).
 * Shapes that share a message share a slot: one is resident, the others take the general path. A
 * record that does not qualify leaves a shape that says so ({@link Shape#usable} false), so the
 * next record like it is turned away by the same identity checks instead of being examined again.
 * A slot whose shape keeps missing is rebuilt only after {@value #MISSES_BEFORE_REBUILD} misses in
 * a row, so two shapes that share a slot cost an occasional rebuild, not one per event. Memory: at most {@value #SIZE} shapes,
 * each holding a short message, short keys, a logger name and their encodings: no value, and no
 * logger (whose bound values may be a request's). Consumer-role holder only, like the renderer that
 * owns it.
 */
final class LineShapes {

    private static final int SIZE = 256;
    /** The most scoped, bound and call fields a shape has; more go through the general path. */
    private static final int MAX_FIELDS = 16;
    /** Longer messages go through the general path (their encoding is not kept). */
    private static final int MAX_MESSAGE_LENGTH = 256;
    private static final int MISSES_BEFORE_REBUILD = 16;

    /** One shape: see the class comment. Immutable but for {@link #misses}. */
    static final class Shape {
        final String loggerName;
        final int level;
        final String message;
        /** What the record's key slots held (keys as logged; null or other objects for trailers), compared by identity. */
        final Object[] logged;
        /** The scoped context's keys (empty without one), compared by identity. */
        final String[] scoped;
        /** The logger's bound keys (empty without any), compared by identity. */
        final String[] bound;
        /** Whether records of this shape are written through it; if false they take the general path. */
        final boolean usable;
        /**
         * The fields written, in line order (repeated keys resolved: last wins, where last given):
         * {@code f >= 0} is call field f, {@code -1 - i} the context's field i, and
         * {@code BOUND - b} the logger's bound field b ({@link #BOUND}).
         */
        final int[] written;
        /** How many of {@link #written} are scoped or bound fields: they come first, in line order. */
        final int frameFields;
        /** The rendered key of each written field, for the invalid-JSON list. */
        final RenderedKey[] writtenKeys;
        /** The header before the timestamp. */
        final byte[] start;
        /** The header after the timestamp (message included), then the first written field's key if any. */
        final byte[] head;
        /** {@code keyJson[p]} is written field p's {@code ,"key":} (index 0 unused: it is in {@link #head}). */
        final byte[][] keyJson;
        /** Misses of this slot since this shape last matched (writer only). */
        int misses;

        /** A shape that turns records like this one away. */
        Shape(String loggerName, int level, String message, Object[] logged, String[] scoped, String[] bound) {
            this(loggerName, level, message, logged, scoped, bound, null, null, null, null, null);
        }

        Shape(String loggerName, int level, String message, Object[] logged, String[] scoped, String[] bound,
              int[] written, RenderedKey[] writtenKeys, byte[] start, byte[] head, byte[][] keyJson) {
            this.loggerName = loggerName;
            this.level = level;
            this.message = message;
            this.logged = logged;
            this.scoped = scoped;
            this.bound = bound;
            this.usable = written != null;
            this.written = written;
            int frame = 0;
            while (written != null && frame < written.length && written[frame] < 0) {
                frame++;
            }
            this.frameFields = frame;
            this.writtenKeys = writtenKeys;
            this.start = start;
            this.head = head;
            this.keyJson = keyJson;
        }
    }

    private static final String[] NO_KEYS = new String[0];
    /** {@link Shape#written} codes at or below this are bound fields; context codes stay above it. */
    static final int BOUND = -1 - MAX_FIELDS;

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
    // Kept under C2's 325-byte limit for hot methods, so that it inlines into the renderer: the
    // matching and the miss path are methods of their own (at 357 bytes, 1 and 3 fields rendered
    // 6 and 12 ns slower than with call-field-only shapes; figures in issue 16's note).
    Shape find(LoggerCore core, long[] longs, Object[] refs, int at, long header) {
        if (!(refs[RecordLayout.messageSlot(at)] instanceof String msg) || longs[RecordLayout.messageArgsSlot(at)] != 0
                || msg.length() > MAX_MESSAGE_LENGTH) {
            return null;
        }
        int level = RecordLayout.levelOrdinal(header);
        int slot = (msg.hashCode() * 0x9E3779B9) >>> 24; // SIZE == 256
        Shape s = shapes[slot];
        if (s != null && s.message == msg && s.loggerName == core.name() && s.level == level
                && matches(s, core, refs, at, RecordLayout.fieldCount(header))) {
            s.misses = 0;
            if (s.usable) {
                hits++;
                return s;
            }
            return null;
        }
        miss(s, slot, core, msg, refs, at, level, RecordLayout.fieldCount(header));
        return null;
    }

    /** Whether the record's scoped, bound and call keys are {@code s}'s, object for object. */
    private static boolean matches(Shape s, LoggerCore core, Object[] refs, int at, int n) {
        ContextFrame context = (ContextFrame) refs[RecordLayout.contextSlot(at)];
        int m = context == null ? 0 : context.size();
        int b = core.boundCount();
        return s.logged.length == n && s.scoped.length == m && s.bound.length == b && sameKeys(s.logged, refs, at, n)
                && sameScopedKeys(s.scoped, context, m) && sameBoundKeys(s.bound, core, b);
    }

    /** A record whose slot holds another shape or none: rebuilds the slot after enough misses. */
    private void miss(Shape s, int slot, LoggerCore core, String msg, Object[] refs, int at, int level, int n) {
        if (s == null || ++s.misses >= MISSES_BEFORE_REBUILD) {
            Shape built = build(core, msg, refs, at, level, n); // this record takes the general path
            if (built != null) {
                shapes[slot] = built;
            }
        }
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

    /** Whether the context's m keys are the shape's, object for object. */
    private static boolean sameScopedKeys(String[] scoped, ContextFrame context, int m) {
        for (int i = 0; i < m; i++) {
            if (context.key(i) != scoped[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the logger's b bound keys are the shape's, object for object. */
    private static boolean sameBoundKeys(String[] bound, LoggerCore core, int b) {
        for (int i = 0; i < b; i++) {
            if (core.boundKey(i) != bound[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The record's shape: usable if it qualifies (class comment), else one that turns its like
     * away; null (nothing kept) if it has too many fields or a key too long to keep.
     */
    private Shape build(LoggerCore core, String msg, Object[] refs, int at, int level, int n) {
        ContextFrame context = (ContextFrame) refs[RecordLayout.contextSlot(at)];
        int m = context == null ? 0 : context.size();
        int b = core.boundCount();
        int total = m + b + n;
        if (total > MAX_FIELDS) {
            return null;
        }
        for (int j = 0; j < total; j++) {
            if (keyAt(j, context, m, core, b, refs, at) instanceof String k
                    && k.length() > RenderedKeyCache.MAX_CACHED_LENGTH) {
                return null;
            }
        }
        Object[] logged = new Object[n];
        for (int f = 0; f < n; f++) {
            logged[f] = refs[RecordLayout.keySlot(at, f)];
        }
        String[] scoped = m == 0 ? NO_KEYS : new String[m];
        for (int i = 0; i < m; i++) {
            scoped[i] = context.key(i);
        }
        String[] bound = b == 0 ? NO_KEYS : new String[b];
        for (int i = 0; i < b; i++) {
            bound[i] = core.boundKey(i);
        }
        String name = core.name();
        Shape unusable = new Shape(name, level, msg, logged, scoped, bound);
        // Every field in line order: scoped, bound, call (LineFields' order; no per-thread fields here).
        RenderedKey[] all = new RenderedKey[total];
        for (int j = 0; j < total; j++) {
            if (!(keyAt(j, context, m, core, b, refs, at) instanceof String key)) {
                return unusable; // a trailer or a null key (message arguments were excluded before)
            }
            RenderedKey r = renderedKeys.get(key);
            if (r.special || r.redacted) {
                return unusable;
            }
            all[j] = r;
        }
        int[] written = new int[total];
        RenderedKey[] writtenKeys = new RenderedKey[total];
        int w = 0;
        for (int j = 0; j < total; j++) {
            if (!repeatedLater(all, j)) {
                written[w] = j < m ? -1 - j : j < m + b ? BOUND - (j - m) : j - m - b;
                writtenKeys[w++] = all[j];
            }
        }
        written = Arrays.copyOf(written, w);
        writtenKeys = Arrays.copyOf(writtenKeys, w);
        byte[][] keyJson = new byte[w][];
        for (int p = 1; p < w; p++) {
            keyJson[p] = writtenKeys[p].json;
        }
        byte[][] chunks = linePrefixes.get(name)[level];
        JsonOutput h = scratch;
        h.reset();
        h.writeRaw(chunks[1]);
        encodedStrings.write(h, msg);
        h.writeRaw(chunks[2]);
        if (w > 0) {
            h.writeRaw(writtenKeys[0].json);
        }
        return new Shape(name, level, msg, logged, scoped, bound, written, writtenKeys, chunks[0],
                Arrays.copyOf(h.array(), h.size()), keyJson);
    }

    /** Field j's key in line order: scoped ({@code j < m}), bound, then the call's key slots. */
    private static Object keyAt(int j, ContextFrame context, int m, LoggerCore core, int b, Object[] refs, int at) {
        return j < m ? context.key(j) : j < m + b ? core.boundKey(j - m) : refs[RecordLayout.keySlot(at, j - m - b)];
    }

    /** Whether a later key than {@code all[j]} reads the same (then {@code all[j]} is not written). */
    private static boolean repeatedLater(RenderedKey[] all, int j) {
        for (int i = j + 1; i < all.length; i++) {
            if (all[j].sameName(all[i])) {
                return true;
            }
        }
        return false;
    }

    long hits() {
        return hits;
    }
}
