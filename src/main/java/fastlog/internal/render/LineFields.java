package fastlog.internal.render;

import java.util.Arrays;
import java.util.HashMap;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ThreadFieldsFrame;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;

/**
 * The fields of one event in the order every line format writes them, each key once: the
 * thread's per-thread fields, the scoped context (outermost scope first), the logger's bound
 * fields, then the call's fields in call order. When a key occurs more than once the last
 * occurrence wins and is written where it was last given, so the closer to the call site a field
 * is given, the higher its precedence (call over bound over scoped over per-thread). Keys are
 * compared as rendered ({@link RenderedKey}: renamed off reserved names, made well-formed).
 *
 * <p>A renderer {@link #open opens} a record after writing its message ({@link #renderKeys},
 * {@link #markWinners}), then walks the indexes
 * {@code 0 <= j < }{@link #count()}, skipping those that are not {@link #winners() winners}.
 * Index {@code j} is a call field when {@code j >= }{@link #bound()} (record field
 * {@code j - }{@link #first()}: its tag and slots are in the record), else a value held by a frame
 * or the logger ({@link #frameValue}). The record's trailers (trace, thread, caller:
 * {@link #trailersFrom()} to {@link #trailersTo()}) and its leading message arguments are not among
 * the indexes. The renderers copy the arrays and bounds into locals once per event: read through
 * methods on every field, they cost a one-field render nothing but a three-field one about 10 ns
 * ({@code bench/results/ab-linefields-json-render-2026-12-01.json}).
 *
 * <p>One per renderer: it keeps scratch arrays between events, so only the consumer-role holder
 * uses it, like the renderer that owns it.
 */
final class LineFields {

    /** Above this many fields, duplicate detection uses a hash map instead of a scan. */
    private static final int LINEAR_DEDUP_LIMIT = 24;

    private final RenderedKeyCache renderedKeys;
    private RenderedKey[] keys = new RenderedKey[32];
    /** {@code keys[i].hash}, side by side, so the duplicate scan compares ints in one array. */
    private int[] hashes = new int[32];
    /** Whether field j is written: no later field has the same key. */
    private boolean[] winners = new boolean[32];
    private HashMap<String, Integer> lastIndex;

    // The open record.
    private long[] longs;
    private Object[] refs;
    private int at;
    private ThreadFieldsFrame threadFields;
    private ContextFrame context;
    private LoggerCore core;
    private int perThread;
    private int scoped;
    private int bound;
    /** Index j of call field f is {@code first + f}. */
    private int first;
    private int count;
    private int trailersFrom;
    private int trailersTo;
    /** Leading message arguments, and the end of the call's fields (before the trailers). */
    private int argc;
    private int callEnd;
    private long uncachedBefore;

    LineFields(RenderedKeyCache renderedKeys) {
        this.renderedKeys = renderedKeys;
    }

    /**
     * Reads the record at {@code at}: where its call fields end and its trailers are. Then
     * {@link #renderKeys} and {@link #markWinners}.
     *
     * @param argc how many leading fields are message arguments (not written as fields)
     */
    void open(long[] longs, Object[] refs, int at, long header, int argc) {
        this.longs = longs;
        this.refs = refs;
        this.at = at;
        LoggerCore core = (LoggerCore) refs[at];
        this.core = core;
        int fields = callFields(longs, refs, at, RecordLayout.fieldCount(header), argc);
        ThreadFieldsFrame threadFields = this.threadFields;
        ContextFrame context = (ContextFrame) refs[RecordLayout.contextSlot(at)];
        this.context = context;
        int perThread = threadFields == null ? 0 : threadFields.size();
        int scoped = perThread + (context == null ? 0 : context.size());
        int bound = scoped + core.boundCount();
        int first = bound - argc; // fields 0..argc-1 are message arguments
        int n = first + fields;
        this.perThread = perThread;
        this.scoped = scoped;
        this.bound = bound;
        this.first = first;
        this.count = n;
        this.argc = argc;
        this.callEnd = fields;
        ensureRoom(n);
        uncachedBefore = renderedKeys.uncachedMade();
    }

    /** After {@link #open}: renders every key ({@link #keys()}). */
    void renderKeys() {
        RenderedKey[] k = keys;
        int[] h = hashes;
        if (bound > 0) {
            frameKeys(k, h, threadFields, context, core);
        }
        int first = this.first;
        long[] longs = this.longs;
        Object[] refs = this.refs;
        int at = this.at;
        for (int f = argc, end = callEnd; f < end; f++) {
            h[first + f] = (k[first + f] = renderedKeys.get((String) refs[RecordLayout.keySlot(at, f)])).hash;
        }
    }

    /** After {@link #renderKeys}: marks the winners ({@link #winners()}), the last occurrence of each key. */
    void markWinners() {
        RenderedKey[] k = keys;
        int n = count;
        if (n <= LINEAR_DEDUP_LIMIT) {
            int[] h = hashes;
            boolean[] w = winners;
            for (int j = 0; j < n; j++) {
                w[j] = !repeatedLater(k, h, j, n);
            }
        } else {
            indexWinners(k, n);
        }
    }

    /**
     * Sets {@link #threadFields} and the trailer range from the record's last fields.
     *
     * @return the record's fields before its trailers (message arguments included)
     */
    private int callFields(long[] longs, Object[] refs, int at, int fields, int argc) {
        ThreadFieldsFrame threadFields = null;
        if (fields > 0 && longs[RecordLayout.keySlot(at, fields - 1)] == RecordLayout.TAG_THREAD_FIELDS) {
            threadFields = (ThreadFieldsFrame) refs[RecordLayout.valueSlot(at, --fields)];
        }
        this.threadFields = threadFields;
        trailersTo = fields;
        while (fields > argc && RecordLayout.isTrailer((int) longs[RecordLayout.keySlot(at, fields - 1)])) {
            fields--;
        }
        trailersFrom = fields;
        return fields;
    }

    // open, renderKeys and markWinners are three calls, and the rare paths are methods of their own,
    // so that the JIT inlines each into the renderers. As one method of 568 bytes of bytecode it was
    // "hot method too big"; split to 321 bytes, its code compiled on its own inlined the key cache
    // and grew past what callers inline ("already compiled into a big method"): a call per event,
    // +13 ns CPU on a three-field JSON render (bench/results/ab-linefields-final-json-render-2026-12-01.json).

    /** The keys of the per-thread, scoped and bound fields, indexes {@code 0..bound - 1}. */
    private void frameKeys(RenderedKey[] k, int[] h, ThreadFieldsFrame threadFields, ContextFrame context,
                           LoggerCore core) {
        for (int i = 0; i < perThread; i++) {
            h[i] = (k[i] = renderedKeys.get(threadFields.key(i))).hash;
        }
        for (int i = perThread; i < scoped; i++) {
            h[i] = (k[i] = renderedKeys.get(context.key(i - perThread))).hash;
        }
        for (int i = scoped; i < bound; i++) {
            h[i] = (k[i] = renderedKeys.get(core.boundKey(i - scoped))).hash;
        }
    }

    /** The winners of more than {@value #LINEAR_DEDUP_LIMIT} fields, by a map of each key's last index. */
    private void indexWinners(RenderedKey[] k, int n) {
        indexLast(k, n);
        boolean[] w = winners;
        for (int j = 0; j < n; j++) {
            w[j] = lastIndex.get(k[j].name) == j;
        }
    }

    /** The first trailer field (trace, thread, caller), or {@link #trailersTo()} if none. */
    int trailersFrom() {
        return trailersFrom;
    }

    /** After the last trailer field (the per-thread fields trailer excluded: those are fields here). */
    int trailersTo() {
        return trailersTo;
    }

    /** How many field indexes the open record has, repeated keys included. */
    int count() {
        return count;
    }

    /** The fields' rendered keys, by index ({@code 0..count() - 1}; the array may be longer). */
    RenderedKey[] keys() {
        return keys;
    }

    /** Whether each field is written (no later field has the same key), by index. */
    boolean[] winners() {
        return winners;
    }

    /** The first call field's index: indexes below it are per-thread, scoped or bound fields. */
    int bound() {
        return bound;
    }

    /** Index {@code j >= bound()} is record field {@code j - first()} ({@link RecordLayout#keySlot}). */
    int first() {
        return first;
    }

    /** The value of field {@code j}, which is not a call field: per-thread, scoped or bound. */
    Object frameValue(int j) {
        if (j < perThread) {
            return threadFields.value(j);
        }
        if (j < scoped) {
            return context.value(j - perThread);
        }
        return core.boundValue(j - scoped);
    }

    /** Field {@code j}'s value if it is held as an object (not a primitive call field), else null. */
    Object objectValue(int j) {
        if (j < bound) {
            return frameValue(j);
        }
        int field = j - first;
        return longs[RecordLayout.keySlot(at, field)] == RecordLayout.TAG_OBJECT
                ? refs[RecordLayout.valueSlot(at, field)] : null;
    }

    /**
     * Done with the open record: keeps no user object, and no key nothing else refers to, until
     * the next one.
     */
    void close() {
        RenderedKey[] k = keys;
        if (k.length > 1024) {
            keys = new RenderedKey[32]; // don't keep a huge scratch array after one huge event
            hashes = new int[32];
            winners = new boolean[32];
        } else if (renderedKeys.uncachedMade() != uncachedBefore) {
            Arrays.fill(k, 0, count, null); // don't keep a long key alive after its event
        }
        // Otherwise keys keeps its references: the cache holds those keys anyway.
        threadFields = null;
        context = null;
        core = null;
        refs = null;
        longs = null;
    }

    /** Grows the key scratch array, and {@link #hashes} and {@link #winners} beside it, to room for {@code n}. */
    private void ensureRoom(int n) {
        if (keys.length < n) {
            int length = Math.max(n, keys.length * 2);
            keys = new RenderedKey[length];
            hashes = new int[length];
            winners = new boolean[length];
        }
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
}
