package fastlog.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The properties of {@code fastlog.jcstress.queue.NoElementLostOrDuplicated} and
 * {@code ElementFullyVisible}, with the same actors and the same outcome tables, run against
 * {@link BrokenMpscArrayQueue}: jcstress must report FORBIDDEN outcomes here. Excluded from
 * {@code make jcstress}; run by {@code make jcstress-broken}.
 */
public final class BrokenQueueLosesElements {

    private BrokenQueueLosesElements() {
    }

    @JCStressTest
    @Description("BROKEN QUEUE. Same test as queue.NoElementLostOrDuplicated.TwoProducersOneConsumer.")
    @Outcome(id = "[0-4], 15", expect = ACCEPTABLE, desc = "All four elements came out exactly once.")
    @Outcome(expect = FORBIDDEN, desc = "An element was lost: the consumer saw producerIndex move, took the slot "
            + "before the producer's plain store of the element (got null, advanced past it), and the element "
            + "stored there afterwards was never returned.")
    @State
    public static class TwoProducersOneConsumer {
        final BrokenMpscArrayQueue<Integer> q = new BrokenMpscArrayQueue<>(4);
        int failedOffers;
        int consumerMask;
        int consumerDup;
        int consumerCount;

        @Actor
        public void producerA() {
            offer(1);
            offer(2);
        }

        @Actor
        public void producerBAndConsumer() {
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

        @Arbiter
        public void arbiter(II_Result r) {
            int mask = consumerMask;
            int dup = consumerDup;
            for (Integer e; (e = q.poll()) != null; ) {
                int bit = 1 << (e - 1);
                if ((mask & bit) != 0) {
                    dup = 16;
                }
                mask |= bit;
            }
            r.r1 = consumerCount;
            r.r2 = mask | dup | (failedOffers > 0 ? 32 : 0);
        }
    }

    /** A log-event-like element: plain, non-final fields. */
    public static final class Event {
        public int level;
        public long timestamp;
        public String message;
    }

    static int seen(Event e) {
        if (e == null) {
            return -1;
        }
        return (e.level == 3 ? 1 : 0) | (e.timestamp == 42L ? 2 : 0) | (e.message == "hello" ? 4 : 0) | 8;
    }

    @JCStressTest
    @Description("BROKEN QUEUE. Same test as queue.ElementFullyVisible.AtStart.")
    @Outcome(id = "-1, 15", expect = ACCEPTABLE, desc = "The consumer came too early; the element was complete afterwards.")
    @Outcome(id = "15, -1", expect = ACCEPTABLE, desc = "The consumer got the element with every field visible.")
    @Outcome(expect = FORBIDDEN, desc = "-1, -1: the element was lost (the consumer took its slot between the "
            + "producer's index CAS and its element store, returned null and moved on); 0..14: fields missing.")
    @State
    public static class ElementFullyVisible {
        final BrokenMpscArrayQueue<Event> q = new BrokenMpscArrayQueue<>(2);
        int consumer;

        @Actor
        public void producer() {
            Event e = new Event();
            e.level = 3;
            e.timestamp = 42L;
            e.message = "hello";
            q.offer(e);
        }

        @Actor
        public void consumer() {
            consumer = seen(q.poll());
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = consumer;
            r.r2 = seen(q.poll());
        }
    }
}
