package fastlog.internal.stripe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Producers waiting for room under the blocking policy: a lock-free Treiber stack of threads.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> A producer that found its stripe full calls {@link #register},
 *       re-checks for room, and only then parks. The consumer calls {@link #wakeAll} after it has
 *       recycled batches (after the release store of the batch's ready tail).</li>
 *   <li><b>No lost wake-up.</b> {@code register} is a CAS on {@code head} (a volatile write); the
 *       producer's re-check is a volatile read of the next batch's tail. The consumer stores
 *       that tail with release, and {@code wakeAll} issues a full fence before its read
 *       of {@code head}; so each side's write precedes its read, and either the producer's
 *       re-check sees the room or the consumer sees the registration and unparks it.</li>
 *   <li><b>Allocation</b> happens only here, on the full-queue path: one waiter per wait, reused
 *       across its rounds, so waiting on a stalled output does not grow the heap.
 *       A parked virtual thread releases its carrier; nothing here pins.</li>
 * </ul>
 */
public final class ParkedProducers {

    private static final VarHandle HEAD;
    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(ParkedProducers.class, "head", Waiter.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * One waiting producer. Reused for every round of one wait, so a producer that wakes on its
     * timeout and waits again does not push (or allocate) again while it is still on the stack.
     */
    public static final class Waiter {
        final Thread thread = Thread.currentThread();
        Waiter next;
        volatile boolean onStack;
    }

    private volatile Waiter head;

    /**
     * Puts the calling thread's waiter on the stack unless it is already there; the caller must
     * re-check its condition before parking.
     */
    public void register(Waiter w) {
        if (w.onStack) {
            return;
        }
        w.onStack = true;
        for (;;) {
            Waiter h = head;
            w.next = h;
            if (HEAD.compareAndSet(this, h, w)) {
                return;
            }
        }
    }

    public boolean isEmpty() {
        return head == null;
    }

    /** Unparks every registered thread and empties the stack. */
    public void wakeAll() {
        // The consumer's store of the ready tail (a release store in Batch.recycle) and this load of
        // head must not be reordered (store-load): without the fence a producer can register,
        // re-check, still see no room and park while we see nobody to wake. jcstress caught it
        // (wakeup.NoLostWakeUp.BlockedProducer).
        VarHandle.fullFence();
        if (isEmpty()) {
            return;
        }
        Waiter w = (Waiter) HEAD.getAndSet(this, (Waiter) null);
        while (w != null) {
            Waiter next = w.next;
            w.next = null;
            w.onStack = false; // volatile: the waiter may register again after this
            LockSupport.unpark(w.thread);
            w = next;
        }
    }
}
