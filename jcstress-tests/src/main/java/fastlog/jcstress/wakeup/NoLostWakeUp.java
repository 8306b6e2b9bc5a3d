package fastlog.jcstress.wakeup;

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

import fastlog.internal.pipeline.WriterThread;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;
import fastlog.jcstress.support.TestPipeline;

/**
 * No lost wake-up: a thread about to park on a condition and the thread that makes the
 * condition true never both miss each other (each is a Dekker-style handshake: "I write my
 * flag, then read yours"). Both handshakes run the production methods: {@code ParkedProducers},
 * {@code Stripe.claim} and {@code StripeReader} for a blocked producer; {@code WriterThread}'s
 * {@code goIdle} and {@code recordPublished} for the writer. A third test races a wake-up against a
 * whole writer cycle (woken, then idle again): the wake-up must not leave the writer marked awake
 * unless it woke the writer from its latest IDLE.
 */
public final class NoLostWakeUp {

    private NoLostWakeUp() {
    }

    @JCStressTest
    @Description("Producer: register in ParkedProducers, re-check by claiming. Consumer: StripeReader's hand-off "
            + "pass (read, recycle: ready tail, then wakeAll()).")
    @Outcome(id = {"1, 0, 78", "1, 1, 78"}, expect = ACCEPTABLE,
            desc = "The producer's re-check saw the recycled batch and claimed (a wake-up, if any, is spare).")
    @Outcome(id = "0, 1, 78", expect = ACCEPTABLE,
            desc = "The re-check came too early (FULL), but wakeAll() saw the registration and unparked the producer.")
    @Outcome(id = "0, 0, 78", expect = FORBIDDEN,
            desc = "LOST WAKE-UP: the producer's re-check read the old ready tail (FULL, so it parks) and the consumer's "
                    + "wakeAll() read an empty stack (so it unparks no one). Possible if the consumer's store of "
                    + "ready tail is only a release store: a later load (of ParkedProducers.head) may then be satisfied "
                    + "before the store is visible (store-load reordering, allowed even on x86).")
    @Outcome(expect = FORBIDDEN, desc = "The consumer did not read both full batches intact (r3 != 78).")
    @State
    public static class BlockedProducer {
        final TestPipeline p = new TestPipeline(2, RecordLayout.slotsFor(1));
        int claimed;
        int consumed;

        public BlockedProducer() {
            // Fill both batches; the third record seals batch 1 and finds batch 0 not recycled: FULL.
            if (!p.log(7, 1) || !p.log(8, 1) || p.log(1, 1)) {
                throw new IllegalStateException("setup");
            }
        }

        /** FullQueueHandler under BLOCK: register, re-check by claiming, (park if still FULL). */
        @Actor
        public void producer() {
            p.parked.register(new ParkedProducers.Waiter());
            claimed = p.stripe.claim(RecordLayout.slotsFor(0), RecordLayout.claimed(0)) == Stripe.FULL ? 0 : 1;
        }

        /** The writer's hand-off pass: read, recycle (release store of ready tail), then wakeAll(). */
        @Actor
        public void consumer() {
            consumed = p.readHandedOff();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = claimed;
            r.r2 = p.parked.isEmpty() ? 1 : 0; // wakeAll() empties the stack when it sees the registration
            r.r3 = consumed;
        }
    }

    @JCStressTest
    @Description("Writer: goIdle() (state = IDLE, then re-check for work). Producer: claim slot 0, publish, "
            + "recordPublished() (read the state, wake an IDLE writer).")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The writer saw no work and will park; the producer saw IDLE and wakes it.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The producer saw the writer RUNNING; the writer's re-check saw the record and does not park.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both saw each other: the writer does not park and gets a spare unpark.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "LOST WAKE-UP: the writer's re-check missed the producer's claim (it parks IDLE) and the producer "
                    + "read the state before the IDLE store (it does not unpark): the record waits for the backstop.")
    @Outcome(expect = FORBIDDEN, desc = "Impossible result.")
    @State
    public static class WriterGoingIdle {
        final TestPipeline p = new TestPipeline(2, 2 * RecordLayout.slotsFor(0));

        /** EventAppender's steps after the claim, as the production methods: publish, then recordPublished. */
        @Actor
        public void producer(II_Result r) {
            long c = p.stripe.claim(RecordLayout.slotsFor(0), RecordLayout.claimed(0));
            Batch b = p.stripe.batch((int) (c >>> 32));
            RecordProtocol.publish(b.longs(), b.refs(), (int) c, null, 2, 1L, null, null, 0);
            r.r1 = p.writer.recordPublished((int) c) != WriterThread.NOT_WOKEN ? 1 : 0;
        }

        /** WriterThread.run between passes: "if (goIdle()) park". */
        @Actor
        public void writer(II_Result r) {
            r.r2 = p.writer.goIdle() ? 0 : 1;
        }
    }

    @JCStressTest
    @Description("Writer (IDLE, then woken by some earlier unpark): awake(), then goIdle() with no work left. "
            + "Producer: recordPublished(0) for a record the writer has already taken (r1: 0 = it did not wake the "
            + "writer, 1 = it woke the first IDLE, 2 = it woke the writer's latest IDLE). Arbiter: the next "
            + "producer's recordPublished(0).")
    @Outcome(id = {"0, 1, 1", "1, 1, 1"}, expect = ACCEPTABLE,
            desc = "The producer read RUNNING or the first IDLE (its unpark, if any, is a spare permit and its "
                    + "compare-and-set failed or was overwritten): the writer will park IDLE, and the next first "
                    + "record of a batch unparks it.")
    @Outcome(id = "2, 1, 0", expect = ACCEPTABLE,
            desc = "The producer read the writer's latest IDLE, unparked it and marked that cycle RUNNING: the "
                    + "writer's park returns at once on the permit, so the next producer rightly skips its unpark.")
    @Outcome(id = {"0, 1, 0", "1, 1, 0"}, expect = FORBIDDEN,
            desc = "WEDGED WRITER: the writer parks IDLE but the state says it is awake although no waker unparked "
                    + "it after its latest IDLE, so every later wake-up skips it (only the backstop's timeout ends "
                    + "each park). Possible if a waker's store is not tied to the cycle it read (9751597's "
                    + "unpark-then-CAS IDLE -> RUNNING): it lands after the writer's cycle ended in IDLE.")
    @Outcome(expect = FORBIDDEN, desc = "Impossible result: the writer found work where there is none, or the "
            + "producer's compare-and-set of the latest IDLE failed with no other waker.")
    @State
    public static class WakerRacesWriterCycle {
        final TestPipeline p = new TestPipeline(2, 2 * RecordLayout.slotsFor(0));
        final long firstIdle;
        long woke;

        public WakerRacesWriterCycle() {
            if (!p.writer.goIdle()) {
                throw new IllegalStateException("setup: an empty pipeline has work");
            }
            firstIdle = p.writer.idleState();
        }

        /** A producer's wake-up, the production method: read the state, wake an IDLE writer. */
        @Actor
        public void producer() {
            woke = p.writer.recordPublished(0);
        }

        /** WriterThread.run: back from its park, a pass that finds nothing, then "if (goIdle()) park". */
        @Actor
        public void writer(III_Result r) {
            p.writer.awake();
            r.r2 = p.writer.goIdle() ? 1 : 0;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = woke == WriterThread.NOT_WOKEN ? 0 : woke == firstIdle ? 1 : woke == p.writer.idleState() ? 2 : 3;
            r.r3 = p.writer.recordPublished(0) != WriterThread.NOT_WOKEN ? 1 : 0;
        }
    }
}
