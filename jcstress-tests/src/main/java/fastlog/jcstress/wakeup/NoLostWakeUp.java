package fastlog.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;
import fastlog.jcstress.support.Records;

/**
 * No lost wake-up: a thread about to park on a condition and the thread that makes the
 * condition true never both miss each other (each is a Dekker-style handshake: "I write my
 * flag, then read yours").
 *
 * <p>Two handshakes of the core are tested. {@code BlockedProducer} uses the real
 * {@link ParkedProducers}, {@link Stripe} and {@link Batch}: a producer on a full stripe
 * registers, then re-checks by claiming; the consumer recycles a batch (the release store of
 * the batch's ready tail) and then calls {@code wakeAll()}, exactly as {@code Consumer.renderBatch}
 * does. {@code WriterGoingIdle} replicates {@code Pipeline}'s writer wake-up (the writer stores
 * {@code writerState = IDLE} with a volatile store and re-checks for work; a producer that
 * claimed the first slot of a batch publishes and then reads {@code writerState}) on the real
 * stripe and queue; {@code Pipeline} itself owns a thread and a sink, so its few lines are
 * copied here verbatim.
 */
public final class NoLostWakeUp {

    private NoLostWakeUp() {
    }

    @JCStressTest
    @Description("Producer: register in ParkedProducers, re-check by claiming. Consumer: recycle (ready tail), wakeAll().")
    @Outcome(id = {"1, 0, 7", "1, 1, 7"}, expect = ACCEPTABLE,
            desc = "The producer's re-check saw the recycled batch and claimed (a wake-up, if any, is spare).")
    @Outcome(id = "0, 1, 7", expect = ACCEPTABLE,
            desc = "The re-check came too early (FULL), but wakeAll() saw the registration and unparked the producer.")
    @Outcome(id = "0, 0, 7", expect = FORBIDDEN,
            desc = "LOST WAKE-UP: the producer's re-check read the old ready tail (FULL, so it parks) and the consumer's "
                    + "wakeAll() read an empty stack (so it unparks no one). Possible if the consumer's store of "
                    + "ready tail is only a release store: a later load (of ParkedProducers.head) may then be satisfied "
                    + "before the store is visible (store-load reordering, allowed even on x86).")
    @Outcome(expect = FORBIDDEN, desc = "The consumer's batch was overwritten or torn (r3 != 7).")
    @State
    public static class BlockedProducer {
        final MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        final Stripe stripe = new Stripe(0, 2, RecordLayout.slotsFor(1), q, () -> { });
        final ParkedProducers parked = new ParkedProducers();
        final Batch rendering;
        int claimed;
        int consumed;

        public BlockedProducer() {
            // Fill both batches; the third claim seals batch 1 and finds batch 0 not recycled: FULL.
            if (Records.claimAndWrite(stripe, 7, 1) == Stripe.FULL || Records.claimAndWrite(stripe, 8, 1) == Stripe.FULL
                    || Records.claimAndWrite(stripe, 1, 1) != Stripe.FULL) {
                throw new IllegalStateException("setup");
            }
            rendering = q.poll(); // the consumer took batch 0
        }

        /** Pipeline.claimWhenFull under BLOCK: register, re-check, (park if still FULL). */
        @Actor
        public void producer() {
            parked.register(new ParkedProducers.Waiter());
            claimed = Records.claimAndWrite(stripe, 1, 1) == Stripe.FULL ? 0 : 1;
        }

        /** Consumer.renderBatch: render, recycle (release store of ready tail), then wakeAll(). */
        @Actor
        public void consumer() {
            consumed = Records.consume(stripe, rendering, 0);
            parked.wakeAll();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = claimed;
            r.r2 = parked.isEmpty() ? 1 : 0; // wakeAll() empties the stack when it sees the registration
            r.r3 = consumed;
        }
    }

    private static final int RUNNING = 0;
    private static final int IDLE = 2;

    @JCStressTest
    @Description("Writer: writerState = IDLE (volatile), re-check hasWork(). Producer: claim slot 0, publish, read writerState.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The writer saw no work and will park; the producer saw IDLE and unparks it.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The producer saw the writer RUNNING; the writer's re-check saw the record and does not park.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both saw each other: the writer does not park and gets a spare unpark.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "LOST WAKE-UP: the writer's re-check missed the producer's claim (it parks untimed) and the producer "
                    + "read writerState before the IDLE store (it does not unpark): the record waits forever.")
    @Outcome(expect = FORBIDDEN, desc = "Impossible result.")
    @State
    public static class WriterGoingIdle {
        private static final VarHandle WRITER_STATE;
        static {
            try {
                WRITER_STATE = MethodHandles.lookup().findVarHandle(WriterGoingIdle.class, "writerState", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        final Stripe stripe = new Stripe(0, 2, 2 * RecordLayout.slotsFor(0), q, () -> { });
        volatile int writerState = RUNNING;

        /** Pipeline.publish: after the header, "if (at == 0 && writerState == IDLE) wakeWriterFromIdle()". */
        @Actor
        public void producer(II_Result r) {
            long c = Records.claimAndWrite(stripe, 1, 0);
            int at = (int) c;
            if (at == 0 && writerState == IDLE && WRITER_STATE.compareAndSet(this, IDLE, RUNNING)) {
                r.r1 = 1; // LockSupport.unpark(writer)
            }
        }

        /** Pipeline.writerLoop: "WRITER_STATE.setVolatile(IDLE); if (!consumer.hasWork()) park". */
        @Actor
        public void writer(II_Result r) {
            WRITER_STATE.setVolatile(this, IDLE);
            r.r2 = hasWork() ? 1 : 0;
        }

        /** Consumer.hasWork, for one stripe (no drops in this test). */
        private boolean hasWork() {
            return !q.isEmpty() || stripe.hasRecords(0);
        }
    }
}
