package fastlog.internal.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The right to read the stripes, render and write: one thread at a time holds it. The writer
 * thread takes it for each pass; {@code flush()} and logging after shutdown take it on the
 * calling thread.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li>Taken by a CAS of {@code owner} from null to the current thread, given back by a release
 *       store of null: everything the previous holder wrote (reader positions, the output
 *       buffer, counters) is visible to the next one.</li>
 *   <li>{@code flushWaiting} counts threads in {@code flush()} that want the role; the writer
 *       lets them have it (it stops taking the role, and does not park IDLE, while one
 *       waits).</li>
 *   <li>Not reentrant, not fair. A thread that holds the role and logs (a {@code toString()}
 *       called while rendering) must not wait for room: see {@link #isHeldBy}.</li>
 * </ul>
 */
public final class ConsumerRole {

    private static final VarHandle OWNER;
    private static final VarHandle FLUSH_WAITING;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            OWNER = l.findVarHandle(ConsumerRole.class, "owner", Thread.class);
            FLUSH_WAITING = l.findVarHandle(ConsumerRole.class, "flushWaiting", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Thread owner;
    private volatile int flushWaiting;

    public boolean tryAcquire() {
        return OWNER.compareAndSet(this, (Thread) null, Thread.currentThread());
    }

    /**
     * Spins briefly, then parks in 20 µs steps until the role is free.
     *
     * @param deadline {@link System#nanoTime} to give up at, or {@link Long#MAX_VALUE} to wait
     * @return whether the role was acquired
     */
    boolean acquire(long deadline) {
        for (int spins = 0; !tryAcquire(); spins++) {
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                return false;
            }
            if (spins < 20) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 20_000L);
            }
        }
        return true;
    }

    void release() {
        OWNER.setRelease(this, (Thread) null);
    }

    boolean isHeldBy(Thread t) {
        return owner == t;
    }

    void flushStarting() {
        FLUSH_WAITING.getAndAdd(this, 1);
    }

    void flushEnded() {
        FLUSH_WAITING.getAndAdd(this, -1);
    }

    boolean flushWaiting() {
        return flushWaiting > 0;
    }
}
