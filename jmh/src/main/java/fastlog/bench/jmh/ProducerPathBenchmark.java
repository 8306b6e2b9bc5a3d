package fastlog.bench.jmh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import fastlog.internal.context.ContextStore;
import fastlog.internal.record.Capture;

/**
 * Profiling aid (not run by `make bench`): the cost of the pieces of fastlog's producer path that
 * do not depend on the queue, to see how much of the caller's budget each one takes. The clock is
 * in {@link ClockBenchmark}, which `make bench` runs next to the caller benchmarks.
 * {@code contextLookup} is {@code ContextStore.current()} outside any scope (a ScopedValue miss on
 * Java 25), {@code stripeIndex} is the thread-id hash that picks a stripe. {@code capture*} is what
 * the caller pays to capture a nested value ({@code Capture.value}): a check for the Map.of, the
 * record and the List.of (kept by reference), a snapshot for the HashMap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProducerPathBenchmark {

    private Map<String, Object> mapOf5 = CallArgs.mapOf5();
    private Map<String, Object> hashMap5 = new HashMap<>(mapOf5);
    private Object record4 = new CallArgs.OrderRecord(99000123L, "SKU-4711", 3, 129.95);
    private List<Long> listOf10 = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

    @Benchmark
    public Object captureMapOf5() {
        return Capture.value(mapOf5);
    }

    @Benchmark
    public Object captureHashMap5() {
        return Capture.value(hashMap5);
    }

    @Benchmark
    public Object captureRecord4() {
        return Capture.value(record4);
    }

    @Benchmark
    public Object captureListOf10Longs() {
        return Capture.value(listOf10);
    }

    @Benchmark
    public Object contextLookup() {
        return ContextStore.current();
    }

    @Benchmark
    public int stripeIndex() {
        long id = Thread.currentThread().threadId();
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & 3;
    }
}
