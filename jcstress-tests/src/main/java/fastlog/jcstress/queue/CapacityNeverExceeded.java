package fastlog.jcstress.queue;

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
import fastlog.jcstress.support.Digits;

/**
 * Two producers racing for the last free slot of an {@code MpscArrayQueue}: exactly one wins,
 * so the queue never holds more than its capacity.
 *
 * <p>The queue (capacity 2) holds 1. Producer A offers 3, producer B offers 4. Outcome
 * {@code r1, r2, r3}: A's and B's offer results (1 = true) and the arbiter's drain as digits.
 */
public final class CapacityNeverExceeded {

    private CapacityNeverExceeded() {
    }

    static final String EXCEEDED = "Both offers succeeded (capacity exceeded: both producers passed the "
            + "limit check and the loser of the CAS did not re-check), neither did although a slot was free, or the "
            + "drain does not match the offers (an element overwrote another).";

    static final class Body {
        final MpscArrayQueue<Integer> q = new MpscArrayQueue<>(2);
        int a;
        int b;

        Body(boolean wrap) {
            if (wrap) {
                Digits.advanceToWrap(q, 9);
            }
            if (!q.offer(1)) {
                throw new IllegalStateException("setup");
            }
        }

        void arbiter(III_Result r) {
            r.r1 = a;
            r.r2 = b;
            r.r3 = Digits.drain(q);
        }
    }

    @JCStressTest
    @Description("Two producers race for the one free slot of a fresh MpscArrayQueue of 2.")
    @Outcome(id = "1, 0, 13", expect = ACCEPTABLE, desc = "A took the last slot; B found the queue full.")
    @Outcome(id = "0, 1, 14", expect = ACCEPTABLE, desc = "B took the last slot; A found the queue full.")
    @Outcome(expect = FORBIDDEN, desc = EXCEEDED)
    @State
    public static class AtStart {
        final Body t = new Body(false);

        @Actor
        public void producerA() {
            t.a = t.q.offer(3) ? 1 : 0;
        }

        @Actor
        public void producerB() {
            t.b = t.q.offer(4) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            t.arbiter(r);
        }
    }

    @JCStressTest
    @Description("As AtStart, with element 1 in the last slot, so the contested slot is slot 0 after the wrap.")
    @Outcome(id = "1, 0, 13", expect = ACCEPTABLE, desc = "A took the last slot; B found the queue full.")
    @Outcome(id = "0, 1, 14", expect = ACCEPTABLE, desc = "B took the last slot; A found the queue full.")
    @Outcome(expect = FORBIDDEN, desc = EXCEEDED)
    @State
    public static class AcrossWrap {
        final Body t = new Body(true);

        @Actor
        public void producerA() {
            t.a = t.q.offer(3) ? 1 : 0;
        }

        @Actor
        public void producerB() {
            t.b = t.q.offer(4) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            t.arbiter(r);
        }
    }
}
