package fastlog.internal.ambient;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import fastlog.api.TraceContextProvider;

/**
 * One pipeline's trace context provider, called so that it can never hurt a logging call: every
 * call into it is guarded, and the first failure of each side is reported once on stderr.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> Any logging thread calls {@link #current()} (before its record is
 *       claimed: the provider is foreign code). Only the consumer-role holder calls
 *       {@link #traceId}, {@link #spanId} and {@link #traceFlags}, with a token some logging
 *       thread got from {@link #current()} and published in a record; the provider guarantees
 *       the token is immutable, and the record's release/acquire hand-off makes it visible.</li>
 *   <li><b>Reports.</b> Each of the two "reported" flags goes from false to true once, by CAS,
 *       so two threads failing at once print one report between them. Nothing else is shared.</li>
 * </ul>
 */
public final class TraceSource {

    private static final VarHandle CALL_REPORTED;
    private static final VarHandle READ_REPORTED;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CALL_REPORTED = l.findVarHandle(TraceSource.class, "callReported", boolean.class);
            READ_REPORTED = l.findVarHandle(TraceSource.class, "readReported", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TraceContextProvider<Object> provider;
    private final PrintStream errors;
    @SuppressWarnings("unused") // through CALL_REPORTED
    private volatile boolean callReported;
    @SuppressWarnings("unused") // through READ_REPORTED
    private volatile boolean readReported;

    @SuppressWarnings("unchecked")
    public TraceSource(TraceContextProvider<?> provider, PrintStream errors) {
        // The token goes back only to the provider that made it, so its type needs no check.
        this.provider = (TraceContextProvider<Object>) provider;
        this.errors = errors;
    }

    /** The provider's class name, for reports. */
    public String providerName() {
        return provider.getClass().getName();
    }

    /** Logging thread: the active span's token, or null (none, or the provider failed). Never throws. */
    public Object current() {
        try {
            return provider.current();
        } catch (Throwable t) {
            callFailed(t);
            return null;
        }
    }

    /** Writer: the token's trace id, or null if the provider failed. Never throws. */
    public String traceId(Object token) {
        try {
            return provider.traceId(token);
        } catch (Throwable t) {
            readFailed("traceId", t);
            return null;
        }
    }

    /** Writer: the token's span id, or null if the provider failed. Never throws. */
    public String spanId(Object token) {
        try {
            return provider.spanId(token);
        } catch (Throwable t) {
            readFailed("spanId", t);
            return null;
        }
    }

    /** Writer: the token's trace flags (0..255), or -1 if the provider failed. Never throws. */
    public int traceFlags(Object token) {
        try {
            return provider.traceFlags(token) & 0xFF;
        } catch (Throwable t) {
            readFailed("traceFlags", t);
            return -1;
        }
    }

    private void callFailed(Throwable t) {
        if (CALL_REPORTED.compareAndSet(this, false, true)) {
            report("current()", t, "events are logged without trace fields while it fails");
        }
    }

    private void readFailed(String method, Throwable t) {
        if (READ_REPORTED.compareAndSet(this, false, true)) {
            report(method + "()", t, "the fields it could not give are left out of the line");
        }
    }

    private void report(String method, Throwable t, String consequence) {
        try {
            errors.println("fastlog: trace context provider " + providerName() + "." + method + " threw "
                    + t.getClass().getName() + ": " + t.getMessage() + "; " + consequence
                    + " (reported once)");
        } catch (Throwable ignored) {
            // a failing stderr (or a message whose toString throws) must not reach the logging call
        }
    }
}
