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
 *       recycled batches (after the release store of {@code readySeq}).</li>
 *   <li><b>No lost wake-up.</b> {@code register} is a CAS on {@code head} (a volatile write); the
 *       producer's re-check is a volatile read of {@code readySeq}. The consumer's store of
 *       {@code readySeq} is volatile and {@code wakeAll} begins with a volatile read of
 *       {@code head}. Volatile accesses are sequentially consistent, so either the producer's
 *       re-check sees the room or the consumer sees the registration and unparks it.</li>
 *   <li><b>Allocation</b> happens only here, on the full-queue path: one node per wait round.
 *       A parked virtual thread releases its carrier; nothing here pins.</li>
 * </ul>
 */
public final class ParkedProducers {

    private static final VarHandle HEAD;
    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(ParkedProducers.class, "head", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        final Thread thread;
        Node next;

        Node(Thread thread) {
            this.thread = thread;
        }
    }

    private volatile Node head;

    /** Adds the calling thread; it must re-check its condition before parking. */
    public void register() {
        Node n = new Node(Thread.currentThread());
        for (;;) {
            Node h = head;
            n.next = h;
            if (HEAD.compareAndSet(this, h, n)) {
                return;
            }
        }
    }

    public boolean isEmpty() {
        return head == null;
    }

    /** Unparks every registered thread and empties the stack. */
    public void wakeAll() {
        if (head == null) {
            return;
        }
        Node n = (Node) HEAD.getAndSet(this, (Node) null);
        for (; n != null; n = n.next) {
            LockSupport.unpark(n.thread);
        }
    }
}
