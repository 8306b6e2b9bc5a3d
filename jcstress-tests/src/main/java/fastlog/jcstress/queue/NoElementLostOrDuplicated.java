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
 * Every element offered by racing producers comes out of {@code MpscArrayQueue} exactly once:
 * none is lost, none is duplicated.
 *
 * <p>Outcome {@code r1, r2}: {@code r1} = how many elements the consumer got while racing the
 * producers; {@code r2} = a bitmask of the elements seen by the consumer and, afterwards, by the
 * arbiter draining the rest (element {@code i} sets bit {@code i-1}), plus 16 if any element was
 * seen twice, plus 32 if an {@code offer} failed although the queue had room. All elements exactly
 * once is mask 15 (four elements) or 63 (six).
 *
 * <p>jcstress runs a test only if the machine has a CPU per actor. {@code TwoProducersOneConsumer}
 * needs 2 (the second producer thread is also the consumer, which the queue allows: in fastlog a
 * thread running {@code flush()} holds the consumer role and may log); the variants with a
 * separate consumer thread need 3 and 4 CPUs and are skipped on smaller machines.
 */
public final class NoElementLostOrDuplicated {

    private NoElementLostOrDuplicated() {
    }

    static final String LOST_OR_DUP = "An element was lost (a bit missing from r2: e.g. a producer's CAS "
            + "claim was overwritten by another producer, or the consumer skipped a claimed-but-unpublished slot) "
            + "or duplicated (+16: the consumer returned a slot twice), or offer failed with room (+32).";

    /** Shared body: producer A offers 1, 2; producer B offers 3, 4 and also consumes. */
    static final class TwoOneBody {
        final MpscArrayQueue<Integer> q = new MpscArrayQueue<>(4);
        int failedOffers;
        int consumerMask;
        int consumerDup;
        int consumerCount;

        TwoOneBody(boolean wrap) {
            if (wrap) {
                Digits.advanceToWrap(q, 9);
            }
        }

        void producer() {
            offer(1);
            offer(2);
        }

        void producerAndConsumer() {
            offer(3);
            take();
            offer(4);
            take();
            take();
            take();
        }

        private synchronized void offerFailed() {
            failedOffers++;
        }

        private void offer(int e) {
            if (!q.offer(e)) {
                offerFailed();
            }
        }

        private void take() {
            Integer e = q.poll();
            if (e != null) {
                int bit = 1 << (e - 1);
                if ((consumerMask & bit) != 0) {
                    consumerDup = 16;
                }
                consumerMask |= bit;
                consumerCount++;
            }
        }

        void arbiter(II_Result r) {
            r.r1 = consumerCount;
            r.r2 = mask(q, consumerMask, consumerDup) | (failedOffers > 0 ? 32 : 0);
        }
    }

    /** Drains {@code q} into a seen-mask started by the consumer; +16 on any duplicate. */
    static int mask(MpscArrayQueue<Integer> q, int mask, int dup) {
        for (Integer e; (e = q.poll()) != null; ) {
            int bit = 1 << (e - 1);
            if ((mask & bit) != 0) {
                dup = 16;
            }
            mask |= bit;
        }
        return mask | dup;
    }

    @JCStressTest
    @Description("Two producers (the second also consumes) race on a fresh MpscArrayQueue of 4; each element comes out once.")
    @Outcome(id = "[0-4], 15", expect = ACCEPTABLE, desc = "All four elements came out exactly once.")
    @Outcome(expect = FORBIDDEN, desc = LOST_OR_DUP)
    @State
    public static class TwoProducersOneConsumer {
        final TwoOneBody t = new TwoOneBody(false);

        @Actor
        public void producerA() {
            t.producer();
        }

        @Actor
        public void producerBAndConsumer() {
            t.producerAndConsumer();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }

    @JCStressTest
    @Description("As TwoProducersOneConsumer, with both indices pre-advanced to capacity - 1 so the elements wrap around the ring.")
    @Outcome(id = "[0-4], 15", expect = ACCEPTABLE, desc = "All four elements came out exactly once across the wrap.")
    @Outcome(expect = FORBIDDEN, desc = LOST_OR_DUP)
    @State
    public static class TwoProducersOneConsumerAcrossWrap {
        final TwoOneBody t = new TwoOneBody(true);

        @Actor
        public void producerA() {
            t.producer();
        }

        @Actor
        public void producerBAndConsumer() {
            t.producerAndConsumer();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            t.arbiter(r);
        }
    }

    /** Shared body for the variants with a dedicated consumer thread: producers offer 2 each. */
    static final class SeparateConsumerBody {
        final MpscArrayQueue<Integer> q;
        int failedOffers;
        int consumerMask;
        int consumerDup;
        int consumerCount;
        final int polls;

        SeparateConsumerBody(int producers, boolean wrap) {
            q = new MpscArrayQueue<>(2 * producers == 6 ? 8 : 4);
            polls = 2 * producers;
            if (wrap) {
                Digits.advanceToWrap(q, 9);
            }
        }

        void producer(int first) {
            if (!q.offer(first)) {
                offerFailed();
            }
            if (!q.offer(first + 1)) {
                offerFailed();
            }
        }

        private synchronized void offerFailed() {
            failedOffers++;
        }

        void consumer() {
            for (int i = 0; i < polls; i++) {
                Integer e = q.poll();
                if (e != null) {
                    int bit = 1 << (e - 1);
                    if ((consumerMask & bit) != 0) {
                        consumerDup = 16;
                    }
                    consumerMask |= bit;
                    consumerCount++;
                }
            }
        }

        void arbiter(II_Result r) {
            r.r1 = consumerCount;
            r.r2 = mask(q, consumerMask, consumerDup) | (failedOffers > 0 ? 32 : 0);
        }
    }

    @JCStressTest
    @Description("Two producers and a separate consumer race on an MpscArrayQueue of 4 (needs 3 CPUs).")
    @Outcome(id = "[0-4], 15", expect = ACCEPTABLE, desc = "All four elements came out exactly once.")
    @Outcome(expect = FORBIDDEN, desc = LOST_OR_DUP)
    @State
    public static class TwoProducersSeparateConsumer {
        final SeparateConsumerBody t = new SeparateConsumerBody(2, false);

        @Actor
        public void producerA() {
            t.producer(1);
        }

        @Actor
        public void producerB() {
            t.producer(3);
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
    @Description("Three producers and a separate consumer race on an MpscArrayQueue of 8, across the wrap (needs 4 CPUs).")
    @Outcome(id = "[0-6], 63", expect = ACCEPTABLE, desc = "All six elements came out exactly once.")
    @Outcome(expect = FORBIDDEN, desc = LOST_OR_DUP)
    @State
    public static class ThreeProducersOneConsumerAcrossWrap {
        final SeparateConsumerBody t = new SeparateConsumerBody(3, true);

        @Actor
        public void producerA() {
            t.producer(1);
        }

        @Actor
        public void producerB() {
            t.producer(3);
        }

        @Actor
        public void producerC() {
            t.producer(5);
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
    @Description("Three producers and a separate consumer race on a fresh MpscArrayQueue of 8 (needs 4 CPUs).")
    @Outcome(id = "[0-6], 63", expect = ACCEPTABLE, desc = "All six elements came out exactly once.")
    @Outcome(expect = FORBIDDEN, desc = LOST_OR_DUP)
    @State
    public static class ThreeProducersOneConsumer {
        final SeparateConsumerBody t = new SeparateConsumerBody(3, false);

        @Actor
        public void producerA() {
            t.producer(1);
        }

        @Actor
        public void producerB() {
            t.producer(3);
        }

        @Actor
        public void producerC() {
            t.producer(5);
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
