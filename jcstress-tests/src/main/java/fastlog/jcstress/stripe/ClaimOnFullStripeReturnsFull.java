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

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.Stripe;
import fastlog.jcstress.support.Records;

/**
 * {@code Stripe.claim} on a full stripe returns {@code FULL} and never overwrites a batch the
 * consumer has not recycled yet.
 *
 * <p>A ring of 2 batches of one record each: batch s0 (record 7) was handed off and is being
 * rendered by the consumer; batch s0+1 (record 8) is full. The producer claims for record 1
 * while the consumer reads batch s0 and recycles it. Outcome {@code r1, r2, r3}: the claim
 * succeeded (1) or returned FULL (0); what the consumer read in batch s0; then what the arbiter
 * read in the batches after it.
 */
public final class ClaimOnFullStripeReturnsFull {

    private ClaimOnFullStripeReturnsFull() {
    }

    static final String OVERWRITE = "The producer claimed slots in a batch the consumer was still reading (its "
            + "record showed up in, or tore, the consumer's batch: r2 != 7), claimed although the stripe was full and "
            + "then wrote nowhere visible, or a record vanished.";

    static final class Body {
        final MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        final Stripe stripe = new Stripe(0, 2, 5, q, () -> { });
        final long s0;
        final Batch rendering;
        int claimed;
        int consumed;

        Body(int advance) {
            s0 = Records.advance(stripe, q, advance, 1);
            // 7 fills batch s0; 8 seals s0 (handed off to q) and fills s0 + 1.
            if (Records.claimAndWrite(stripe, 7, 1) == Stripe.FULL || Records.claimAndWrite(stripe, 8, 1) == Stripe.FULL) {
                throw new IllegalStateException("setup");
            }
            rendering = q.poll(); // the consumer has taken batch s0 and is about to render it
            if (rendering != stripe.batchAt(s0)) {
                throw new IllegalStateException("setup: queue");
            }
        }

        void producer() {
            claimed = Records.claimAndWrite(stripe, 1, 1) == Stripe.FULL ? 0 : 1;
        }

        void consumer() {
            consumed = Records.consume(stripe, rendering, s0);
        }

        void arbiter(III_Result r) {
            r.r1 = claimed;
            r.r2 = consumed;
            int rest;
            Batch b = q.poll(); // the producer sealed s0 + 1 and handed it off either way
            if (b != stripe.batchAt(s0 + 1)) {
                rest = -9;
            } else {
                rest = Records.consume(stripe, b, s0 + 1);
                Batch c = stripe.takeForConsumer(s0 + 2, true);
                if (c != null && rest > 0) {
                    int more = Records.readSealed(c);
                    rest = more < 0 ? more : rest * 10 + more;
                }
            }
            r.r3 = q.isEmpty() ? rest : -9;
        }
    }

    @JCStressTest
    @Description("Claim on a full stripe of 2 one-record batches, racing the consumer's recycle of batch 0.")
    @Outcome(id = "0, 7, 8", expect = ACCEPTABLE, desc = "The claim came before the recycle: FULL, nothing written.")
    @Outcome(id = "1, 7, 81", expect = ACCEPTABLE, desc = "The recycle came first: the record went into the reopened batch.")
    @Outcome(expect = FORBIDDEN, desc = OVERWRITE)
    @State
    public static class AtStart {
        final Body t = new Body(0);

        @Actor
        public void producer() {
            t.producer();
        }

        @Actor
        public void consumer() {
            t.consumer();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            t.arbiter(r);
        }
    }

    @JCStressTest
    @Description("As AtStart, shifted one batch on, so the batch being recycled is ring slot 1 and the full one slot 0.")
    @Outcome(id = "0, 7, 8", expect = ACCEPTABLE, desc = "The claim came before the recycle: FULL, nothing written.")
    @Outcome(id = "1, 7, 81", expect = ACCEPTABLE, desc = "The recycle came first: the record went into the reopened batch.")
    @Outcome(expect = FORBIDDEN, desc = OVERWRITE)
    @State
    public static class AcrossWrap {
        final Body t = new Body(1);

        @Actor
        public void producer() {
            t.producer();
        }

        @Actor
        public void consumer() {
            t.consumer();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            t.arbiter(r);
        }
    }
}
