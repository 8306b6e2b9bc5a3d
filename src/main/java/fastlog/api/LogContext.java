package fastlog.api;

import java.util.Arrays;
import java.util.Objects;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ContextStore;

/**
 * Fields bound for the duration of a scope: every event logged inside it, by any logger, on the
 * thread running the scope, carries them.
 *
 * <pre>{@code
 * LogContext.where("request_id", id).where("user", user).run(() -> handle(request));
 * Order o = LogContext.where("order_id", orderId).call(() -> checkout(cart));
 * }</pre>
 *
 * <p>Scopes nest: an inner scope adds fields, and a key bound again shadows the outer value
 * until the inner scope ends. On Java 25+ the binding is a {@code java.lang.ScopedValue}: it
 * belongs to the scope rather than the thread, costs nothing per thread, and is seen by
 * structured-concurrency subtasks. On Java 21–24 a fallback holds a reference only while the
 * thread is inside the scope. Outside any scope, logging pays one lookup and allocates nothing.
 *
 * <p>On a line, scoped fields come right after {@code msg}, then the logger's bound fields
 * ({@link Logger#with}), then the call's fields; when a key repeats, the later one wins, so a
 * call field overrides a bound field, which overrides a scoped one.
 */
public final class LogContext {

    /** A computation run inside a scope that returns a value and may throw {@code X}. */
    @FunctionalInterface
    public interface CallableOp<T, X extends Throwable> {
        T call() throws X;
    }

    private LogContext() {
    }

    /**
     * A scope binding {@code key} to {@code value}; nothing is bound until {@link Scope#run} or
     * {@link Scope#call}. Values are captured when the scope starts ({@code toString()} for
     * non-JDK types). A null key is {@code "null"}.
     */
    public static Scope where(String key, Object value) {
        return new Scope(new String[] {key}, new Object[] {value});
    }

    /** Bindings to apply for the duration of {@link #run} or {@link #call}; immutable, reusable. */
    public static final class Scope {

        private final String[] keys;
        private final Object[] values;

        private Scope(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        /** This scope plus one more binding. */
        public Scope where(String key, Object value) {
            String[] k = Arrays.copyOf(keys, keys.length + 1);
            Object[] v = Arrays.copyOf(values, values.length + 1);
            k[keys.length] = key;
            v[values.length] = value;
            return new Scope(k, v);
        }

        /** Runs {@code op} with these fields bound, then unbinds them. */
        public void run(Runnable op) {
            Objects.requireNonNull(op, "op");
            ContextStore.call(frame(), () -> {
                op.run();
                return null;
            });
        }

        /** Calls {@code op} with these fields bound, then unbinds them; returns its result. */
        public <T, X extends Throwable> T call(CallableOp<T, X> op) throws X {
            Objects.requireNonNull(op, "op");
            return ContextStore.call(frame(), op::call);
        }

        private ContextFrame frame() {
            return ContextFrame.extend(ContextStore.current(), keys, values);
        }
    }

    /** The mechanism in use on this JVM: {@code "ScopedValue"} or {@code "Java 21 fallback"}. */
    public static String mechanism() {
        return ContextStore.mechanism();
    }
}
