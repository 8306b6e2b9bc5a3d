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

import fastlog.internal.record.RecordLayout;
import fastlog.jcstress.support.TestPipeline;

/**
 * Two producers logging into the same stripe through the real {@code EventAppender} never
 * interleave or tear each other's records: each record's slots hold only its own producer's
 * values, and both records are there.
 *
 * <p>Each producer logs a three-field record (9 slots) whose every slot identifies it (record 1
 * or 2; 9 is a filler logged before the race); the arbiter reads the stripe through the real
 * {@code StripeReader} and reports each read's record ids in order. -1 means a torn record, -3 a
 * record never published.
 */
public final class SameStripeRecordsNeverInterleave {

    private SameStripeRecordsNeverInterleave() {
    }

    static final String INTERLEAVED = "A record is torn or missing: both producers' CAS claims overlapped "
            + "(the same slots handed out twice), a record's slots mix the two producers' values (-1), a claimed "
            + "record was never published (-3), or a claim failed with room left (flag 1).";

    @JCStressTest
    @Description("Two producers log 3-field records into the same open batch (room for both).")
    @Outcome(id = {"12, 0", "21, 0"}, expect = ACCEPTABLE, desc = "Both records intact, in claim order.")
    @Outcome(expect = FORBIDDEN, desc = INTERLEAVED + " Or the batch was handed off although nothing was full (flag 2).")
    @State
    public static class OneBatch {
        final TestPipeline p = new TestPipeline(2, 2 * RecordLayout.slotsFor(3));
        boolean fullA;
        boolean fullB;

        @Actor
        public void producerA() {
            fullA = !p.log(1, 3);
        }

        @Actor
        public void producerB() {
            fullB = !p.log(2, 3);
        }

        @Arbiter
        public void consumer(II_Result r) {
            int flags = (fullA || fullB ? 1 : 0) | (p.queue.isEmpty() ? 0 : 2);
            r.r1 = p.readAll();
            r.r2 = flags;
        }
    }

    @JCStressTest
    @Description("The open batch (after the ring wrapped once) has room for only one of the two records: the "
            + "loser seals it, hands it off through the queue and logs into the next batch, which is ring slot 0.")
    @Outcome(id = {"91, 2, 0", "92, 1, 0"}, expect = ACCEPTABLE,
            desc = "The first claimer's record follows the filler in the handed-off batch; the other record opens "
                    + "the next batch; all intact.")
    @Outcome(expect = FORBIDDEN, desc = INTERLEAVED + " Or the hand-off did not deliver the sealed batch (r1 = 0).")
    @State
    public static class AcrossSealAndWrap {
        final TestPipeline p = new TestPipeline(2, RecordLayout.slotsFor(3) + RecordLayout.slotsFor(1));
        boolean fullA;
        boolean fullB;

        public AcrossSealAndWrap() {
            p.advance(1, 3); // batch 1 lives in ring slot 1; batch 2 wraps to slot 0
            if (!p.log(9, 1)) { // 5 of 14 slots used: room for one 3-field record
                throw new IllegalStateException("setup");
            }
        }

        @Actor
        public void producerA() {
            fullA = !p.log(1, 3);
        }

        @Actor
        public void producerB() {
            fullB = !p.log(2, 3);
        }

        @Arbiter
        public void consumer(III_Result r) {
            r.r1 = p.readHandedOff(); // the sealed batch, found through its hand-off only
            r.r2 = p.readAll();
            r.r3 = fullA || fullB ? 1 : 0;
        }
    }
}
