package fastlog.internal.stripe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed block of record slots owned by one stripe, reused forever. What a record looks like
 * in the slots, and how it is written and read, is {@link fastlog.internal.record.RecordProtocol}'s
 * business; this class owns the batch's state word.
 *
 * <h2>Concurrency</h2>
 * <ul>
 *   <li><b>tail</b> is the batch's whole state, in one word changed only by CAS or by the
 *       consumer's release store:
 *       <ul>
 *         <li>open: {@code events (bits 32..61) | slots used (bits 0..31)}, non-negative.
 *             Producers claim room by CAS on it.</li>
 *         <li>sealed: {@code SEALED (bit 63) | events | slots used}, with at least one slot
 *             used. Sealed by a producer whose record does not fit (it then offers the batch to
 *             the hand-off queue) or by the consumer itself when it takes a partly filled batch.
 *             The counts in a sealed tail never change again: they are what the consumer reads.</li>
 *         <li>ready for sequence {@code n}: {@code SEALED | READY (bit 62) | n}. Stored by the
 *             consumer after rendering batch {@code n - ringSize}. The batch opens for
 *             {@code n} only by a CAS from exactly this value to 0, which any thread that read
 *             the stripe's {@code seq == n} may make. The sequence inside the value is what makes
 *             that safe: a thread that read {@code seq == n} long ago cannot open the batch after
 *             it was used for {@code n} and recycled for {@code n + ringSize}.</li>
 *       </ul></li>
 *   <li><b>Records.</b> The tail counts claimed records, published or not; each record's own
 *       header says whether it is published ({@code RecordProtocol}).</li>
 *   <li><b>Reuse.</b> After rendering, the consumer clears the slots with plain stores and then
 *       stores the ready tail with release ({@link #recycle}); a producer's CAS that opens or
 *       claims the batch reads that tail (acquire), so it never sees stale slots.</li>
 * </ul>
 */
public final class Batch extends BatchFields {

    static final long SEALED = Long.MIN_VALUE;
    static final long READY = 1L << 62;
    static final long ONE_EVENT = 1L << 32;
    private static final long EVENTS_MASK = 0x3FFF_FFFFL;

    final long[] longs;
    final Object[] refs;
    final int capacity;
    final int stripeIndex;
    final int ringIndex;

    /** A batch that is open for sequence {@code seq} if {@code open}, else ready for it. */
    Batch(int capacity, int stripeIndex, int ringIndex, long seq, boolean open) {
        this.longs = new long[capacity];
        this.refs = new Object[capacity];
        this.capacity = capacity;
        this.stripeIndex = stripeIndex;
        this.ringIndex = ringIndex;
        soTail(open ? 0 : readyFor(seq));
    }

    public long[] longs() {
        return longs;
    }

    public Object[] refs() {
        return refs;
    }

    static long readyFor(long seq) {
        return SEALED | READY | seq;
    }

    /** Sealed or ready: no room can be claimed. */
    static boolean isClosed(long tail) {
        return tail < 0;
    }

    /** Sealed with records in it, waiting for the consumer. */
    static boolean isSealedWithRecords(long tail) {
        return tail < 0 && (tail & READY) == 0;
    }

    static boolean isReady(long tail) {
        return tail < 0 && (tail & READY) != 0;
    }

    /** Slots used by an open or sealed batch; 0 for a ready one. */
    static int slotsUsed(long tail) {
        return (tail & READY) != 0 && tail < 0 ? 0 : (int) tail;
    }

    static int events(long tail) {
        return (tail & READY) != 0 && tail < 0 ? 0 : (int) ((tail >>> 32) & EVENTS_MASK);
    }

    /** Slots used by a sealed batch (what the consumer must read). */
    public int sealedSlots() {
        return slotsUsed(lvTail());
    }

    /** Records claimed in a sealed batch (what the consumer must read); for others a racy snapshot. */
    public int eventCount() {
        return events(lvTail());
    }

    /**
     * Consumer only: after rendering, forget the records and make the batch ready for
     * {@code nextSeq}. The clearing stores are plain; the release store of the tail orders them.
     */
    public void recycle(int usedSlots, long nextSeq) {
        java.util.Arrays.fill(refs, 0, usedSlots, null);
        java.util.Arrays.fill(longs, 0, usedSlots, 0L);
        soTail(readyFor(nextSeq));
    }
}

/** Padding so the CAS-hot tail of one batch never shares a cache line with another object. */
abstract class BatchPad0 {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class BatchFields extends BatchPad0 {
    private static final VarHandle TAIL;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TAIL = l.findVarHandle(BatchFields.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long tail;

    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p110, p111, p112, p113, p114, p115;
    byte p116, p117, p118, p119, p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p130, p131;
    byte p132, p133, p134, p135, p136, p137, p138, p139, p140, p141, p142, p143, p144, p145, p146, p147;
    byte p148, p149, p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p160, p161, p162, p163;

    final long lvTail() {
        return tail;
    }

    final boolean casTail(long expect, long update) {
        return TAIL.compareAndSet(this, expect, update);
    }

    final void soTail(long v) {
        TAIL.setRelease(this, v);
    }
}
