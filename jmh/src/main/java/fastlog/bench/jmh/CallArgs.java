package fastlog.bench.jmh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** The nested-value shapes: one order as a mutable map, an immutable map, a record; ten ids. */
    public Map<String, Object> hashMap5;
    public Map<String, Object> mapOf5;
    public OrderRecord record4;
    public List<Long> listOf10Longs;

    /** A record with four components, as a service would log an order. */
    public record OrderRecord(long id, String sku, int qty, double total) {
    }

    @Setup(Level.Trial)
    public void makeError() {
        error = PaymentFailure.create();
        mapOf5 = mapOf5();
        hashMap5 = new HashMap<>(mapOf5);
        record4 = new OrderRecord(orderId, "SKU-4711", 3, total);
        listOf10Longs = List.of(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L, 1010L);
    }

    static Map<String, Object> mapOf5() {
        return Map.of("id", 99000123L, "sku", "SKU-4711", "qty", 3, "total", 129.95, "express", true);
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
