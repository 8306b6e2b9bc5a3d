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
 * The consumer never sees a partly written element: every field the producer wrote before
 * {@code offer} is visible to whoever {@code poll}s the element.
 *
 * <p>The element is a mutable object whose four (non-final, so no final-field freeze helps)
 * fields are written with plain stores just before {@code offer}. Outcome {@code r1, r2}: what
 * the racing consumer saw and what the arbiter saw afterwards, each -1 for "no element" or a
 * bitmask of the fields that held their written value (15 = all four).
 */
public final class ElementFullyVisible {

    private ElementFullyVisible() {
    }

    static final String TORN = "The consumer got the element but some of its fields were still at their "
            + "default (0..14): the element's reference became visible before the plain stores into it (a missing "
            + "release/acquire pair), or the element was lost (-1, -1).";

    /** A log-event-like element: plain, non-final fields. */
    public static final class Event {
        public int level;
        public long timestamp;
        public String message;
        public Object[] fields;
    }

    private static final Object[] FIELDS = {"k", "v"};

    static int seen(Event e) {
        if (e == null) {
            return -1;
        }
        return (e.level == 3 ? 1 : 0) | (e.timestamp == 42L ? 2 : 0) | (e.message == "hello" ? 4 : 0)
                | (e.fields == FIELDS ? 8 : 0);
    }

    static final class Body {
        final MpscArrayQueue<Event> q = new MpscArrayQueue<>(2);
        int consumer;

        Body(boolean wrap) {
            if (wrap) {
                // One full lap: the element reuses slot 0, which the consumer cleared (plain store) before.
                Event filler = new Event();
                Digits.advanceToWrap(q, filler);
                if (!q.offer(filler) || q.poll() != filler) {
                    throw new IllegalStateException("setup");
                }
            }
        }

        void producer() {
            Event e = new Event();
            e.level = 3;
            e.timestamp = 42L;
            e.message = "hello";
            e.fields = FIELDS;
            q.offer(e);
        }

        void consumer() {
            consumer = seen(q.poll());
        }

        void arbiter(II_Result r) {
            r.r1 = consumer;
            r.r2 = seen(q.poll());
        }
    }

    @JCStressTest
    @Description("A producer fills an element's fields and offers it; the consumer polls and reads the fields.")
    @Outcome(id = "-1, 15", expect = ACCEPTABLE, desc = "The consumer came too early; the element was complete afterwards.")
    @Outcome(id = "15, -1", expect = ACCEPTABLE, desc = "The consumer got the element with every field visible.")
    @Outcome(expect = FORBIDDEN, desc = TORN)
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
    @Description("As AtStart, with the indices pre-advanced one full lap: the element reuses slot 0 after the wrap.")
    @Outcome(id = "-1, 15", expect = ACCEPTABLE, desc = "The consumer came too early; the element was complete afterwards.")
    @Outcome(id = "15, -1", expect = ACCEPTABLE, desc = "The consumer got the element with every field visible.")
    @Outcome(expect = FORBIDDEN, desc = TORN)
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
