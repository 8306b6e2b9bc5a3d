package fastlog.internal.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Merges the writer's requests for a housekeeping pass: a request made while a pass is queued but
 * not started is served by that pass, so a burst of rotations costs one pass, not one each.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li>{@link #request} is called by the writer (one thread at a time), after it renamed a file;
 *       {@link #passStarting} by the pass, first thing, before it looks at the directory.</li>
 *   <li>Both are a volatile get-and-set of {@code queued} (a write even when the value does not
 *       change: a compare-and-set that fails only reads, and would leave no edge to the pass).</li>
 *   <li>The claim: a request that returns false (merged) is followed by a pass that sees what the
 *       writer did before it. Its get-and-set came before the pass's in the synchronization
 *       order (else it would have read false), so the pass's get-and-set reads the writer's true,
 *       and everything before the writer's request happens-before the pass's look at the
 *       directory. A request that returns true must submit a new pass (jcstress
 *       {@code PassRequestsStress}).</li>
 * </ul>
 */
public final class PassRequests {

    private static final VarHandle QUEUED;
    static {
        try {
            QUEUED = MethodHandles.lookup().findVarHandle(PassRequests.class, "queued", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile boolean queued;

    /** Writer: @return whether the caller must submit a new pass (none is queued) */
    public boolean request() {
        return !(boolean) QUEUED.getAndSet(this, true);
    }

    /** Pass: from now on, requests queue a new pass. */
    public void passStarting() {
        QUEUED.getAndSet(this, false);
    }

    /** The submission of a pass failed: the next request submits one. */
    public void submitFailed() {
        QUEUED.setVolatile(this, false);
    }
}
