package fastlog.api;

/**
 * A trace context provider for tests: the "active span" is whatever the test set on the thread
 * (a ThreadLocal here is the fake's own business, like OpenTelemetry's context storage), and it
 * counts the calls made to it.
 */
final class FakeTraceProvider implements TraceContextProvider<FakeTraceProvider.Span> {

    /** An immutable token, as the contract requires. */
    record Span(String traceId, String spanId, int flags) {
    }

    private final ThreadLocal<Span> active = new ThreadLocal<>();
    volatile int currentCalls;

    void activate(Span span) {
        active.set(span);
    }

    void deactivate() {
        active.remove();
    }

    @Override
    public Span current() {
        currentCalls++;
        return active.get();
    }

    @Override
    public String traceId(Span span) {
        return span.traceId();
    }

    @Override
    public String spanId(Span span) {
        return span.spanId();
    }

    @Override
    public int traceFlags(Span span) {
        return span.flags();
    }
}
