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

import fastlog.internal.record.RecordLayout;
import fastlog.jcstress.support.TestPipeline;

/**
 * A claim on a full stripe returns {@code FULL} (the event is dropped under the DROP policy) and
 * never overwrites a batch the consumer has not recycled yet.
 *
 * <p>A ring of 2 batches of one record each: batch s0 (record 7) was handed off; batch s0+1
 * (record 8) is full. The producer logs record 1 while the consumer runs a hand-off pass
 * (reads batch s0, recycles it, and reads batch s0+1 too if the producer's failed claim has
 * sealed it by then). Outcome {@code r1, r2, r3}: the record was written (1) or dropped (0);
 * what the consumer read; what the arbiter read afterwards.
 */
public final class ClaimOnFullStripeReturnsFull {

    private ClaimOnFullStripeReturnsFull() {
    }

    static final String OVERWRITE = "The producer claimed slots in a batch the consumer was still reading (its "
            + "record showed up in, or tore, the consumer's batch), claimed although the stripe was full and then "
            + "wrote nowhere visible, or a record vanished or came twice.";

    static final class Body {
        final TestPipeline p = new TestPipeline(2, RecordLayout.slotsFor(1));
        int written;
        int consumed;

        Body(int advance) {
            p.advance(advance, 1);
            // 7 fills batch s0; 8 seals s0 (handed off) and fills s0 + 1.
            if (!p.log(7, 1) || !p.log(8, 1)) {
                throw new IllegalStateException("setup");
            }
        }

        void producer() {
            written = p.log(1, 1) ? 1 : 0;
        }

        void consumer() {
            consumed = p.readHandedOff();
        }

        void arbiter(III_Result r) {
            r.r1 = written;
            r.r2 = consumed;
            r.r3 = p.readAll();
        }
    }

    @JCStressTest
    @Description("Claim on a full stripe of 2 one-record batches, racing the consumer's recycle of batch 0.")
    @Outcome(id = {"0, 7, 8", "0, 78, 0"}, expect = ACCEPTABLE,
            desc = "The claim came before the recycle: FULL, dropped, nothing written.")
    @Outcome(id = {"1, 7, 81", "1, 78, 1"}, expect = ACCEPTABLE,
            desc = "The recycle came first: the record went into the reopened batch, after 8.")
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
    @Outcome(id = {"0, 7, 8", "0, 78, 0"}, expect = ACCEPTABLE,
            desc = "The claim came before the recycle: FULL, dropped, nothing written.")
    @Outcome(id = {"1, 7, 81", "1, 78, 1"}, expect = ACCEPTABLE,
            desc = "The recycle came first: the record went into the reopened batch, after 8.")
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
