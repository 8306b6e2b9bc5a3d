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
 * A record made by the event builder ({@code Logger.atInfo().field(..)...log(msg)}) is claimed
 * with its trailers and fixed slots first ({@code EventAppender.begin}) and filled and published
 * afterwards ({@code publishBegun}), unlike the typed calls, which do it in one method. These
 * tests race that two-step path, through the real {@code EventBuilder}, against a typed producer
 * in the same batch and against the writer sealing and reading the batch while the record is
 * being filled. -1 means a torn record, -3 a record never published.
 */
public final class BuiltRecordsPublishWhole {

    private BuiltRecordsPublishWhole() {
    }

    @JCStressTest
    @Description("A built 3-field record and a typed 3-field record claimed in the same open batch (room for both).")
    @Outcome(id = {"12, 0", "21, 0"}, expect = ACCEPTABLE, desc = "Both records intact, in claim order.")
    @Outcome(expect = FORBIDDEN, desc = "A record is torn (-1) or missing (-3), or a claim failed with room left (flag 1).")
    @State
    public static class BuiltBesideTyped {
        final TestPipeline p = new TestPipeline(2, 2 * RecordLayout.slotsFor(3));
        boolean fullA;
        boolean fullB;

        @Actor
        public void builder() {
            fullA = !p.logBuilt(1, 3);
        }

        @Actor
        public void typed() {
            fullB = !p.log(2, 3);
        }

        @Arbiter
        public void consumer(II_Result r) {
            r.r1 = p.readAll();
            r.r2 = fullA || fullB ? 1 : 0;
        }
    }

    @JCStressTest
    @Description("The writer's linger sweep seals and reads the open batch while the builder claims and fills a record.")
    @Outcome(id = {"1, 0, 0"}, expect = ACCEPTABLE,
            desc = "The sweep found the record (claimed before the seal) and waited for it to be published whole.")
    @Outcome(id = {"0, 1, 0"}, expect = ACCEPTABLE,
            desc = "The sweep came first and found nothing; the record is read afterwards.")
    @Outcome(expect = FORBIDDEN, desc = "A record torn (-1), lost (-3) or read twice, or a claim failed with room left.")
    @State
    public static class SweptWhileBuilding {
        final TestPipeline p = new TestPipeline(2, 2 * RecordLayout.slotsFor(3));
        boolean full;

        @Actor
        public void builder() {
            full = !p.logBuilt(1, 3);
        }

        @Actor
        public void writer(III_Result r) {
            r.r1 = p.sweep(true);
        }

        @Arbiter
        public void rest(III_Result r) {
            r.r2 = p.readAll();
            r.r3 = full ? 1 : 0;
        }
    }
}
