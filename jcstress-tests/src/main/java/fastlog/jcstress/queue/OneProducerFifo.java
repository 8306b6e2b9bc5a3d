package fastlog.jcstress.queue;

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
import fastlog.jcstress.support.Digits;

/**
 * One producer's elements come out of {@code MpscArrayQueue} in the order they went in.
 *
 * <p>The producer offers 1, 2, 3, 4 into a queue of 4 while the consumer polls four times;
 * the arbiter drains the rest. Outcome {@code r1, r2}: the consumer's non-null elements as a
 * digit sequence (0 = none), then the arbiter's. FIFO means the two concatenate to 1234.
 */
public final class OneProducerFifo {

    private OneProducerFifo() {
    }

    static final String OUT_OF_ORDER = "Out of order, lost or duplicated: the consumer overtook a "
            + "claimed-but-unpublished slot (returned a later element first, or skipped one), or an offer failed "
            + "(0 in r1/r2 where a digit belongs).";

    static final class Body {
        final MpscArrayQueue<Integer> q = new MpscArrayQueue<>(4);
        int failed;
        int consumed;

        Body(boolean wrap) {
            if (wrap) {
                Digits.advanceToWrap(q, 9);
            }
        }

        void producer() {
            for (int i = 1; i <= 4; i++) {
                if (!q.offer(i)) {
                    failed++;
                }
            }
        }

        void consumer() {
            int seq = 0;
            for (int i = 0; i < 4; i++) {
                Integer e = q.poll();
                if (e != null) {
                    seq = Digits.append(seq, e);
                }
            }
            consumed = seq;
        }

        void arbiter(II_Result r) {
            r.r1 = consumed;
            r.r2 = failed > 0 ? -failed : Digits.drain(q);
        }
    }

    @JCStressTest
    @Description("One producer, one consumer, fresh MpscArrayQueue of 4: elements come out as 1, 2, 3, 4.")
    @Outcome(id = {"0, 1234", "1, 234", "12, 34", "123, 4", "1234, 0"}, expect = ACCEPTABLE,
            desc = "FIFO: the consumer got a prefix, the arbiter the rest.")
    @Outcome(expect = FORBIDDEN, desc = OUT_OF_ORDER)
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
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }

    @JCStressTest
    @Description("As AtStart, with the indices pre-advanced to capacity - 1: element 1 goes into the last slot, 2..4 wrap to slots 0..2.")
    @Outcome(id = {"0, 1234", "1, 234", "12, 34", "123, 4", "1234, 0"}, expect = ACCEPTABLE,
            desc = "FIFO across the wrap: the consumer got a prefix, the arbiter the rest.")
    @Outcome(expect = FORBIDDEN, desc = OUT_OF_ORDER)
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
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }
}
