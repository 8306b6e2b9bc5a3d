package fastlog.jcstress.stripe;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.Stripe;
import fastlog.jcstress.support.Records;

/**
 * Two producers claiming and writing records in the same stripe never interleave or tear each
 * other's records: each record's slots hold only its own producer's values, and both records
 * are there.
 *
 * <p>Each producer writes a three-field record (9 slots) whose every slot identifies it (record
 * 1 or 2; 9 is a filler written before the race); the consumer (the arbiter) reads the stripe's
 * batches the way {@code Consumer.renderBatch} does and reports each batch's record ids in slot
 * order. -1 means a torn record, -2 broken record boundaries, -3 a record never published.
 */
public final class SameStripeRecordsNeverInterleave {

    private SameStripeRecordsNeverInterleave() {
    }

    static final String INTERLEAVED = "A record is torn or missing: both producers' CAS claims overlapped "
            + "(the same slots handed out twice), a record's slots mix the two producers' values (-1), the used "
            + "slot count does not match the records (-2), or a claim failed with room left.";

    static Stripe stripe(int batchSlots, MpscArrayQueue<Batch> q) {
        return new Stripe(0, 2, batchSlots, q, () -> { });
    }

    @JCStressTest
    @Description("Two producers write 3-field records into the same open batch (room for both).")
    @Outcome(id = {"12, 0", "21, 0"}, expect = ACCEPTABLE, desc = "Both records intact, in claim order.")
    @Outcome(expect = FORBIDDEN, desc = INTERLEAVED)
    @State
    public static class OneBatch {
        final MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        final Stripe stripe = stripe(2 * RecordLayout.slotsFor(3), q);
        int full;

        @Actor
        public void producerA() {
            if (Records.claimAndWrite(stripe, 1, 3) == Stripe.FULL) {
                full = 1;
            }
        }

        @Actor
        public void producerB() {
            if (Records.claimAndWrite(stripe, 2, 3) == Stripe.FULL) {
                full = 1;
            }
        }

        @Arbiter
        public void consumer(II_Result r) {
            Batch b = stripe.takeForConsumer(0, true);
            r.r1 = b == null ? -9 : Records.readSealed(b);
            r.r2 = full + (q.isEmpty() ? 0 : 2);
        }
    }

    @JCStressTest
    @Description("The open batch (after the ring wrapped once) has room for only one of the two records: the "
            + "loser seals it, hands it off through the queue and writes into the next batch, which is ring slot 0.")
    @Outcome(id = {"91, 2, 0", "92, 1, 0"}, expect = ACCEPTABLE,
            desc = "The first claimer's record follows the filler; the other record opens the next batch; all intact.")
    @Outcome(expect = FORBIDDEN, desc = INTERLEAVED + " Or the queue did not deliver the sealed batch in sequence order (flag 1/2).")
    @State
    public static class AcrossSealAndWrap {
        final MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        final Stripe stripe = stripe(RecordLayout.slotsFor(3) + RecordLayout.slotsFor(1), q);
        final long s0;
        int full;

        public AcrossSealAndWrap() {
            s0 = Records.advance(stripe, q, 1, 3); // batch 1 lives in ring slot 1; batch 2 wraps to slot 0
            if (Records.claimAndWrite(stripe, 9, 1) == Stripe.FULL) { // 5 of 14 slots used: room for one 3-field record
                throw new IllegalStateException("setup");
            }
        }

        @Actor
        public void producerA() {
            if (Records.claimAndWrite(stripe, 1, 3) == Stripe.FULL) {
                full = 4;
            }
        }

        @Actor
        public void producerB() {
            if (Records.claimAndWrite(stripe, 2, 3) == Stripe.FULL) {
                full = 4;
            }
        }

        @Arbiter
        public void consumer(III_Result r) {
            int flags = full;
            Batch sealed = q.poll();
            if (sealed != stripe.batchAt(s0)) {
                flags |= sealed == null ? 2 : 1;
                r.r1 = -9;
            } else {
                r.r1 = Records.consume(stripe, sealed, s0);
            }
            Batch next = stripe.takeForConsumer(s0 + 1, true);
            r.r2 = next == null ? -9 : Records.readSealed(next);
            r.r3 = flags | (q.isEmpty() ? 0 : 8);
        }
    }
}
