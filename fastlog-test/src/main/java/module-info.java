/**
 * fastlog-test: capture the events a test logs through fastlog, and assert on them.
 *
 * <pre>{@code
 * @CaptureLogs
 * class CheckoutTest {
 *     @Test
 *     void warnsOnDecline(CapturedLogs logs) {
 *         checkout.pay(order);
 *         logs.assertThat().hasEvent(Level.WARN, "payment failed").withField("order_id", 42);
 *     }
 * }
 * }</pre>
 *
 * <p>Exports {@code fastlog.test} only; the JSON parser for fastlog's lines lives in a concealed
 * package. A user's test module writes {@code requires fastlog.test;} (which brings
 * {@code fastlog} and {@code org.junit.jupiter.api}); the jar also works on the class path.
 */
module fastlog.test {
    requires transitive fastlog;
    requires transitive org.junit.jupiter.api;

    exports fastlog.test;
}
