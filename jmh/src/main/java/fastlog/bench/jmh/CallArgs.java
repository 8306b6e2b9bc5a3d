package fastlog.bench.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The arguments of the call shapes, read from fields so the JIT cannot fold them. */
@State(Scope.Benchmark)
public class CallArgs {
    public long userId = 48213;
    public long orderId = 99000123;
    public long status = 200;
    public String path = "/api/orders";
    public double ms = 12.5;
    public long items = 3;
    public double total = 129.95;
    public String currency = "EUR";
    public String country = "DE";
    public String coupon = "WELCOME10";
    public boolean express = true;
    public double latencyMs = 12.5;
    public String region = "eu-central-1";
    public Throwable error;

    @Setup(Level.Trial)
    public void makeError() {
        error = PaymentFailure.create();
    }

    /** An exception with a cause and a realistic (a dozen-frames-plus) stack. */
    static final class PaymentFailure {
        static Throwable create() {
            try {
                return level1(6);
            } catch (IllegalStateException e) {
                return e;
            }
        }

        private static Throwable level1(int depth) {
            if (depth > 0) {
                return level1(depth - 1);
            }
            try {
                throw new java.io.IOException("connection reset by peer");
            } catch (java.io.IOException cause) {
                throw new IllegalStateException("card processor unavailable", cause);
            }
        }
    }
}
