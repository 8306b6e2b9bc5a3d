package fastlog.internal.context;

/**
 * Where the current scope's {@link ContextFrame} lives. This is the Java 21 class: it uses the
 * ThreadLocal fallback. The jar's {@code META-INF/versions/25} layer replaces this class with one
 * backed by {@code java.lang.ScopedValue} (same public signature).
 */
public final class ContextStore {

    private ContextStore() {
    }

    /** The frame bound for the calling thread, or null outside any scope. Allocation-free. */
    public static ContextFrame current() {
        return FallbackContextStore.current();
    }

    /** Runs {@code op} with {@code frame} as the current frame. */
    public static <T, X extends Throwable> T call(ContextFrame frame, ContextOp<T, X> op) throws X {
        return FallbackContextStore.call(frame, op);
    }

    /** Which mechanism is in use: {@code "ScopedValue"} or {@code "Java 21 fallback"}. */
    public static String mechanism() {
        return "Java 21 fallback";
    }
}
