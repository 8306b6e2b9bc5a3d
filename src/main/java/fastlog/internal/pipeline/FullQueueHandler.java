package fastlog.internal.pipeline;

import java.util.concurrent.locks.LockSupport;

import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;

/**
 * What a producer does when its stripe has no room: the configured full-queue policy.
 *
 * <ul>
 *   <li><b>Block</b> (the default): register in {@link ParkedProducers}, claim again, and park
 *       only if there is still no room; the consumer wakes every registered producer after it
 *       recycles a batch (that handshake is {@code ParkedProducers}' contract). A virtual thread
 *       parks and releases its carrier; an interrupted thread keeps waiting and gets its
 *       interrupt flag back.</li>
 *   <li><b>Drop</b>: count the event in its stripe and return; the writer reports drops in the
 *       stream.</li>
 *   <li>A thread that holds the consumer role, or is the writer, never waits: it is the one that
 *       would make room (a {@code toString()} that logs while being rendered). Its event is
 *       dropped and reported, whatever the policy.</li>
 *   <li>After shutdown, when the writer has stopped, a blocked producer drains the stripes
 *       itself and claims again.</li>
 * </ul>
 */
public final class FullQueueHandler {

    /** A waiting producer re-checks after this even if not woken (wake-ups are proven; see jcstress). */
    private static final long WAIT_SAFETY_NET_NANOS = 20_000_000L;

    private final boolean dropWhenFull;
    private final ParkedProducers parked;
    private final ConsumerRole role;
    private final WriterThread writer;
    private final Runnable writeSynchronously;

    public FullQueueHandler(boolean dropWhenFull, ParkedProducers parked, ConsumerRole role, WriterThread writer,
                     Runnable writeSynchronously) {
        this.dropWhenFull = dropWhenFull;
        this.parked = parked;
        this.role = role;
        this.writer = writer;
        this.writeSynchronously = writeSynchronously;
    }

    /**
     * @param mark the record's claim mark ({@link Stripe#claim})
     * @return the claim, or {@link Stripe#FULL} if the event was dropped
     */
    long claim(Stripe stripe, int slots, long mark) {
        Thread me = Thread.currentThread();
        if (dropWhenFull || role.isHeldBy(me) || writer.isWriterThread(me)) {
            stripe.countDrop();
            writer.wake();
            return Stripe.FULL;
        }
        ParkedProducers.Waiter waiter = new ParkedProducers.Waiter();
        // park() returns at once while the interrupt flag is set: clear it for the wait so an
        // interrupted thread parks instead of spinning, and restore it before returning.
        boolean interrupted = Thread.interrupted();
        try {
            for (;;) {
                writer.wake();
                parked.register(waiter);
                long c = stripe.claim(slots, mark);
                if (c != Stripe.FULL) {
                    return c;
                }
                if (writer.isStopping() && !writer.isAlive()) {
                    writeSynchronously.run();
                    continue;
                }
                LockSupport.parkNanos(this, WAIT_SAFETY_NET_NANOS);
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
