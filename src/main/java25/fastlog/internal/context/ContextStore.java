package fastlog.internal.context;

/**
 * Where the current scope's {@link ContextFrame} lives: the Java 25+ class, from the jar's
 * {@code META-INF/versions/25} layer, backed by {@link ScopedValue} (final in Java 25). Bindings
 * belong to the scope, not the thread, and structured-concurrency subtasks inherit them.
 *
 * <p>A thread inside a scope also keeps its frame in its {@link ContextSlots} slot when the slot is
 * free, and its lookups read it there without asking the {@code ScopedValue}: a lookup that finds
 * a binding gives the thread a 144 B cache that the JDK keeps with a parked virtual thread after
 * the scope has ended. The {@code ScopedValue} answers for threads whose slot another thread
 * holds, and for subtasks, which inherit the binding but not the slot.
 *
 * <p>The system property {@code fastlog.context.fallback=true} selects the ThreadLocal fallback
 * instead (used to test the Java 21 path on a Java 25 JVM).
 *
 * <p>Until the first scope is entered, {@link #current()} answers null without asking the
 * {@code ScopedValue}: looking up an unbound one misses the thread's cache and searches its
 * bindings on every call (skipping it saved 4 ns of a one-field call and 11 ns of a three-field
 * one, {@code bench/results/ab-context-unbound-2026-12-01.json}; inside a scope the slot or the cache
 * answers). {@link #anyScopeEntered} is a plain field, written once and never cleared, and that
 * is enough: a thread can only find a binding it made itself (after its own write of the flag, in
 * program order) or inherited from the thread that made it, through a structured-concurrency fork
 * that happens-after that thread's write. {@code FirstScopeIT} checks it in a fresh JVM.
 */
public final class ContextStore {

    private static final ScopedValue<ContextFrame> CURRENT = ScopedValue.newInstance();
    private static final ContextSlots CONTEXT_SLOTS = ContextSlots.SHARED;
    private static final boolean FALLBACK = Boolean.getBoolean("fastlog.context.fallback");
    /** Whether any thread has entered a scope yet (see the class comment for why plain is enough). */
    private static boolean anyScopeEntered;

    private ContextStore() {
    }

    /** The frame bound for the calling thread, or null outside any scope. Allocation-free. */
    public static ContextFrame current() {
        if (FALLBACK) {
            return FallbackContextStore.current();
        }
        if (!anyScopeEntered) {
            return null;
        }
        long id = Thread.currentThread().threadId();
        ContextFrame held = CONTEXT_SLOTS.held(CONTEXT_SLOTS.slot(id), id);
        if (held != null) {
            return held; // the ScopedValue is not asked, so the thread gets no lookup cache
        }
        ContextFrame frame = CURRENT.orElse(ContextFrame.NONE);
        return frame == ContextFrame.NONE ? null : frame;
    }

    /** Runs {@code op} with {@code frame} as the current frame. */
    public static <T, X extends Throwable> T call(ContextFrame frame, ContextOp<T, X> op) throws X {
        if (FALLBACK) {
            return FallbackContextStore.call(frame, op);
        }
        if (!anyScopeEntered) {
            anyScopeEntered = true; // read first: once set, entering a scope writes no shared field
        }
        long id = Thread.currentThread().threadId();
        int slot = CONTEXT_SLOTS.slot(id);
        ContextFrame outer = CONTEXT_SLOTS.held(slot, id);
        if (outer != null) { // a nested scope of the slot's holder
            CONTEXT_SLOTS.replace(slot, frame);
            try {
                return bind(frame, op);
            } finally {
                CONTEXT_SLOTS.replace(slot, outer);
            }
        }
        if (CONTEXT_SLOTS.tryHold(slot, id, frame)) {
            try {
                return bind(frame, op);
            } finally {
                CONTEXT_SLOTS.release(slot);
            }
        }
        return bind(frame, op); // the slot is another thread's: lookups use the ScopedValue
    }

    /** Binds the ScopedValue too, even when the slot holds the frame: subtasks inherit it. */
    private static <T, X extends Throwable> T bind(ContextFrame frame, ContextOp<T, X> op) throws X {
        return ScopedValue.where(CURRENT, frame).call(op::call);
    }

    /** Which mechanism is in use: {@code "ScopedValue"} or {@code "Java 21 fallback"}. */
    public static String mechanism() {
        return FALLBACK ? "Java 21 fallback" : "ScopedValue";
    }
}
