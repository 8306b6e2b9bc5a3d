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

import fastlog.internal.record.RecordLayout;
import fastlog.jcstress.support.TestPipeline;

/**
 * The writer's sweep seals a partly filled batch ({@code StripeReader.sweep(true)}, the linger
 * pass) while two producers are logging into it: every record claimed before the seal is read
 * from the sealed batch, complete (the reader waits for claimed, unpublished records), every
 * record claimed after it goes to the next batch, and none is lost, torn or read twice.
 *
 * <p>Before the race the open batch holds a filler (record 9). A producer logs record 1, then
 * record 2, while the writer sweeps (two actors, so the test runs on two CPUs). The arbiter
 * then reads what is left. Outcome {@code r1, r2}: the record ids
 * the sweep read, in order, and those read afterwards (-1 torn, -3 never published). The sweep
 * reads up to one ring of batches, so it may also seal and read the next batch.
 */
public final class WriterSealsPartlyFilledBatch {

    private WriterSealsPartlyFilledBatch() {
    }

    static final String BROKEN = "A record was lost, torn (-1), read twice, read out of its producer's claim order, "
            + "or read as never published (-3): the sweep's seal CAS did not fix the batch's record count against "
            + "the producers' claim CASes, or the reader did not wait for a claimed record's header.";

    /** A batch of {@code records} one-field records' room, holding the filler. */
    static final class Body {
        final TestPipeline p;
        int swept;

        Body(int records) {
            p = new TestPipeline(2, records * RecordLayout.slotsFor(1));
            if (!p.log(9, 1)) {
                throw new IllegalStateException("setup");
            }
        }

        void producer() {
            p.log(1, 1);
            p.log(2, 1);
        }

        void writer() {
            swept = p.sweep(true);
        }

        void arbiter(II_Result r) {
            r.r1 = swept;
            r.r2 = p.readAll();
        }
    }

    @JCStressTest
    @Description("Room for all three records: only the writer seals.")
    @Outcome(id = {"9, 12", "91, 2", "912, 0"}, expect = ACCEPTABLE,
            desc = "Each record exactly once and in order, the filler first: those claimed before the seal in the "
                    + "swept batch.")
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class RoomForAll {
        final Body t = new Body(3);

        @Actor
        public void producer() {
            t.producer();
        }

        @Actor
        public void writer() {
            t.writer();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }

    @JCStressTest
    @Description("Room for one more record: the producer's seal (record 2 does not fit) races the writer's seal.")
    @Outcome(id = {"9, 12", "91, 2", "912, 0"}, expect = ACCEPTABLE,
            desc = "Each record exactly once and in order, the filler first: those claimed before the seal in the "
                    + "swept batch.")
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class RoomForOne {
        final Body t = new Body(2);

        @Actor
        public void producer() {
            t.producer();
        }

        @Actor
        public void writer() {
            t.writer();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }
}
