package fastlog.internal.stripe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import fastlog.internal.queue.MpscArrayQueue;

/**
 * One staging stripe: a ring of {@code K} batches of which at most one is open at a time. Threads
 * map to a stripe by thread id, so one thread's records stay in one stripe, in order.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> Any thread calls {@link #claim}. Only the consumer (the thread
 *       holding the pipeline's consumer role, through {@link StripeReader}) calls
 *       {@link #takeForConsumer} and {@link Batch#recycle}.</li>
 *   <li><b>Sequence.</b> {@code seq} numbers the stripe's batches; batch {@code s} lives in
 *       {@code ring[s % K]}. {@code seq} only grows, by CAS from {@code s} to {@code s + 1}, made
 *       only after a load saw batch {@code s} sealed or already recycled (and {@code seq} still {@code s}), and batch
 *       {@code s + 1} ready for {@code s + 1} (see {@link Batch} for the tail states).</li>
 *   <li><b>Invariant: at most one open batch</b>, and it is {@code ring[seq % K]}. A batch opens
 *       only by a CAS of its tail from "ready for {@code seq}" to 0, and it is sealed before
 *       {@code seq} can move past it. So a producer that CASes room into any open tail has
 *       claimed room in the current batch, even if it read {@code seq} long ago.</li>
 *   <li><b>Every step can be finished by any thread.</b> Opening the batch that {@code seq} points
 *       to is a CAS any claimer makes when it sees the tail still ready for {@code seq}; a sealed
 *       batch reaches the consumer whether or not its sealer's hand-off happens, because the
 *       consumer looks at {@code ring[expected % K]} itself. So a thread that dies between two
 *       steps (a StackOverflowError in the caller's thread) cannot wedge the stripe.</li>
 *   <li><b>Hand-off.</b> The producer that seals a full batch offers it to the MPSC queue and
 *       runs {@code onHandOff} (wakes the consumer). The consumer reads the stripes named by the
 *       queued batches, in sequence order from the batch it expects next; so a stripe's batches
 *       are read in order whatever order the hand-offs arrive in. A hand-off can go missing (the
 *       queue was full, or the sealer died between its seal CAS and its offer): the consumer's
 *       periodic sweep of every stripe finds such a batch by looking (see {@link StripeReader}).</li>
 *   <li><b>Reuse.</b> Batch {@code s + K} may open only after the consumer's release store of
 *       "ready for {@code s + K}" into {@code ring[s % K]}'s tail, which it makes after clearing
 *       the batch; the opener's CAS reads that value (acquire).</li>
 *   <li><b>Full.</b> When the open batch cannot take the record and the next batch is not ready,
 *       {@link #claim} returns {@link #FULL} and changes nothing; waiting or dropping is the
 *       caller's policy.</li>
 *   <li><b>Progress.</b> Claims are lock-free: every retry follows another thread's successful
 *       CAS.</li>
 * </ul>
 */
public final class Stripe extends StripeFields {

    /** {@link #claim} result: no room now. */
    public static final long FULL = -1L;

    private final Batch[] ring;
    private final int ringMask;
    private final MpscArrayQueue<Batch> handOff;
    private final Runnable onHandOff;

    /**
     * @param index this stripe's position in the pipeline's stripe array (recorded in its batches)
     * @param ringSize batches in the ring, a power of two of at least 2
     * @param batchSlots slots per batch
     * @param handOff the queue sealed batches are offered to, as hints for the consumer
     * @param onHandOff run by a producer after it sealed a batch (wakes the consumer)
     */
    public Stripe(int index, int ringSize, int batchSlots, MpscArrayQueue<Batch> handOff, Runnable onHandOff) {
        if (Integer.bitCount(ringSize) != 1 || ringSize < 2) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2: " + ringSize);
        }
        this.ring = new Batch[ringSize];
        this.ringMask = ringSize - 1;
        for (int i = 0; i < ringSize; i++) {
            ring[i] = new Batch(batchSlots, index, i, i, i == 0);
        }
        this.handOff = handOff;
        this.onHandOff = onHandOff;
    }

    public int ringSize() {
        return ring.length;
    }

    /** The ring's batch number {@code ringIndex}, as packed by {@link #claim}. */
    public Batch batch(int ringIndex) {
        return ring[ringIndex];
    }

    /**
     * Claims {@code slots} consecutive slots in the open batch, sealing the open batch and moving
     * to the next one first if the record does not fit; then stores {@code mark} in the first
     * claimed slot's long.
     *
     * <p>The mark is stored right after the claiming CAS, with no method call in between (so no
     * StackOverflowError can fall between them): from the moment a record exists its first slot
     * says how long it is, and a record whose producer fails before publishing it costs the
     * reader that record only ({@code RecordProtocol}). The store is plain: a reader that does
     * not see it yet sees 0 and waits.
     *
     * @param slots at most the batch capacity
     * @param mark non-zero; what the first slot holds until the record is published
     * @return {@code ringIndex << 32 | firstSlot}, or {@link #FULL}
     */
    public long claim(int slots, long mark) {
        for (;;) {
            long s = lvSeq();
            Batch b = ring[(int) s & ringMask];
            long t = b.lvTail();
            if (!Batch.isClosed(t)) {
                int used = Batch.slotsUsed(t);
                if (used + slots <= b.capacity) {
                    if (b.casTail(t, t + Batch.ONE_EVENT + slots)) {
                        b.longs[used] = mark;
                        return ((long) b.ringIndex << 32) | used;
                    }
                } else if (b.casTail(t, t | Batch.SEALED)) {
                    handOff(b);
                }
                continue;
            }
            if (t == Batch.readyFor(s)) {
                b.casTail(t, 0); // seq points here but nobody has opened it yet (or its opener died)
                continue;
            }
            if (lvSeq() != s) {
                continue; // stale: seq has moved on since we read it
            }
            // Batch s is sealed, or already taken and recycled by the consumer (its tail is then
            // ready for s + K): move on to s + 1 if the consumer has made it ready.
            Batch next = ring[(int) (s + 1) & ringMask];
            long ready = Batch.readyFor(s + 1);
            if (next.lvTail() != ready) {
                if (lvSeq() == s) {
                    return FULL;
                }
                continue;
            }
            if (casSeq(s, s + 1)) {
                next.casTail(ready, 0);
            }
        }
    }

    /** We sealed {@code b}: hand it to the consumer. A lost hand-off only delays it until the next sweep. */
    private void handOff(Batch b) {
        handOff.offer(b);
        onHandOff.run();
    }

    /**
     * Consumer only: batch {@code expectedSeq} (the consumer has recycled every earlier one) if it
     * is sealed with records; or, if {@code sealPartial} and it is open with records, seals it
     * first. The caller then renders and recycles it.
     *
     * @return the batch, or {@code null} if there is nothing to take now
     */
    public Batch takeForConsumer(long expectedSeq, boolean sealPartial) {
        Batch b = ring[(int) expectedSeq & ringMask];
        for (;;) {
            long t = b.lvTail();
            if (Batch.isSealedWithRecords(t)) {
                return b;
            }
            // Ready (not opened yet) or open: it is batch expectedSeq, since the consumer recycled
            // expectedSeq - K into it and nothing moves past an unsealed batch.
            if (!sealPartial || Batch.isReady(t) || Batch.slotsUsed(t) == 0) {
                return null;
            }
            if (b.casTail(t, t | Batch.SEALED)) {
                return b;
            }
        }
    }

    /** Whether batch {@code expectedSeq} holds records the consumer could take now or after sealing it. */
    public boolean hasRecords(long expectedSeq) {
        long t = ring[(int) expectedSeq & ringMask].lvTail();
        return Batch.isSealedWithRecords(t) || (!Batch.isClosed(t) && Batch.slotsUsed(t) > 0);
    }

    /** Current sequence (racy snapshot). */
    public long sequence() {
        return lvSeq();
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

}

abstract class StripePad0 {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class StripeFields extends StripePad0 {
    private static final VarHandle SEQ;
    private static final VarHandle DROPPED;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SEQ = l.findVarHandle(StripeFields.class, "seq", long.class);
            DROPPED = l.findVarHandle(StripeFields.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long seq;
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

    final long lvDropped() {
        return dropped;
    }

    final void addDropped(long n) {
        DROPPED.getAndAdd(this, n);
    }
}
