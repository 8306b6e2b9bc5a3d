package fastlog.internal.pipeline;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ContextStore;
import fastlog.internal.record.Capture;
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
 *   <li>Everything that can block or run foreign code happens first: the clock, the scoped
 *       context lookup, and the capture of values ({@link Capture}: user {@code toString()}).</li>
 *   <li>Claim room in the stripe chosen by thread id (so one thread's events stay in order), or
 *       apply the full-queue policy ({@link FullQueueHandler}).</li>
 *   <li>Fill and publish the record ({@link RecordProtocol}); should that fail (the only
 *       realistic cause is a StackOverflowError), abandon it, so the writer reports it lost
 *       instead of waiting for it.</li>
 *   <li>Wake an idle writer if this is the first record of a batch; after shutdown, write the
 *       event on this thread ({@link WriterThread}'s contract).</li>
 * </ol>
 * Any thread may call any method here at any time. The typed overloads of the API come through
 * {@link #log0} to {@link #log3}, {@code Object...} pairs through {@link #logPairs}; all of them
 * write their record in one place, {@code append}.
 */
public final class EventAppender {

    /** Claims pack the stripe index above the ring index (bits 32..39) and slot (bits 0..31). */
    private static final int STRIPE_SHIFT = 40;
    private static final int RING_INDEX_MASK = 0xFF;
    private static final String TRUNCATED_KEY = "_truncated_fields";
    private static final String EXTRA_KEY = "_extra";
    private static final String EXCEPTION_KEY = "exception";
    private static final String CHANGED_WHILE_LOGGING = "<changed while logging>";

    private final Stripe[] stripes;
    private final int stripeMask;
    private final int maxFields;
    private final FullQueueHandler whenFull;
    private final WriterThread writer;
    private final Runnable writeSynchronously;

    public EventAppender(Stripe[] stripes, int maxFields, FullQueueHandler whenFull, WriterThread writer,
                  Runnable writeSynchronously) {
        this.stripes = stripes;
        this.stripeMask = stripes.length - 1;
        this.maxFields = maxFields;
        this.whenFull = whenFull;
        this.writer = writer;
        this.writeSynchronously = writeSynchronously;
    }

    public void log0(LoggerCore core, int level, String msg) {
        append(core, level, msg, EpochClock.micros(), 0,
                null, 0, 0L, null, null, 0, 0L, null, null, 0, 0L, null, null);
    }

    public void log1(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0) {
        append(core, level, msg, EpochClock.micros(), 1,
                k0, t0, b0, r0, null, 0, 0L, null, null, 0, 0L, null, null);
    }

    public void log2(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0,
                     String k1, int t1, long b1, Object r1) {
        append(core, level, msg, EpochClock.micros(), 2,
                k0, t0, b0, r0, k1, t1, b1, r1, null, 0, 0L, null, null);
    }

    public void log3(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0,
                     String k1, int t1, long b1, Object r1,
                     String k2, int t2, long b2, Object r2) {
        append(core, level, msg, EpochClock.micros(), 3,
                k0, t0, b0, r0, k1, t1, b1, r1, k2, t2, b2, r2, null);
    }

    /**
     * Any number of pairs as alternating keys and values. A trailing element without a value
     * becomes the value of a field named {@code exception} if it is a Throwable (the
     * {@code log.error("failed", e)} idiom), else of a field named {@code _extra}. Pairs beyond
     * what one batch can hold are cut and counted in a field named {@code _truncated_fields}.
     */
    public void logPairs(LoggerCore core, int level, String msg, Object[] keysAndValues) {
        long ts = EpochClock.micros();
        Object[] kv = keysAndValues == null ? new Object[0] : keysAndValues;
        int given = kv.length / 2 + (kv.length & 1);
        if ((kv.length & 1) == 0 && given <= maxFields && Capture.allKept(kv)) {
            // Nothing to capture: the pairs go from the caller's array straight into the record.
            append(core, level, msg, ts, given, null, 0, 0L, null, null, 0, 0L, null, null, 0, 0L, null, kv);
            return;
        }
        int fields = Math.min(given, maxFields);
        int kept = given > maxFields ? maxFields - 1 : fields;
        Object[] captured = new Object[2 * fields];
        for (int f = 0; f < kept; f++) {
            int i = 2 * f;
            if (i + 1 < kv.length) {
                captured[i] = Capture.key(kv[i]);
                captured[i + 1] = Capture.value(kv[i + 1]);
            } else {
                captured[i] = kv[i] instanceof Throwable ? EXCEPTION_KEY : EXTRA_KEY;
                captured[i + 1] = Capture.value(kv[i]);
            }
        }
        if (kept < fields) {
            captured[2 * kept] = TRUNCATED_KEY;
            captured[2 * kept + 1] = Long.valueOf(given - kept);
        }
        append(core, level, msg, ts, fields, null, 0, 0L, null, null, 0, 0L, null, null, 0, 0L, null, captured);
    }

    /**
     * Steps 2 (the context) to 4 for one record of {@code fields} fields: the first three typed
     * fields {@code k0..r2} if {@code pairs} is null, else {@code fields} pairs of {@code pairs},
     * whose keys are Strings and whose values are kept as they are ({@link Capture#isKept}).
     * Only type checks run after the claim: should another thread change the caller's pairs in
     * between, an element that no longer passes them is written as a marker string instead of
     * running its {@code toString()} while the record is half written.
     */
    private void append(LoggerCore core, int level, String msg, long ts, int fields,
                        String k0, int t0, long b0, Object r0,
                        String k1, int t1, long b1, Object r1,
                        String k2, int t2, long b2, Object r2, Object[] pairs) {
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(fields));
        if (c == Stripe.FULL) {
            return;
        }
        Batch b = batchOf(c);
        long[] longs = b.longs();
        Object[] refs = b.refs();
        int at = (int) c;
        try {
            if (pairs != null) {
                for (int f = 0; f < fields; f++) {
                    Object k = pairs[2 * f];
                    Object v = pairs[2 * f + 1];
                    RecordProtocol.putField(longs, refs, at, f, k instanceof String key ? key : CHANGED_WHILE_LOGGING,
                            RecordLayout.TAG_OBJECT, 0L, Capture.isKept(v) ? v : CHANGED_WHILE_LOGGING);
                }
            } else {
                if (fields > 0) {
                    RecordProtocol.putField(longs, refs, at, 0, k0, t0, b0, r0);
                }
                if (fields > 1) {
                    RecordProtocol.putField(longs, refs, at, 1, k1, t1, b1, r1);
                }
                if (fields > 2) {
                    RecordProtocol.putField(longs, refs, at, 2, k2, t2, b2, r2);
                }
            }
            RecordProtocol.publish(longs, refs, at, core, level, ts, msg, ctx, fields);
        } catch (Throwable t) {
            RecordProtocol.abandon(longs, at, fields);
            throw t;
        }
        afterPublish(at);
    }

    /**
     * Claims room in the calling thread's stripe or applies the full-queue policy.
     *
     * @return {@code stripe << STRIPE_SHIFT | ringIndex << 32 | slot}, or FULL if dropped
     */
    private long claim(int slots) {
        long id = Thread.currentThread().threadId();
        int si = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & stripeMask;
        Stripe stripe = stripes[si];
        long c = stripe.claim(slots);
        if (c == Stripe.FULL && (c = whenFull.claim(stripe, slots)) == Stripe.FULL) {
            return Stripe.FULL;
        }
        return ((long) si << STRIPE_SHIFT) | c;
    }

    private Batch batchOf(long claim) {
        return stripes[(int) (claim >>> STRIPE_SHIFT)].batch((int) (claim >>> 32) & RING_INDEX_MASK);
    }

    private void afterPublish(int at) {
        writer.recordPublished(at);
        if (writer.isStopping()) {
            writeSynchronously.run();
        }
    }
}
