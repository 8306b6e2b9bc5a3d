package fastlog.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * (b) The caller's own cost while the writer keeps up. Each invocation is a burst of
 * {@value #BURST} calls, far fewer than any system's queue holds (fastlog 65,536 events, Log4j
 * 262,144, logback 8,192, even with two producers), so no call waits for room. Before each burst,
 * outside the measurement, the calling thread waits until everything logged so far is written.
 * The background writer still runs during the burst, on the other core.
 *
 * <p>{@code callerBytes / callerCalls} (aux counters) is what the calling thread allocated per
 * call, from {@code ThreadMXBean.getCurrentThreadAllocatedBytes}; {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} counts every thread of the JVM, the background writer included.
 * {@code callerCpuNanos / callerCalls} is the calling thread's CPU time per call
 * ({@code getCurrentThreadCpuTime}): on a shared, loaded machine the wall time per call includes
 * time the thread spent descheduled, its CPU time much less so.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(LoggerCallerCostBenchmark.BURST)
public class LoggerCallerCostBenchmark {

    static final int BURST = 1000;

    /**
     * Drains before each burst; measures the calling thread's allocation during it; counts the
     * events each burst logs (outside the measurement) so that the iteration's check can compare
     * them with what the system wrote.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Burst {
        /** Bytes the calling thread allocated inside measured bursts (this iteration). */
        public long callerBytes;
        /** Calls made inside measured bursts whose allocation could be read (this iteration). */
        public long callerCalls;
        /** CPU time the calling thread spent inside measured bursts (this iteration). */
        public long callerCpuNanos;
        private final CallingThreadCost cost = new CallingThreadCost();
        /** Events one burst writes: BURST, or 0 for the disabled call. */
        private int eventsPerBurst;

        @Setup(Level.Trial)
        public void shape(BenchmarkParams params, SystemState s) {
            eventsPerBurst = params.getBenchmark().endsWith(".disabled") ? 0 : BURST;
            s.eventsCounted = true;
        }

        @Setup(Level.Iteration)
        public void reset() {
            callerBytes = 0;
            callerCalls = 0;
            callerCpuNanos = 0;
        }

        @Setup(Level.Invocation)
        public void drainThenMark(SystemState s) {
            s.sys.drain();
            cost.mark();
        }

        @TearDown(Level.Invocation)
        public void count(SystemState s) {
            s.eventsLogged.add(eventsPerBurst);
            if (cost.take()) { // false: the JVM cannot tell
                callerBytes += cost.bytes;
                callerCpuNanos += cost.cpuNanos;
                callerCalls += BURST;
            }
        }
    }

    @Benchmark
    public void oneField(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.oneField(a.userId);
        }
    }

    @Benchmark
    public void threeFields(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.threeFields(a.status, a.path, a.ms);
        }
    }

    @Benchmark
    public void tenFields(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.tenFields(a.userId, a.orderId, a.items, a.total, a.currency, a.country, a.coupon,
                    a.express, a.latencyMs, a.region);
        }
    }

    /** fastlog only ({@code -p system=fastlog}): the event builder's smallest and largest wide calls. */
    @Benchmark
    public void builderFourFields(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.fourFields(a.userId, a.orderId, a.total, a.currency);
        }
    }

    /** fastlog only ({@code -p system=fastlog}): sixteen fields, the event builder's capacity. */
    @Benchmark
    public void builderSixteenFields(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.sixteenFields(a.userId, a.orderId, a.items, a.total, a.currency, a.country, a.coupon,
                    a.express, a.latencyMs, a.region);
        }
    }

    @Benchmark
    public void exception(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.exception(a.orderId, a.error);
        }
    }

    /** A 5-entry HashMap as a nested object: fastlog snapshots it on the calling thread. */
    @Benchmark
    public void hashMap5(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.mapField(a.hashMap5);
        }
    }

    /** The same 5 entries as a Map.of: fastlog checks it and keeps it by reference. */
    @Benchmark
    public void mapOf5(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.mapField(a.mapOf5);
        }
    }

    /** A record of four components (long, String, int, double) as a nested object. */
    @Benchmark
    public void record4(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.recordField(a.record4);
        }
    }

    /** A List.of ten Longs as a nested array. */
    @Benchmark
    public void listOf10Longs(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.listField(a.listOf10Longs);
        }
    }

    @Benchmark
    public void disabled(SystemState s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.sys.disabled(a.userId);
        }
    }
}
