package fastlog.jcstress.sampling;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import fastlog.internal.pipeline.Sampler;

/**
 * The sampling policy's lock-free counters ({@link Sampler#admitAt}, the method every sampled
 * logging call goes through, with the period passed in instead of read from the clock): two
 * threads deciding events of the same key at the same time. The claims: every event is counted
 * exactly once, so exactly the first {@code first} of a period are admitted and the rest are
 * counted as suppressed, and an event from an older period never takes a newer period's counter
 * back.
 */
public final class SamplerStress {

    private SamplerStress() {
    }

    static final int KEY = 0x5A3C_71E9;
    static final long PERIOD = 1_000_000_000L;

    @JCStressTest
    @Description("first = 1, thereafter = 0: two threads each decide one event of the same key in the same period.")
    @Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = ACCEPTABLE,
            desc = "Exactly one event was admitted (whichever counted first) and the other was counted as suppressed.")
    @Outcome(expect = FORBIDDEN,
            desc = "Both admitted (an increment was lost: both saw count 1), none admitted, or the suppressed count is "
                    + "not 1 (the LongAdder lost or double-counted an event).")
    @State
    public static class FirstIsAdmittedOnce {
        final Sampler sampler = new Sampler(PERIOD, 1, 0);

        @Actor
        public void first(III_Result r) {
            r.r1 = sampler.admitAt(KEY, 7) ? 1 : 0;
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = sampler.admitAt(KEY, 7) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = (int) sampler.suppressed();
        }
    }

    @JCStressTest
    @Description("first = 1, thereafter = 2: two threads each decide two events of one key in one period (counts 1..4; "
            + "1 and 3 are admitted).")
    @Outcome(id = {"2, 0, 2", "1, 1, 2", "0, 2, 2"}, expect = ACCEPTABLE,
            desc = "Two of the four events were admitted, in any split between the threads, and two suppressed.")
    @Outcome(expect = FORBIDDEN,
            desc = "Another number admitted or suppressed: two events got the same count (a lost update), or a count "
                    + "was skipped.")
    @State
    public static class EveryEventCounted {
        final Sampler sampler = new Sampler(PERIOD, 1, 2);

        @Actor
        public void first(JJJ_Result r) {
            r.r1 = (sampler.admitAt(KEY, 3) ? 1 : 0) + (sampler.admitAt(KEY, 3) ? 1 : 0);
        }

        @Actor
        public void second(JJJ_Result r) {
            r.r2 = (sampler.admitAt(KEY, 3) ? 1 : 0) + (sampler.admitAt(KEY, 3) ? 1 : 0);
        }

        @Arbiter
        public void arbiter(JJJ_Result r) {
            r.r3 = sampler.suppressed();
        }
    }

    @JCStressTest
    @Description("first = 1, thereafter = 0: one event of period 0 was admitted before; then a late event of period 0 "
            + "races an event of period 1.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
            desc = "The late event is suppressed (counted in period 0 if it came first, in period 1 after the new period "
                    + "started) and the period-1 event is admitted as the first of its period.")
    @Outcome(expect = FORBIDDEN,
            desc = "The late event took the counter back to period 0 (then both are admitted), or the new period's first "
                    + "event was suppressed.")
    @State
    public static class LateEventNeverResetsANewerPeriod {
        final Sampler sampler = new Sampler(PERIOD, 1, 0);

        public LateEventNeverResetsANewerPeriod() {
            if (!sampler.admitAt(KEY, 0)) {
                throw new IllegalStateException("setup");
            }
        }

        @Actor
        public void late(III_Result r) {
            r.r1 = sampler.admitAt(KEY, 0) ? 1 : 0;
        }

        @Actor
        public void current(III_Result r) {
            r.r2 = sampler.admitAt(KEY, 1) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = (int) sampler.suppressed();
        }
    }
}
