package fastlog.bench.jmh;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import fastlog.internal.context.ContextStore;

/**
 * Profiling aid (`make bench` runs only {@code epochMicros} and {@code nanoTime}, as the
 * {@code clock_*} baselines): the cost of the pieces of fastlog's producer path that
 * do not depend on the queue, to see how much of the caller's budget (25 ns) each one takes.
 * {@code epochMicros} is what {@code EpochClock.micros()} does (Instant.now), {@code contextLookup}
 * is {@code ContextStore.current()} outside any scope (a ScopedValue miss on Java 25),
 * {@code stripeIndex} is the thread-id hash that picks a stripe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProducerPathBenchmark {

    @Benchmark
    public long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Benchmark
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
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
