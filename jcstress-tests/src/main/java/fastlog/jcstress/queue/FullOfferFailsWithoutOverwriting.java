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
 * {@code offer} on a full {@code MpscArrayQueue} returns false and never overwrites an element
 * the consumer has not taken yet.
 *
 * <p>The queue (capacity 2) holds 1, 2. The producer offers 3 while the consumer polls once.
 * Outcome {@code r1, r2, r3}: offer's result (1 = true), the consumer's element, then what the
 * arbiter drains, as digits.
 */
public final class FullOfferFailsWithoutOverwriting {

    private FullOfferFailsWithoutOverwriting() {
    }

    static final String OVERWRITE = "The offer overwrote or lost an element (the producer reused slot 0 "
            + "before the consumer's poll released it, e.g. r2 = 3 or r3 missing 2), or it failed although the poll "
            + "had freed a slot and the arbiter still saw its element, or the consumer saw nothing in a full queue.";

    static final class Body {
        final MpscArrayQueue<Integer> q = new MpscArrayQueue<>(2);
        int offered;
        int polled;

        Body(boolean wrap) {
            if (wrap) {
                Digits.advanceToWrap(q, 9);
            }
            if (!q.offer(1) || !q.offer(2) || q.offer(7)) {
                throw new IllegalStateException("setup");
            }
        }

        void producer() {
            offered = q.offer(3) ? 1 : 0;
        }

        void consumer() {
            Integer e = q.poll();
            polled = e == null ? 0 : e;
        }

        void arbiter(III_Result r) {
            r.r1 = offered;
            r.r2 = polled;
            r.r3 = Digits.drain(q);
        }
    }

    @JCStressTest
    @Description("A producer offers into a full MpscArrayQueue of 2 while the consumer polls its head.")
    @Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "The offer came first and failed: the queue was full.")
    @Outcome(id = "1, 1, 23", expect = ACCEPTABLE, desc = "The poll freed a slot first; the offer succeeded behind 2.")
    @Outcome(expect = FORBIDDEN, desc = OVERWRITE)
    @State
    public static class AtStart {
        final Body t = new Body(false);

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
    @Description("As AtStart, with the queue's contents straddling the wrap (1 in the last slot, 2 in slot 0).")
    @Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "The offer came first and failed: the queue was full.")
    @Outcome(id = "1, 1, 23", expect = ACCEPTABLE, desc = "The poll freed a slot first; the offer succeeded behind 2.")
    @Outcome(expect = FORBIDDEN, desc = OVERWRITE)
    @State
    public static class AcrossWrap {
        final Body t = new Body(true);

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
