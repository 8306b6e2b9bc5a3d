package fastlog.internal.pipeline;

import fastlog.internal.ambient.CallerLocation;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ContextStore;
import fastlog.internal.context.ThreadFieldsFrame;
import fastlog.internal.context.ThreadFieldsStore;
import fastlog.internal.record.Capture;
import fastlog.internal.record.MessageArgs;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.Stripe;

/**
 * The producer side: turns one logging call into one record in the calling thread's stripe.
 *
 * <p>Every call follows the same steps, in this order:
 * <ol>
 *   <li>The API asks {@link #admits} first (the sampling policy), before it captures anything.</li>
 *   <li>Everything that can block or run foreign code happens first: the clock, the scoped
 *       context and per-thread field lookups, the capture of values ({@link Capture}: user
 *       {@code toString()}), and the trailers the pipeline is set up for: the active span's token
 *       from the trace context provider ({@link TraceSource}), the thread's name, the caller's
 *       location ({@link CallerLocation}). Without them, each costs one check of a final field.</li>
 *   <li>Claim room in the stripe chosen by thread id (so one thread's events stay in order), or
 *       apply the full-queue policy ({@link FullQueueHandler}).</li>
 *   <li>Fill and publish the record ({@link RecordProtocol}); should that fail (the only
 *       realistic cause is a StackOverflowError), abandon it, so the writer reports it lost
 *       instead of waiting for it. Should even that fail, the mark the claim stored lets the
 *       writer step over the record once its patience runs out: a failed call never costs more
 *       than its own event.</li>
 *   <li>Wake an idle writer if this is the first record of a batch; after shutdown, write the
 *       event on this thread ({@link WriterThread}'s contract).</li>
 * </ol>
 * Any thread may call any method here at any time. The typed overloads of the API come through
 * {@link #log0} to {@link #log3} into {@code appendFixed}; {@code Object...} pairs and patterns
 * through {@link #logPairs} and {@link #logPattern} into {@code appendPairs}. Both write their
 * record with the same {@link RecordProtocol} steps; they are two methods so that the typed path
 * stays small enough for the JIT to inline. The event builder ({@code Logger.atInfo()...log(msg)})
 * comes through {@link WideEvents} into {@link #begin} and {@link #publishBegun}: the same steps,
 * with its fields written between the two.
 */
public final class EventAppender {

    /** Claims pack the stripe index above the ring index (bits 32..39) and slot (bits 0..31). */
    static final int STRIPE_SHIFT = 40;
    static final int RING_INDEX_MASK = 0xFF;
    private static final String TRUNCATED_KEY = "_truncated_fields";
    private static final String EXTRA_KEY = "_extra";
    private static final String EXCEPTION_KEY = "exception";
    private static final String TAGS_KEY = "tags";
    private static final String CHANGED_WHILE_LOGGING = "<changed while logging>";
    /** Stands in the key position of a message argument in a captured pairs array. */
    private static final Object ARG = new Object();
    private static final Object[] NO_PAIRS = new Object[0];

    private final Stripe[] stripes;
    private final int stripeMask;
    /**
     * Every batch's slot arrays, by {@link #batchIndex}: a producer finds its record's arrays with
     * array loads only, so no call (which could overflow the stack) falls between its claim and
     * the try block that abandons the record if filling it fails.
     */
    final long[][] batchLongs;
    final Object[][] batchRefs;
    final int ringBits;
    private final int maxFields;
    private final FullQueueHandler whenFull;
    private final WriterThread writer;
    private final Runnable writeSynchronously;
    /** The sampling policy, or null (the default): every enabled event is admitted. */
    private final Sampler sampler;
    /** The trace context provider, or null (no trace fields: then this null check is their whole cost). */
    private final TraceSource trace;
    /** Capture the thread's name (off by default). */
    private final boolean threadNames;
    /** Capture the caller's location (off by default: a stack walk per event). */
    private final boolean callerLocations;

    public EventAppender(Stripe[] stripes, int maxFields, FullQueueHandler whenFull, WriterThread writer,
                  Runnable writeSynchronously) {
        this(stripes, maxFields, whenFull, writer, writeSynchronously, null, null, false, false);
    }

    /**
     * @param sampler the sampling policy, or null
     * @param trace where trace ids come from, or null for none
     * @param threadNames whether each event carries its thread's name
     * @param callerLocations whether each event carries its caller's location
     */
    public EventAppender(Stripe[] stripes, int maxFields, FullQueueHandler whenFull, WriterThread writer,
                  Runnable writeSynchronously, Sampler sampler, TraceSource trace, boolean threadNames,
                  boolean callerLocations) {
        this.sampler = sampler;
        this.trace = trace;
        this.threadNames = threadNames;
        this.callerLocations = callerLocations;
        this.stripes = stripes;
        this.stripeMask = stripes.length - 1;
        int ringSize = stripes[0].ringSize();
        this.ringBits = Integer.numberOfTrailingZeros(ringSize);
        this.batchLongs = new long[stripes.length << ringBits][];
        this.batchRefs = new Object[stripes.length << ringBits][];
        for (int si = 0; si < stripes.length; si++) {
            for (int ri = 0; ri < ringSize; ri++) {
                Batch b = stripes[si].batch(ri);
                batchLongs[(si << ringBits) | ri] = b.longs();
                batchRefs[(si << ringBits) | ri] = b.refs();
            }
        }
        this.maxFields = maxFields;
        this.whenFull = whenFull;
        this.writer = writer;
        this.writeSynchronously = writeSynchronously;
    }

    /** The most call fields one record can have (the trailers come on top). */
    public int maxFields() {
        return maxFields;
    }

    /**
     * Step 0, after the level check and before anything is captured: whether the sampling policy
     * lets this event through (always, without one). A suppressed event is counted, not logged.
     */
    public boolean admits(LoggerCore core, int level, String msg) {
        Sampler s = sampler;
        return s == null || s.admit(core, level, msg);
    }

    public void log0(LoggerCore core, int level, String msg) {
        appendFixed(core, level, msg, 0L, EpochClock.micros(), 0,
                null, 0, 0L, null, null, 0, 0L, null, null, 0, 0L, null);
    }

    public void log1(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0) {
        appendFixed(core, level, msg, 0L, EpochClock.micros(), 1,
                k0, t0, b0, r0, null, 0, 0L, null, null, 0, 0L, null);
    }

    public void log2(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0,
                     String k1, int t1, long b1, Object r1) {
        appendFixed(core, level, msg, 0L, EpochClock.micros(), 2,
                k0, t0, b0, r0, k1, t1, b1, r1, null, 0, 0L, null);
    }

    public void log3(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0,
                     String k1, int t1, long b1, Object r1,
                     String k2, int t2, long b2, Object r2) {
        appendFixed(core, level, msg, 0L, EpochClock.micros(), 3,
                k0, t0, b0, r0, k1, t1, b1, r1, k2, t2, b2, r2);
    }

    /**
     * Any number of pairs as alternating keys and values. A trailing element without a value
     * becomes the value of a field named {@code exception} if it is a Throwable (the
     * {@code log.error("failed", e)} idiom), else of a field named {@code _extra}. Pairs beyond
     * what one batch can hold are cut and counted in a field named {@code _truncated_fields}.
     */
    public void logPairs(LoggerCore core, int level, String msg, Object[] keysAndValues) {
        long ts = EpochClock.micros();
        Object[] kv = keysAndValues == null ? NO_PAIRS : keysAndValues;
        int given = kv.length / 2 + (kv.length & 1);
        if ((kv.length & 1) == 0 && given <= maxFields && Capture.allKept(kv)) {
            // Nothing to capture: the pairs go from the caller's array straight into the record.
            appendPairs(core, level, msg, 0L, ts, given, kv);
            return;
        }
        Object[] captured = new Object[2 * Math.min(given, maxFields)];
        int fields = capturePairs(kv, captured, 0, maxFields);
        appendPairs(core, level, msg, 0L, ts, fields, captured);
    }

    /**
     * A message made on the writer from {@code pattern} and arguments by the rules of syntax
     * {@code syntaxOrdinal} ({@link MessageArgs}; negative: the pattern is the message):
     * {@code argc} arguments {@code a0}, {@code a1}, or (argc &lt; 0) all of {@code args}; then
     * the exception, key/value pairs as in {@link #logPairs}, and {@code tags} as one field.
     * SLF4J's rule is applied here: with no exception given, a Throwable as the last argument is
     * the exception. Arguments are captured for the syntax ({@link MessageArgs}).
     */
    public void logPattern(LoggerCore core, int level, int syntaxOrdinal, String pattern, int argc,
                           Object a0, Object a1, Object[] args, Throwable thrown, String[] tags, Object[] keysAndValues) {
        long ts = EpochClock.micros();
        int n = syntaxOrdinal < 0 ? 0 : argc >= 0 ? argc : args == null ? 0 : args.length;
        Throwable exception = thrown;
        if (exception == null && n > 0 && syntaxOrdinal == MessageArgs.SLF4J) {
            Object last = argc >= 0 ? (n == 1 ? a0 : a1) : args[n - 1];
            if (last instanceof Throwable t) {
                exception = t;
                n--;
            }
        }
        Object[] kv = keysAndValues == null ? NO_PAIRS : keysAndValues;
        if (n <= 2 && kv.length == 0 && (tags == null || tags.length == 0)) {
            // The common bridge call ("user {} logged in", id): no capture array, typed slots.
            Object c0 = n > 0 ? MessageArgs.capture(syntaxOrdinal, argc >= 0 ? a0 : args[0]) : null;
            Object c1 = n > 1 ? MessageArgs.capture(syntaxOrdinal, argc >= 0 ? a1 : args[1]) : null;
            long messageArgs = n == 0 ? 0L : RecordLayout.messageArgs(syntaxOrdinal, n);
            String ek = exception == null ? null : EXCEPTION_KEY;
            int fields = n + (exception == null ? 0 : 1);
            if (n == 0) {
                appendFixed(core, level, pattern, messageArgs, ts, fields, ek, RecordLayout.TAG_OBJECT, 0L, exception,
                        null, 0, 0L, null, null, 0, 0L, null);
            } else if (n == 1) {
                appendFixed(core, level, pattern, messageArgs, ts, fields, null, RecordLayout.TAG_ARG, 0L, c0,
                        ek, RecordLayout.TAG_OBJECT, 0L, exception, null, 0, 0L, null);
            } else {
                appendFixed(core, level, pattern, messageArgs, ts, fields, null, RecordLayout.TAG_ARG, 0L, c0,
                        null, RecordLayout.TAG_ARG, 0L, c1, ek, RecordLayout.TAG_OBJECT, 0L, exception);
            }
            return;
        }
        int extras = (exception != null ? 1 : 0) + (tags != null && tags.length > 0 ? 1 : 0);
        n = Math.min(n, maxFields - extras);
        int room = maxFields - n - extras;
        int pairs = kv.length / 2 + (kv.length & 1);
        Object[] captured = new Object[2 * (n + Math.min(pairs, room) + extras)];
        for (int i = 0; i < n; i++) {
            captured[2 * i] = ARG;
            captured[2 * i + 1] = MessageArgs.capture(syntaxOrdinal, argc >= 0 ? (i == 0 ? a0 : a1) : args[i]);
        }
        int fields = capturePairs(kv, captured, n, n + room);
        if (exception != null) {
            captured[2 * fields] = EXCEPTION_KEY;
            captured[2 * fields++ + 1] = exception;
        }
        if (tags != null && tags.length > 0) {
            captured[2 * fields] = TAGS_KEY;
            captured[2 * fields++ + 1] = MessageArgs.copyTags(tags);
        }
        long messageArgs = n == 0 ? 0L : RecordLayout.messageArgs(syntaxOrdinal, n);
        appendPairs(core, level, pattern, messageArgs, ts, fields, captured);
    }

    /**
     * Captures the pairs of {@code kv} into {@code into} from field {@code from} on, at most up to
     * field {@code max} (exclusive). A trailing element without a value becomes the value of a
     * field named {@code exception} if it is a Throwable (the {@code log.error("failed", e)}
     * idiom), else of a field named {@code _extra}. Pairs beyond the room are cut and counted in
     * a field named {@code _truncated_fields}.
     *
     * @return the field index after the last one written
     */
    private static int capturePairs(Object[] kv, Object[] into, int from, int max) {
        int given = kv.length / 2 + (kv.length & 1);
        int room = max - from;
        int kept = given > room ? room - 1 : given;
        int f = from;
        for (int p = 0; p < kept; p++, f++) {
            int i = 2 * p;
            if (i + 1 < kv.length) {
                into[2 * f] = Capture.key(kv[i]);
                into[2 * f + 1] = Capture.value(kv[i + 1]);
            } else {
                into[2 * f] = kv[i] instanceof Throwable ? EXCEPTION_KEY : EXTRA_KEY;
                into[2 * f + 1] = Capture.value(kv[i]);
            }
        }
        if (kept < given && room > 0) {
            into[2 * f] = TRUNCATED_KEY;
            into[2 * f++ + 1] = Long.valueOf(given - kept);
        }
        return f;
    }

    /**
     * Steps 2 (the context) to 4 for a record of up to three typed fields {@code k0..r2}. Kept
     * apart from {@link #appendPairs} and small so that the JIT inlines it into the typed calls.
     */
    private void appendFixed(LoggerCore core, int level, String msg, long messageArgs, long ts, int fields,
                             String k0, int t0, long b0, Object r0,
                             String k1, int t1, long b1, Object r1,
                             String k2, int t2, long b2, Object r2) {
        ContextFrame ctx = ContextStore.current();
        ThreadFieldsFrame threadFields = ThreadFieldsStore.current();
        Object span = trace == null ? null : trace.current();
        String thread = threadNames ? Thread.currentThread().getName() : null;
        CallerLocation caller = callerLocations ? CallerLocation.capture() : null;
        int total = fields + trailers(span, thread, caller, threadFields);
        long abandoned = RecordLayout.abandoned(total);
        long c = claim(total);
        if (c == Stripe.FULL) {
            return;
        }
        int at = (int) c;
        int bi = (int) (c >>> STRIPE_SHIFT) << ringBits | (int) (c >>> 32) & RING_INDEX_MASK; // batchIndex(c), by hand: no call
        long[] longs = batchLongs[bi];
        Object[] refs = batchRefs[bi];
        try {
            if (fields > 0) {
                RecordProtocol.putField(longs, refs, at, 0, k0, t0, b0, r0);
            }
            if (fields > 1) {
                RecordProtocol.putField(longs, refs, at, 1, k1, t1, b1, r1);
            }
            if (fields > 2) {
                RecordProtocol.putField(longs, refs, at, 2, k2, t2, b2, r2);
            }
            publish(longs, refs, at, core, level, ts, msg, messageArgs, ctx, fields, span, thread, caller, threadFields);
        } catch (Throwable t) {
            // RecordProtocol.abandon, written out: a call here could overflow the stack again.
            if (longs[at] < RecordLayout.PUBLISHED) {
                longs[at] = abandoned;
            }
            throw t;
        }
        afterPublish(at);
    }

    /**
     * Steps 2 (the context) to 4 for a record of {@code fields} pairs of {@code pairs}, whose keys
     * are Strings (or {@code ARG} for a message argument) and whose values are kept as they are
     * ({@link Capture#isKept}). Only type checks run after the claim ({@link Capture#isKeptShape}):
     * should another thread change the caller's pairs in between, an element that no longer passes
     * them is written as a marker string instead of running its {@code toString()} while the record
     * is half written.
     */
    private void appendPairs(LoggerCore core, int level, String msg, long messageArgs, long ts, int fields,
                             Object[] pairs) {
        ContextFrame ctx = ContextStore.current();
        ThreadFieldsFrame threadFields = ThreadFieldsStore.current();
        Object span = trace == null ? null : trace.current();
        String thread = threadNames ? Thread.currentThread().getName() : null;
        CallerLocation caller = callerLocations ? CallerLocation.capture() : null;
        int total = fields + trailers(span, thread, caller, threadFields);
        long abandoned = RecordLayout.abandoned(total);
        long c = claim(total);
        if (c == Stripe.FULL) {
            return;
        }
        int at = (int) c;
        int bi = (int) (c >>> STRIPE_SHIFT) << ringBits | (int) (c >>> 32) & RING_INDEX_MASK; // batchIndex(c), by hand: no call
        long[] longs = batchLongs[bi];
        Object[] refs = batchRefs[bi];
        try {
            for (int f = 0; f < fields; f++) {
                Object k = pairs[2 * f];
                Object v = pairs[2 * f + 1];
                if (k == ARG) {
                    RecordProtocol.putField(longs, refs, at, f, null, RecordLayout.TAG_ARG, 0L, v);
                } else {
                    RecordProtocol.putField(longs, refs, at, f, k instanceof String key ? key : CHANGED_WHILE_LOGGING,
                            RecordLayout.TAG_OBJECT, 0L, Capture.isKeptShape(v) ? v : CHANGED_WHILE_LOGGING);
                }
            }
            publish(longs, refs, at, core, level, ts, msg, messageArgs, ctx, fields, span, thread, caller, threadFields);
        } catch (Throwable t) {
            // RecordProtocol.abandon, written out: a call here could overflow the stack again.
            if (longs[at] < RecordLayout.PUBLISHED) {
                longs[at] = abandoned;
            }
            throw t;
        }
        afterPublish(at);
    }

    // ---------------------------------------------------------------- a record filled by the caller

    /**
     * Steps 2 and 3 for a record whose {@code fields} call fields the caller writes itself
     * ({@link WideEvents}, for the event builder): takes the clock and the context, claims room,
     * and writes everything but the call fields, the message and the header. The caller then
     * writes fields {@code 0..fields-1} with {@link RecordProtocol#putField} into the claim's batch
     * ({@link #batchLongs}/{@link #batchRefs}, found without a call) at slot {@code (int) claim},
     * and ends with {@link #publishBegun}, or abandons the record if that fails
     * ({@link RecordProtocol#abandon}'s stores, written out in its catch block). Nothing between
     * this call and those may run user code.
     *
     * @return the claim, or {@link Stripe#FULL} if the event was dropped
     */
    long begin(LoggerCore core, int fields) {
        long ts = EpochClock.micros();
        ContextFrame ctx = ContextStore.current();
        ThreadFieldsFrame threadFields = ThreadFieldsStore.current();
        Object span = trace == null ? null : trace.current();
        String thread = threadNames ? Thread.currentThread().getName() : null;
        CallerLocation caller = callerLocations ? CallerLocation.capture() : null;
        int total = fields + trailers(span, thread, caller, threadFields);
        long abandoned = RecordLayout.abandoned(total);
        long c = claim(total);
        if (c == Stripe.FULL) {
            return c;
        }
        int at = (int) c;
        int bi = (int) (c >>> STRIPE_SHIFT) << ringBits | (int) (c >>> 32) & RING_INDEX_MASK; // batchIndex(c), by hand: no call
        long[] longs = batchLongs[bi];
        Object[] refs = batchRefs[bi];
        try {
            putTrailers(longs, refs, at, fields, span, thread, caller, threadFields);
            RecordProtocol.putFixed(longs, refs, at, core, ts, ctx);
        } catch (Throwable t) {
            // RecordProtocol.abandon, written out: a call here could overflow the stack again.
            if (longs[at] < RecordLayout.PUBLISHED) {
                longs[at] = abandoned;
            }
            throw t;
        }
        return c;
    }

    /** Step 4 for a record from {@link #begin}: its message and header; then step 5. */
    void publishBegun(long claim, int level, String msg) {
        int bi = batchIndex(claim);
        int at = (int) claim;
        RecordProtocol.publishClaimed(batchLongs[bi], batchRefs[bi], at, level, msg);
        afterPublish(at);
    }

    /** How many trailers a record gets for these captured values (each may be null). */
    private static int trailers(Object span, String thread, CallerLocation caller, ThreadFieldsFrame threadFields) {
        return (span == null ? 0 : 1) + (thread == null ? 0 : 1) + (caller == null ? 0 : 1)
                + (threadFields == null ? 0 : 1);
    }

    /**
     * The trailers ({@link RecordLayout}: trace, thread, caller, then the per-thread fields), each
     * only if captured, after the call's {@code fields}; then the header.
     */
    private void publish(long[] longs, Object[] refs, int at, LoggerCore core, int level, long ts,
                         String msg, long messageArgs, ContextFrame ctx, int fields,
                         Object span, String thread, CallerLocation caller, ThreadFieldsFrame threadFields) {
        int total = putTrailers(longs, refs, at, fields, span, thread, caller, threadFields);
        RecordProtocol.publish(longs, refs, at, core, level, ts, msg, messageArgs, ctx, total);
    }

    /** The trailers after field {@code fields - 1}. @return the record's field count with them */
    private int putTrailers(long[] longs, Object[] refs, int at, int fields,
                            Object span, String thread, CallerLocation caller, ThreadFieldsFrame threadFields) {
        int total = fields;
        if (span != null) { // the writer reads the token through the TraceSource
            RecordProtocol.putTrailer(longs, refs, at, total++, RecordLayout.TAG_TRACE, trace, 0L, span);
        }
        if (thread != null) {
            RecordProtocol.putTrailer(longs, refs, at, total++, RecordLayout.TAG_THREAD, null,
                    Thread.currentThread().threadId(), thread);
        }
        if (caller != null) {
            RecordProtocol.putTrailer(longs, refs, at, total++, RecordLayout.TAG_CALLER, null, 0L, caller);
        }
        if (threadFields != null) {
            RecordProtocol.putTrailer(longs, refs, at, total++, RecordLayout.TAG_THREAD_FIELDS, null, 0L, threadFields);
        }
        return total;
    }

    /**
     * Claims room for a record of {@code fields} fields in the calling thread's stripe, with its
     * claim mark, or applies the full-queue policy.
     *
     * @return {@code stripe << STRIPE_SHIFT | ringIndex << 32 | slot}, or FULL if dropped
     */
    private long claim(int fields) {
        long id = Thread.currentThread().threadId();
        int si = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & stripeMask;
        Stripe stripe = stripes[si];
        int slots = RecordLayout.slotsFor(fields);
        long mark = RecordLayout.claimed(fields);
        long c = stripe.claim(slots, mark);
        if (c == Stripe.FULL && (c = whenFull.claim(stripe, slots, mark)) == Stripe.FULL) {
            return Stripe.FULL;
        }
        return ((long) si << STRIPE_SHIFT) | c;
    }

    /** Where a claim's batch is in {@link #batchLongs} and {@link #batchRefs}. */
    private int batchIndex(long claim) {
        return (int) (claim >>> STRIPE_SHIFT) << ringBits | (int) (claim >>> 32) & RING_INDEX_MASK;
    }

    private void afterPublish(int at) {
        writer.recordPublished(at);
        if (writer.isStopping()) {
            writeSynchronously.run();
        }
    }
}
