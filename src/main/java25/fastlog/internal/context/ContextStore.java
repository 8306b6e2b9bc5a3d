package fastlog.internal.context;

/**
 * Where the current scope's {@link ContextFrame} lives: the Java 25+ class, from the jar's
 * {@code META-INF/versions/25} layer, backed by {@link ScopedValue} (final in Java 25). Bindings
 * belong to the scope, not the thread: nothing per thread, nothing left behind, inherited by
 * structured-concurrency subtasks.
 *
 * <p>The system property {@code fastlog.context.fallback=true} selects the ThreadLocal fallback
 * instead (used to test the Java 21 path on a Java 25 JVM).
 */
public final class ContextStore {

    private static final ScopedValue<ContextFrame> CURRENT = ScopedValue.newInstance();
    private static final boolean FALLBACK = Boolean.getBoolean("fastlog.context.fallback");

    private ContextStore() {
    }

    /** The frame bound for the calling thread, or null outside any scope. Allocation-free. */
    public static ContextFrame current() {
        if (FALLBACK) {
            return FallbackContextStore.current();
        }
        ContextFrame frame = CURRENT.orElse(ContextFrame.NONE);
        return frame == ContextFrame.NONE ? null : frame;
    }

    /** Runs {@code op} with {@code frame} as the current frame. */
    public static <T, X extends Throwable> T call(ContextFrame frame, ContextOp<T, X> op) throws X {
        if (FALLBACK) {
            return FallbackContextStore.call(frame, op);
        }
        return ScopedValue.where(CURRENT, frame).call(op::call);
    }

    /** Which mechanism is in use: {@code "ScopedValue"} or {@code "Java 21 fallback"}. */
    public static String mechanism() {
        return FALLBACK ? "Java 21 fallback" : "ScopedValue";
    }
}
