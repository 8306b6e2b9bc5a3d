package fastlog.internal.stripe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import fastlog.internal.record.RecordLayout;

/**
 * A fixed block of record slots ({@link RecordLayout}) owned by one stripe, reused forever.
 *
 * <h2>Concurrency</h2>
 * <ul>
 *   <li><b>tail</b> packs {@code SEALED (bit 63) | events (bits 32..62) | slots used (bits 0..31)}.
 *       Producers claim room by CAS on it while it is not sealed; whoever CASes the sealed bit in
 *       (a producer whose record does not fit, or the writer sweeping a partly filled batch) owns
 *       the hand-off of this batch. A sealed tail never changes until the writer resets it.</li>
 *   <li><b>Records.</b> A producer fills its claimed slots with plain stores, then stores the
 *       header with {@link #publish release}. The writer reads the header with
 *       {@link #headerAcquire acquire}; a zero header means the record is claimed but not yet
 *       published, and the writer waits for it (the producer runs no user code in that window).</li>
 *   <li><b>Reuse.</b> After rendering, the writer clears the slots with plain stores and then
 *       stores {@code readySeq} with release ({@link #soReadySeq}); the installer of the next
 *       sequence acquires {@code readySeq} before re-opening the tail with a release store, and
 *       producers acquire the tail through their CAS. So a producer never sees stale slots.</li>
 * </ul>
 */
public final class Batch extends BatchFields {

    static final long SEALED = Long.MIN_VALUE;
    static final long ONE_EVENT = 1L << 32;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    final long[] longs;
    final Object[] refs;
    final int capacity;
    final int stripeIndex;
    final int ringIndex;
    /**
     * The sequence this batch was last opened for. Written by the thread that opens it before
     * its release store of {@code tail = 0}; read by whoever seals it after a successful CAS of
     * the tail (which acquires), so the sealer hands off the right sequence even if its own read
     * of the stripe's {@code seq} is stale by whole ring cycles.
     */
    long openSeq;

    Batch(int capacity, int stripeIndex, int ringIndex, long readySeq, boolean open) {
        this.longs = new long[capacity];
        this.refs = new Object[capacity];
        this.capacity = capacity;
        this.stripeIndex = stripeIndex;
        this.ringIndex = ringIndex;
        this.openSeq = open ? readySeq : -1;
        soReadySeq(readySeq);
        soTail(open ? 0 : SEALED);
    }

    public int stripeIndex() {
        return stripeIndex;
    }

    /** Slot capacity of this batch. */
    public int capacity() {
        return capacity;
    }

    public long[] longs() {
        return longs;
    }

    public Object[] refs() {
        return refs;
    }

    /** Stores a record's header last, with release: pairs with {@link #headerAcquire}. */
    public void publish(int at, long header) {
        LONGS.setRelease(longs, at, header);
    }

    /** Acquire load of a record's header: 0 until the producer has published it. */
    public long headerAcquire(int at) {
        return (long) LONGS.getAcquire(longs, at);
    }

    static boolean isSealed(long tail) {
        return tail < 0;
    }

    static int slotsUsed(long tail) {
        return (int) tail;
    }

    static int events(long tail) {
        return (int) ((tail & ~SEALED) >>> 32);
    }

    /** Slots used by a sealed batch (what the writer must render). */
    public int sealedSlots() {
        return slotsUsed(lvTail());
    }

    /** Events claimed in this batch so far; a racy snapshot for statistics. */
    public int eventCount() {
        return events(lvTail());
    }

    /**
     * Writer only: after rendering, forget the records and make the batch ready for
     * {@code nextSeq}. The clearing stores are plain; the release store of readySeq orders them.
     */
    public void recycle(int usedSlots, long nextSeq) {
        java.util.Arrays.fill(refs, 0, usedSlots, null);
        java.util.Arrays.fill(longs, 0, usedSlots, 0L);
        soTail(SEALED);
        soReadySeq(nextSeq);
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
    private static final VarHandle READY_SEQ;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TAIL = l.findVarHandle(BatchFields.class, "tail", long.class);
            READY_SEQ = l.findVarHandle(BatchFields.class, "readySeq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long tail;
    /** The stripe sequence this batch may next be opened for; advanced by the writer. */
    private volatile long readySeq;

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

    final long lvReadySeq() {
        return readySeq;
    }

    final void soReadySeq(long v) {
        READY_SEQ.setRelease(this, v);
    }
}
