package fastlog.internal.context;

/** A computation run inside a scope; may throw {@code X}. Mirrors the public LogContext.CallableOp. */
@FunctionalInterface
public interface ContextOp<T, X extends Throwable> {
    T call() throws X;
}
