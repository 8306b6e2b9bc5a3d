package fastlog.jcstress.support;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.Stripe;

/**
 * Writes and checks stripe records the way the core's producers and consumer do (see
 * {@code Pipeline.publish} and {@code Consumer.renderBatch}), with values that identify the
 * record's producer in every slot, so a torn or interleaved record is detectable.
 *
 * <p>Record {@code id} (1..9) stores {@code id} as the header's level, its name/message/context
 * references are {@code id}'s own string constants, and every long slot holds
 * {@code id * 100 + slotNumber}. {@link #check} verifies all of that.
 */
public final class Records {

    /** {@link #readSealed} result: a record mixed slots of different producers (or stale slots). */
    public static final int TORN = -1;
    /** {@link #readSealed} result: record boundaries do not add up to the batch's used slots. */
    public static final int BAD_LAYOUT = -2;
    /** {@link #readSealed} result: a claimed record was never published (waited 10 s). */
    public static final int NEVER_PUBLISHED = -3;

    private static final String[] NAME = new String[10];
    private static final String[] MSG = new String[10];
    private static final String[] CTX = new String[10];
    private static final String[] KEY = new String[10];
    private static final Object[] VALUE = new Object[10];

    static {
        for (int id = 0; id < 10; id++) {
            NAME[id] = "logger-" + id;
            MSG[id] = "message-" + id;
            CTX[id] = "context-" + id;
            KEY[id] = "key-" + id;
            VALUE[id] = "value-" + id;
        }
    }

    private Records() {
    }

    /**
     * Claims room for a record of {@code fields} fields, writes record {@code id} with plain
     * stores and publishes its header with release, exactly like {@code Pipeline.log3}.
     *
     * @return the claim ({@code ringIndex << 32 | slot}) or {@link Stripe#FULL}
     */
    public static long claimAndWrite(Stripe stripe, int id, int fields) {
        long c = stripe.claim(RecordLayout.slotsFor(fields));
        if (c != Stripe.FULL) {
            write(stripe.batch((int) (c >>> 32)), (int) c, id, fields);
        }
        return c;
    }

    /** Fills the claimed slots at {@code at} with plain stores, then publishes the header. */
    public static void write(Batch b, int at, int id, int fields) {
        long[] longs = b.longs();
        Object[] refs = b.refs();
        for (int f = 0; f < fields; f++) {
            int k = RecordLayout.keySlot(at, f);
            longs[k] = id * 100L + 3 + 2 * f;
            refs[k] = KEY[id];
            longs[k + 1] = id * 100L + 4 + 2 * f;
            refs[k + 1] = VALUE[id];
        }
        refs[at] = NAME[id];
        longs[RecordLayout.timestampSlot(at)] = id * 100L + 1;
        refs[RecordLayout.messageSlot(at)] = MSG[id];
        longs[RecordLayout.contextSlot(at)] = id * 100L + 2;
        refs[RecordLayout.contextSlot(at)] = CTX[id];
        b.publish(at, RecordLayout.header(id, fields));
    }

    /** The record's id if every slot of the record at {@code at} belongs to it, else {@link #TORN}. */
    public static int check(Batch b, int at, long header) {
        int id = RecordLayout.levelOrdinal(header);
        int fields = RecordLayout.fieldCount(header);
        if (id < 1 || id > 9 || fields < 0 || fields > 16) {
            return TORN;
        }
        long[] longs = b.longs();
        Object[] refs = b.refs();
        boolean ok = refs[at] == NAME[id]
                && longs[RecordLayout.timestampSlot(at)] == id * 100L + 1
                && refs[RecordLayout.messageSlot(at)] == MSG[id]
                && longs[RecordLayout.contextSlot(at)] == id * 100L + 2
                && refs[RecordLayout.contextSlot(at)] == CTX[id];
        for (int f = 0; ok && f < fields; f++) {
            int k = RecordLayout.keySlot(at, f);
            ok = longs[k] == id * 100L + 3 + 2 * f && refs[k] == KEY[id]
                    && longs[k + 1] == id * 100L + 4 + 2 * f && refs[k + 1] == VALUE[id];
        }
        return ok ? id : TORN;
    }

    /**
     * The consumer's side, as in {@code Consumer.renderBatch}: reads every record of a sealed
     * batch (waiting for claimed-but-unpublished headers, never skipping them) and returns the
     * record ids in slot order as a digit sequence, or a negative error code. Does not recycle.
     */
    public static int readSealed(Batch b) {
        int used = b.sealedSlots();
        int seq = 0;
        int at = 0;
        while (at < used) {
            long header = awaitHeader(b, at);
            if (header == 0) {
                return NEVER_PUBLISHED;
            }
            int id = check(b, at, header);
            if (id < 0) {
                return id;
            }
            seq = Digits.append(seq, id);
            at += RecordLayout.slotsFor(RecordLayout.fieldCount(header));
        }
        return at == used ? seq : BAD_LAYOUT;
    }

    /** Consumer: reads and recycles sealed batch {@code seq} of {@code stripe}, like renderBatch. */
    public static int consume(Stripe stripe, Batch b, long seq) {
        int used = b.sealedSlots();
        int content = readSealed(b);
        b.recycle(used, seq + stripe.ringSize());
        return content;
    }

    /** Like {@code Consumer.awaitHeader}, but gives up (returns 0) after about ten seconds. */
    private static long awaitHeader(Batch b, int at) {
        long header;
        long deadline = 0;
        for (int spins = 0; (header = b.headerAcquire(at)) == 0; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                if (deadline == 0) {
                    deadline = System.nanoTime() + 10_000_000_000L;
                } else if (System.nanoTime() - deadline > 0) {
                    return 0;
                }
                Thread.yield();
            }
        }
        return header;
    }

    /**
     * Moves a fresh stripe forward by {@code batches} batches, each holding one filler record
     * (id 9, {@code fields} fields) that is sealed, consumed and recycled by the "consumer".
     * The stripe's ring then wraps sooner: batch {@code batches} lives in ring slot
     * {@code batches % ringSize}.
     *
     * @return the consumer's next expected sequence (= {@code batches})
     */
    public static long advance(Stripe stripe, MpscArrayQueue<Batch> queue, int batches, int fields) {
        for (long s = 0; s < batches; s++) {
            if (claimAndWrite(stripe, 9, fields) == Stripe.FULL) {
                throw new IllegalStateException("advance: full at " + s);
            }
            Batch b = stripe.takeForConsumer(s, true);
            if (b == null || b != stripe.batchAt(s) || consume(stripe, b, s) != 9) {
                throw new IllegalStateException("advance: could not consume batch " + s);
            }
        }
        if (!queue.isEmpty()) {
            throw new IllegalStateException("advance: queue not empty");
        }
        return batches;
    }
}
