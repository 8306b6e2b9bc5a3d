package fastlog.internal.context;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The Java 21–24 fallback store for the current {@link ContextFrame}: a ThreadLocal fallback.
 * This is the only ThreadLocal in fastlog's core (a fallback for JDKs without ScopedValue). A
 * thread inside a scope keeps its frame in its {@link ContextSlots} slot when that is free, and
 * then does not touch the ThreadLocal at all; only a thread whose slot another thread holds uses
 * it. Such a thread has an entry only while it is inside a scope ({@code remove()} on exit; its
 * map stays, 104 B), and a thread that logs outside every scope is never given one.
 *
 * <p>Why the counters: {@code ThreadLocal.get()} on a thread without an entry <em>creates</em>
 * one (and the thread's map, if it has none), which then stays for the thread's life: 136 B per
 * thread that ever logged outside a scope. So {@link #current()} first reads a per-thread-id
 * counter of threads inside a scope and skips the ThreadLocal when it is zero; only if it is not
 * (this thread, or another with the same hash, is inside a scope) does it call {@code get()},
 * and it {@code remove()}s the entry that {@code get()} made if the answer was null.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> Any thread calls {@link #current()} and {@link #call}; the
 *       ThreadLocal is only ever touched by its own thread.</li>
 *   <li><b>Counters.</b> {@code IN_SCOPE[slot(thread id)]} counts the threads with that slot that
 *       are inside at least one scope. A thread increments its slot ({@code getAndAdd}, atomic, so
 *       no other thread's update on the slot is lost) before it sets its frame in its outermost
 *       scope, and decrements it after the scope's {@code remove()}.</li>
 *   <li><b>No false "outside".</b> A thread's own increment precedes its lookups in program
 *       order, so its {@code getOpaque} of the slot sees it (or a later value of the slot, which
 *       still includes it, since no update is lost): a thread inside a scope always reaches
 *       {@code get()} and finds its frame. Other threads' counts only cause a spare
 *       {@code get()} + {@code remove()}, never a wrong answer.</li>
 *   <li><b>Cost.</b> Outside any scope: one opaque load of a shared array slot, no allocation.
 *       Entering and leaving an outermost scope: two atomic adds on that slot.</li>
 * </ul>
 * jcstress: {@code fastlog.jcstress.context.FallbackContextStress}.
 *
 * <p>Public only so the jcstress tests can reach the slot-level methods; the module does not
 * export this package.
 */
public final class FallbackContextStore {

    /** Slots for the in-scope counters: a power of two; 16 KB. */
    static final int SLOTS = 4096;
    private static final ThreadLocal<ContextFrame> CURRENT = new ThreadLocal<>(); // fallback store
    private static final ContextSlots CONTEXT_SLOTS = ContextSlots.SHARED;
    private static final int[] IN_SCOPE = new int[SLOTS];
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);

    private FallbackContextStore() {
    }

    static ContextFrame current() {
        long id = Thread.currentThread().threadId();
        ContextFrame held = CONTEXT_SLOTS.held(CONTEXT_SLOTS.slot(id), id);
        return held != null ? held : current(slot(id));
    }

    static <T, X extends Throwable> T call(ContextFrame frame, ContextOp<T, X> op) throws X {
        long id = Thread.currentThread().threadId();
        int contextSlot = CONTEXT_SLOTS.slot(id);
        ContextFrame outer = CONTEXT_SLOTS.held(contextSlot, id);
        if (outer != null) { // a nested scope of the slot's holder: the ThreadLocal is not touched
            CONTEXT_SLOTS.replace(contextSlot, frame);
            try {
                return op.call();
            } finally {
                CONTEXT_SLOTS.replace(contextSlot, outer);
            }
        }
        if (CONTEXT_SLOTS.tryHold(contextSlot, id, frame)) {
            try {
                return op.call();
            } finally {
                CONTEXT_SLOTS.release(contextSlot);
            }
        }
        return call(slot(id), frame, op); // the slot is another thread's: the ThreadLocal holds the frame
    }

    /** The counter slot of a thread id (ids are sequential: spread them so neighbours differ). */
    public static int slot(long threadId) {
        return (int) ((threadId * 0x9E3779B97F4A7C15L) >>> 40) & (SLOTS - 1);
    }

    /** {@link #current()} for a calling thread whose slot is {@code slot}. */
    public static ContextFrame current(int slot) {
        if ((int) COUNT.getOpaque(IN_SCOPE, slot) == 0) {
            return null; // no thread of this slot is inside a scope, so neither is this one
        }
        ContextFrame frame = CURRENT.get();
        if (frame == null) {
            CURRENT.remove(); // another thread of this slot is in a scope: drop the entry get() made
        }
        return frame;
    }

    /** {@link #call(ContextFrame, ContextOp)} for a calling thread whose slot is {@code slot}. */
    public static <T, X extends Throwable> T call(int slot, ContextFrame frame, ContextOp<T, X> op) throws X {
        ContextFrame outer = current(slot);
        if (outer == null) {
            COUNT.getAndAdd(IN_SCOPE, slot, 1);
        }
        try {
            CURRENT.set(frame);
            return op.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
                COUNT.getAndAdd(IN_SCOPE, slot, -1);
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The number of threads of {@code slot} inside a scope (for tests). */
    public static int inScope(int slot) {
        return (int) COUNT.getVolatile(IN_SCOPE, slot);
    }
}
