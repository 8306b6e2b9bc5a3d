package fastlog.internal.stripe;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.record.RecordVisitor;

/**
 * The consumer's side of the stripes: which batch it expects next from each stripe, where it
 * looks for work, and the order in which it reads and recycles batches.
 *
 * <h2>Where the consumer looks</h2>
 * <ol>
 *   <li><b>Hand-offs</b> ({@link #readHandedOff}): a producer that seals a full batch offers it to
 *       the MPSC queue. Each queued batch names a stripe; the consumer reads that stripe's sealed
 *       batches from the one it expects next, so a busy stripe is read without looking at the
 *       idle ones.</li>
 *   <li><b>Sweeps</b> ({@link #sweep}): every stripe, sealed batches and, when asked, the open
 *       batch if it holds records (sealed by the consumer first). The writer sweeps when it has
 *       nothing handed off and at least once per linger period; this is how partly filled
 *       batches get written, and the recovery path for a hand-off that went missing (the queue
 *       was full, or the sealer died between its seal and its offer).</li>
 * </ol>
 * A stale hand-off (its batch was already read by a sweep) costs one look at the stripe.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li>Only the thread holding the pipeline's consumer role calls the reading methods; the role
 *       is passed on by a CAS and a release store, which orders {@code expected[]}.</li>
 *   <li>Batches of one stripe are read strictly in sequence order ({@code expected[i]}), and
 *       batch {@code s} is recycled for {@code s + ringSize} only after all its records were
 *       read ({@link Batch#recycle}, a release store). Then blocked producers are woken
 *       ({@link ParkedProducers#wakeAll}, which fences first).</li>
 *   <li>A pass takes at most one ring's worth of batches per stripe, so it never chases a
 *       producer that keeps filling the stripe.</li>
 *   <li>{@link #hasWork} and {@link #pendingEvents} are racy snapshots: {@code hasWork} is for
 *       the writer thread between passes (see the writer's idle handshake), {@code pendingEvents}
 *       for statistics from any thread.</li>
 * </ul>
 */
public final class StripeReader {

    private final Stripe[] stripes;
    private final MpscArrayQueue<Batch> handOffs;
    private final ParkedProducers parked;
    private final int maxParks;
    /** Next sequence expected from each stripe. */
    private final long[] expected;

    /**
     * @param maxParks how long to wait for one claimed, unpublished record before reporting the
     *        rest of its batch lost ({@link RecordProtocol#read})
     */
    public StripeReader(Stripe[] stripes, MpscArrayQueue<Batch> handOffs, ParkedProducers parked, int maxParks) {
        this.stripes = stripes;
        this.handOffs = handOffs;
        this.parked = parked;
        this.maxParks = maxParks;
        this.expected = new long[stripes.length];
    }

    /**
     * Reads the stripes named by the batches in the hand-off queue (at most as many as the queue
     * holds), each from its next expected batch, sealed batches only.
     *
     * @return records read (published or lost)
     */
    public int readHandedOff(RecordVisitor visitor) {
        int events = 0;
        for (int n = handOffs.capacity(); n > 0; n--) {
            Batch b = handOffs.poll();
            if (b == null) {
                break;
            }
            events += readStripe(b.stripeIndex, Long.MAX_VALUE, false, visitor);
        }
        return events;
    }

    /**
     * Reads every stripe's sealed batches and, if {@code sealPartials}, its open batch when it
     * holds records.
     *
     * @return records read (published or lost)
     */
    public int sweep(boolean sealPartials, RecordVisitor visitor) {
        int events = 0;
        for (int i = 0; i < stripes.length; i++) {
            events += readStripe(i, Long.MAX_VALUE, sealPartials, visitor);
        }
        return events;
    }

    /**
     * Reads every record claimed before this call began (sealing open batches as needed). Waits
     * only for records claimed and not yet published.
     */
    public void readAll(RecordVisitor visitor) {
        while (handOffs.poll() != null) {
            // every batch is reached below; the hand-offs would only repeat them
        }
        for (int i = 0; i < stripes.length; i++) {
            long last = stripes[i].sequence();
            while (expected[i] <= last && readStripe(i, last, true, visitor) > 0) {
                // up to the sequence that was current when this call began
            }
        }
    }

    /** Stripe {@code si}'s batches in sequence order up to {@code lastSeq}, one ring's worth at most. */
    private int readStripe(int si, long lastSeq, boolean sealPartial, RecordVisitor visitor) {
        Stripe stripe = stripes[si];
        int events = 0;
        Batch b;
        for (int n = stripe.ringSize(); n > 0 && expected[si] <= lastSeq
                && (b = stripe.takeForConsumer(expected[si], sealPartial)) != null; n--) {
            events += readBatch(stripe, b, si, visitor);
        }
        return events;
    }

    private int readBatch(Stripe stripe, Batch b, int si, RecordVisitor visitor) {
        int used = b.sealedSlots();
        int events = b.eventCount();
        RecordProtocol.read(b.longs, b.refs, used, events, maxParks, visitor);
        long seq = expected[si];
        b.recycle(used, seq + stripe.ringSize());
        expected[si] = seq + 1;
        parked.wakeAll();
        visitor.batchDone();
        return events;
    }

    /** Whether batches were handed off since the last {@link #readHandedOff} (racy). */
    public boolean hasHandOffs() {
        return !handOffs.isEmpty();
    }

    /** Whether anything waits to be read (racy; the writer's re-check before it parks). */
    public boolean hasWork() {
        if (!handOffs.isEmpty()) {
            return true;
        }
        for (int i = 0; i < stripes.length; i++) {
            if (stripes[i].hasRecords(expected[i])) {
                return true;
            }
        }
        return false;
    }

    /** Records staged and not yet read (racy snapshot from any thread). */
    public long pendingEvents() {
        long n = 0;
        for (int i = 0; i < stripes.length; i++) {
            n += stripes[i].pendingEvents(expected[i]);
        }
        return n;
    }

    /** Events dropped by every stripe since start (racy snapshot from any thread). */
    public long totalDropped() {
        long total = 0;
        for (Stripe s : stripes) {
            total += s.dropped();
        }
        return total;
    }
}
