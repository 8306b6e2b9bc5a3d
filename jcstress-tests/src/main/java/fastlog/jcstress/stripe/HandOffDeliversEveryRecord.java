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

import fastlog.jcstress.support.TestPipeline;

/**
 * A batch sealed by a producer whose record did not fit reaches the consumer through the hand-off
 * queue alone ({@code StripeReader.readHandedOff}, no sweep), and the consumer reads every record
 * claimed in it before the seal, complete, even one whose producer publishes only after the seal.
 *
 * <p>Batches hold 12 slots. Before the race the open batch holds a 9-slot filler (record 9).
 * Producer A logs a 3-slot record (1), which fits; producer B a 5-slot record (2), which does
 * not: B seals the batch, hands it off, opens the next batch, logs there, and then acts as the
 * writer's hand-off pass (as a thread in {@code flush()} could). The arbiter then reads what is
 * left. Outcome {@code r1, r2}: the record ids read from the hand-off and those read afterwards
 * (-1 torn, -3 never published).
 */
public final class HandOffDeliversEveryRecord {

    private HandOffDeliversEveryRecord() {
    }

    static final String LOST = "A record claimed before the seal is missing or torn in the handed-off batch (the "
            + "consumer read the sealed counts or a header before the producer's writes were visible, or skipped a "
            + "claimed-but-unpublished record), a record landed in a sealed batch, or the hand-off named no batch "
            + "the reader could read (r1 = 0).";

    static final class Body {
        final TestPipeline p = new TestPipeline(2, 12);
        int handedOff;

        Body(int advance) {
            p.advance(advance, 3);
            if (!p.log(9, 3)) {
                throw new IllegalStateException("setup");
            }
        }

        void producerA() {
            if (!p.log(1, 0)) {
                handedOff = -8; // never happens when correct: there is always room for A
            }
        }

        void producerBThenConsumer() {
            if (!p.log(2, 1)) {
                handedOff = -8;
                return;
            }
            handedOff = p.readHandedOff(); // B sealed and handed off batch s0 itself, so it is there
        }

        void arbiter(II_Result r) {
            r.r1 = handedOff;
            r.r2 = p.readAll();
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
