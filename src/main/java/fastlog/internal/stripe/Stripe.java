package fastlog.internal.stripe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import fastlog.internal.queue.MpscArrayQueue;

/**
 * One staging stripe: a ring of {@code K} batches of which exactly one is open at a time. Threads
 * map to a stripe by thread id, so one thread's records stay in one stripe, in order.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> Any thread calls {@link #claim}. Only the consumer (the thread
 *       holding the pipeline's consumer role) calls {@link #sealForConsumer}, {@link #batchAt} for
 *       rendering, and {@link Batch#recycle}.</li>
 *   <li><b>Sequence.</b> {@code seq} numbers the stripe's batches; batch {@code s} lives in
 *       {@code ring[s % K]}. {@code seq} only grows, by CAS from {@code s} to {@code s + 1}.</li>
 *   <li><b>Invariant: at most one open batch</b>, and it is {@code ring[seq % K]}. A batch opens
 *       only by a CAS of its tail from SEALED (recycled, empty) to 0, made by the thread whose CAS
 *       advanced {@code seq} to it; it is sealed (CAS of the SEALED bit) before {@code seq} can move past it. So a
 *       producer that CASes room into any unsealed tail has claimed room in the current batch,
 *       even if it read {@code seq} long ago.</li>
 *   <li><b>Hand-off order.</b> Whoever seals batch {@code s} hands it off (a producer offers it to
 *       the MPSC queue; the consumer renders it itself) and then stores {@code handedSeq = s}
 *       with release. {@code seq} may advance from {@code s} only after an acquire load sees
 *       {@code handedSeq == s}: batches of one stripe enter the queue in sequence order, and the
 *       consumer, which tracks the next expected sequence per stripe, never sees a gap.</li>
 *   <li><b>Reuse.</b> {@code ring[(s+1) % K]} may open for {@code s + 1} only when an acquire load
 *       of its {@code readySeq} equals {@code s + 1}; the consumer's release store of
 *       {@code readySeq} after clearing the batch pairs with it.</li>
 *   <li><b>Full.</b> When the open batch cannot take the record and the next batch is not ready,
 *       {@link #claim} returns {@link #FULL} and changes nothing; waiting or dropping is the
 *       caller's policy. The queue has room for every batch of every stripe, so the hand-off offer
 *       never fails.</li>
 *   <li><b>Progress.</b> Claims are lock-free, except that a producer which meets a sealed batch
 *       whose sealer has not yet stored {@code handedSeq} waits for those few instructions.</li>
 * </ul>
 */
public final class Stripe extends StripeFields {

    /** {@link #claim} result: no room now. */
    public static final long FULL = -1L;

    private final Batch[] ring;
    private final int ringMask;
    private final int index;
    private final MpscArrayQueue<Batch> handOff;
    private final Runnable onHandOff;

    /**
     * @param ringSize batches in the ring, a power of two of at least 2
     * @param batchSlots slots per batch
     * @param handOff the queue sealed batches go to; needs room for every batch of every stripe
     * @param onHandOff run by a producer after it offered a batch (wakes the consumer)
     */
    public Stripe(int index, int ringSize, int batchSlots, MpscArrayQueue<Batch> handOff, Runnable onHandOff) {
        if (Integer.bitCount(ringSize) != 1 || ringSize < 2) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2: " + ringSize);
        }
        this.index = index;
        this.ring = new Batch[ringSize];
        this.ringMask = ringSize - 1;
        for (int i = 0; i < ringSize; i++) {
            ring[i] = new Batch(batchSlots, index, i, i, i == 0);
        }
        this.handOff = handOff;
        this.onHandOff = onHandOff;
        soHandedSeq(-1);
    }

    public int index() {
        return index;
    }

    public int batchSlots() {
        return ring[0].capacity;
    }

    public int ringSize() {
        return ring.length;
    }

    /** The batch that holds (or will hold) sequence {@code seq}. */
    public Batch batchAt(long seq) {
        return ring[(int) seq & ringMask];
    }

    /** The ring's batch number {@code ringIndex}, as packed by {@link #claim}. */
    public Batch batch(int ringIndex) {
        return ring[ringIndex];
    }

    /**
     * Claims {@code slots} consecutive slots in the open batch, sealing and handing off the open
     * batch first if the record does not fit.
     *
     * @param slots at most {@link #batchSlots()}
     * @return {@code ringIndex << 32 | firstSlot}, or {@link #FULL}
     */
    public long claim(int slots) {
        for (int spins = 0; ; ) {
            long s = lvSeq();
            Batch b = ring[(int) s & ringMask];
            long t = b.lvTail();
            if (!Batch.isSealed(t)) {
                int used = Batch.slotsUsed(t);
                if (used + slots <= b.capacity) {
                    if (b.casTail(t, t + Batch.ONE_EVENT + slots)) {
                        return ((long) b.ringIndex << 32) | used;
                    }
                } else if (b.casTail(t, t | Batch.SEALED)) {
                    // We sealed this batch: we own its hand-off. Its sequence is b.openSeq, not
                    // s, which may be stale by whole ring cycles if we were descheduled.
                    long sealed = b.openSeq;
                    while (!handOff.offer(b)) { // the queue has room for every batch
                        Thread.onSpinWait();
                    }
                    soHandedSeq(sealed);
                    onHandOff.run();
                }
                continue;
            }
            if (lvSeq() != s) {
                continue; // b was a stale read
            }
            if (lvHandedSeq() != s) {
                spins = backOff(spins); // the sealer is between its seal and its hand-off
                continue;
            }
            Batch next = ring[(int) (s + 1) & ringMask];
            if (next.lvReadySeq() != s + 1) {
                if (lvSeq() == s) {
                    return FULL;
                }
                continue;
            }
            if (casSeq(s, s + 1)) {
                next.openSeq = s + 1;
                next.casTail(Batch.SEALED, 0);
            }
        }
    }

    /**
     * Consumer only: if {@code expectedSeq} is the current batch and holds records, seals it and
     * marks it handed off so producers move on. The caller then renders and recycles it.
     *
     * @return the sealed batch, or {@code null} if there is nothing to take now
     */
    public Batch sealForConsumer(long expectedSeq) {
        if (lvSeq() != expectedSeq) {
            return null;
        }
        Batch b = ring[(int) expectedSeq & ringMask];
        for (;;) {
            long t = b.lvTail();
            if (Batch.isSealed(t) || Batch.slotsUsed(t) == 0) {
                return null;
            }
            if (b.casTail(t, t | Batch.SEALED)) {
                soHandedSeq(expectedSeq);
                return b;
            }
        }
    }

    /** Whether batch {@code seq} is the current one and is open with nothing in it. */
    public boolean isOpenAndEmpty(long seq) {
        return lvSeq() == seq && ring[(int) seq & ringMask].lvTail() == 0;
    }

    /** Current sequence (racy snapshot). */
    public long sequence() {
        return lvSeq();
    }

    /** Slots used in the current batch (racy snapshot); 0 when it is empty or sealed-empty. */
    public int openSlots() {
        return Batch.slotsUsed(ring[(int) lvSeq() & ringMask].lvTail());
    }

    /** Events staged and not yet recycled, from {@code consumerSeq} on (racy snapshot). */
    public long pendingEvents(long consumerSeq) {
        long s = lvSeq();
        long n = 0;
        for (long q = consumerSeq; q <= s && q < consumerSeq + ring.length; q++) {
            n += ring[(int) q & ringMask].eventCount();
        }
        return n;
    }

    public void countDrop() {
        addDropped(1);
    }

    public long dropped() {
        return lvDropped();
    }

    private static int backOff(int spins) {
        if (spins < 64) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }
}

abstract class StripePad0 {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class StripeFields extends StripePad0 {
    private static final VarHandle SEQ;
    private static final VarHandle HANDED_SEQ;
    private static final VarHandle DROPPED;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SEQ = l.findVarHandle(StripeFields.class, "seq", long.class);
            HANDED_SEQ = l.findVarHandle(StripeFields.class, "handedSeq", long.class);
            DROPPED = l.findVarHandle(StripeFields.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long seq;
    private volatile long handedSeq;
    private volatile long dropped;

    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p110, p111, p112, p113, p114, p115;
    byte p116, p117, p118, p119, p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p130, p131;
    byte p132, p133, p134, p135, p136, p137, p138, p139, p140, p141, p142, p143, p144, p145, p146, p147;
    byte p148, p149, p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p160, p161, p162, p163;

    final long lvSeq() {
        return seq;
    }

    final boolean casSeq(long expect, long update) {
        return SEQ.compareAndSet(this, expect, update);
    }

    final long lvHandedSeq() {
        return handedSeq;
    }

    final void soHandedSeq(long v) {
        HANDED_SEQ.setRelease(this, v);
    }

    final long lvDropped() {
        return dropped;
    }

    final void addDropped(long n) {
        DROPPED.getAndAdd(this, n);
    }
}
