package fastlog.internal.context;

/**
 * The Java 21–24 fallback store for the current {@link ContextFrame}: a ThreadLocal fallback.
 * This is the only ThreadLocal in fastlog's core (a fallback for JDKs without ScopedValue); it
 * holds a frame only while the thread is inside a scope and clears it (remove) on exit, so
 * nothing stays behind when a virtual thread ends.
 *
 * <p>Until the first scope is entered anywhere, lookups skip the fallback ThreadLocal, so
 * programs that never use scoped context never touch a thread's ThreadLocal map.
 */
final class FallbackContextStore {

    private static final ThreadLocal<ContextFrame> CURRENT = new ThreadLocal<>(); // fallback store
    private static volatile boolean used;

    private FallbackContextStore() {
    }

    static ContextFrame current() {
        return used ? CURRENT.get() : null;
    }

    static <T, X extends Throwable> T call(ContextFrame frame, ContextOp<T, X> op) throws X {
        if (!used) {
            used = true;
        }
        ContextFrame outer = CURRENT.get();
        CURRENT.set(frame);
        try {
            return op.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
