package fastlog.jcstress.stripe;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.Stripe;
import fastlog.jcstress.support.Records;

/**
 * A batch sealed by a producer whose record did not fit reaches the consumer through the queue
 * in sequence order, and the consumer sees every record claimed in it before the seal, complete,
 * even one whose producer publishes only after the seal.
 *
 * <p>Batches hold 12 slots. Before the race the open batch holds a 9-slot filler (record 9).
 * Producer A writes a 3-slot record (1), which fits; producer B a 5-slot record (2), which does
 * not: B seals the batch, offers it to the queue, opens the next batch, writes there, and then
 * acts as the consumer (as a thread in {@code flush()} would): it polls the queue, expects the
 * stripe's next sequence, waits for unpublished headers and reads the records. The arbiter then
 * sweeps the next batch. Outcome {@code r1, r2}: the record ids of the handed-off batch and of
 * the next batch (-1 torn, -2 bad boundaries, -3 never published, -9 wrong or missing batch).
 */
public final class HandOffDeliversEveryRecord {

    private HandOffDeliversEveryRecord() {
    }

    static final String LOST = "A record claimed before the seal is missing or torn in the handed-off batch (the "
            + "consumer read sealedSlots or a header before the producer's writes were visible, or skipped a "
            + "claimed-but-unpublished record), a record landed in a sealed batch, or the queue delivered a batch "
            + "other than the stripe's next sequence (-9).";

    static final class Body {
        final MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        final Stripe stripe = new Stripe(0, 2, 12, q, () -> { });
        final long s0;
        int handedOff;

        Body(int advance) {
            s0 = Records.advance(stripe, q, advance, 3);
            if (Records.claimAndWrite(stripe, 9, 3) == Stripe.FULL) {
                throw new IllegalStateException("setup");
            }
        }

        void producerA() {
            if (Records.claimAndWrite(stripe, 1, 0) == Stripe.FULL) {
                handedOff = -8; // never happens when correct: there is always room for A
            }
        }

        void producerBThenConsumer() {
            if (Records.claimAndWrite(stripe, 2, 1) == Stripe.FULL) {
                handedOff = -8;
                return;
            }
            Batch b = q.poll(); // B sealed and offered it itself, so it is there
            if (b == null || b != stripe.batchAt(s0)) {
                handedOff = -9;
                return;
            }
            handedOff = Records.consume(stripe, b, s0);
        }

        void arbiter(II_Result r) {
            r.r1 = handedOff;
            Batch next = stripe.takeForConsumer(s0 + 1, true);
            r.r2 = next == null || !q.isEmpty() ? -9 : Records.readSealed(next);
        }
    }

    @JCStressTest
    @Description("Hand-off from batch 0 (ring slot 0) to batch 1.")
    @Outcome(id = "91, 2", expect = ACCEPTABLE, desc = "A claimed before the seal: its record is in the handed-off batch, complete.")
    @Outcome(id = {"9, 21", "9, 12"}, expect = ACCEPTABLE, desc = "B sealed first: A's record went to the next batch, before or after B's.")
    @Outcome(expect = FORBIDDEN, desc = LOST)
    @State
    public static class AtStart {
        final Body t = new Body(0);

        @Actor
        public void producerA() {
            t.producerA();
        }

        @Actor
        public void producerBThenConsumer() {
            t.producerBThenConsumer();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }

    @JCStressTest
    @Description("Hand-off from batch 1 (the last ring slot) to batch 2, which wraps to ring slot 0.")
    @Outcome(id = "91, 2", expect = ACCEPTABLE, desc = "A claimed before the seal: its record is in the handed-off batch, complete.")
    @Outcome(id = {"9, 21", "9, 12"}, expect = ACCEPTABLE, desc = "B sealed first: A's record went to the next batch, before or after B's.")
    @Outcome(expect = FORBIDDEN, desc = LOST)
    @State
    public static class AcrossWrap {
        final Body t = new Body(1);

        @Actor
        public void producerA() {
            t.producerA();
        }

        @Actor
        public void producerBThenConsumer() {
            t.producerBThenConsumer();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }
}
