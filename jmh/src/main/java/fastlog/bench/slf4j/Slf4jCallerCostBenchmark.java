package fastlog.bench.slf4j;

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

import fastlog.bench.jmh.CallingThreadCost;

/**
 * The caller's own cost of an SLF4J call while the writer keeps up, measured as
 * {@code LoggerCallerCostBenchmark} measures fastlog.api calls: each invocation is a burst of
 * {@value #BURST} calls, far fewer than any system's queue holds, and before each burst, outside
 * the measurement, the calling thread waits until everything logged so far is written.
 * {@code callerBytes / callerCalls} (aux counters) is what the calling thread allocated per call
 * ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}); {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} counts every thread, the background writer included.
 * {@code callerCpuNanos / callerCalls} is the calling thread's CPU time per call
 * ({@code getCurrentThreadCpuTime}): unlike the wall-clock ns/op it does not grow when the thread
 * waits for a core, so it stays comparable on a loaded machine.
 *
 * <p>Shapes ({@link Slf4jCalls}): {@code classic} = {@code log.info("user {} logged in", 48213)},
 * {@code fluent1} = {@code log.atInfo().addKeyValue("user_id", 48213).log("user login")},
 * {@code fluent3} = three pairs (200, "/api/orders", 12.5) and "request served",
 * {@code disabled} = {@code log.debug("cache probe {}", 48213)} at INFO.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Slf4jCallerCostBenchmark.BURST)
public class Slf4jCallerCostBenchmark {

    static final int BURST = 1000;

    /** Drains before each burst, measures the calling thread's allocation, counts the events logged. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Burst {
        /** Bytes the calling thread allocated inside measured bursts (this iteration). */
        public long callerBytes;
        /** Calls made inside measured bursts whose allocation could be read (this iteration). */
        public long callerCalls;
        /** CPU time the calling thread used inside measured bursts (this iteration), ns. */
        public long callerCpuNanos;
        /** Calls made inside measured bursts whose CPU time could be read (this iteration). */
        public long callerCpuCalls;
        private final CallingThreadCost cost = new CallingThreadCost();
        private int eventsPerBurst;

        @Setup(Level.Trial)
        public void shape(BenchmarkParams params, Slf4jState s) {
            eventsPerBurst = params.getBenchmark().endsWith(".disabled") ? 0 : BURST;
            s.eventsCounted = true;
        }

        @Setup(Level.Iteration)
        public void reset() {
            callerBytes = 0;
            callerCalls = 0;
            callerCpuNanos = 0;
            callerCpuCalls = 0;
        }

        @Setup(Level.Invocation)
        public void drainThenMark(Slf4jState s) {
            s.sys.drain();
            cost.mark();
        }

        @TearDown(Level.Invocation)
        public void count(Slf4jState s) {
            s.eventsLogged.add(eventsPerBurst);
            if (cost.take()) {
                callerCpuNanos += cost.cpuNanos;
                callerCpuCalls += BURST;
                callerBytes += cost.bytes;
                callerCalls += BURST;
            }
        }
    }

    @Benchmark
    public void classic(Slf4jState s, Slf4jArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            Slf4jCalls.classic(s.sys.log, a.userId);
        }
    }

    @Benchmark
    public void fluent1(Slf4jState s, Slf4jArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            Slf4jCalls.fluent1(s.sys.log, a.userId);
        }
    }

    @Benchmark
    public void fluent3(Slf4jState s, Slf4jArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            Slf4jCalls.fluent3(s.sys.log, a.status, a.path, a.ms);
        }
    }

    @Benchmark
    public void disabled(Slf4jState s, Slf4jArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            Slf4jCalls.disabled(s.sys.log, a.userId);
        }
    }
}
