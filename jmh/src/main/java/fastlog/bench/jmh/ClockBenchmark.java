package fastlog.bench.jmh;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
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

import fastlog.internal.pipeline.EpochClock;

/**
 * The clock a logging call reads, timed the way {@link LoggerCallerCostBenchmark} times the call,
 * so that bench/run_bench.py can print the caller's cost minus the clock: bursts of
 * {@value #BURST} reads per invocation, and the calling thread's CPU time and allocation per read
 * in the same aux counters ({@code callerCpuNanos}, {@code callerBytes}, {@code callerCalls}).
 * run_bench.py runs it in the same JMH invocation as the 1-thread caller benchmarks.
 *
 * <p>{@code epochMicros} is fastlog's clock ({@link EpochClock#micros()}); {@code instantNow} is
 * {@code Instant.now()} alone. The others are the JDK's other ways to read the time:
 * {@code Clock.systemUTC().instant()} and {@code InstantSource.system().instant()} (both
 * microsecond wall time), {@code System.currentTimeMillis()} (wall time, milliseconds only) and
 * {@code System.nanoTime()} (monotonic: drifts from wall time, so not a timestamp). The last two
 * are references, not candidates. Each read is summed into the result so none is dead code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ClockBenchmark.BURST)
public class ClockBenchmark {

    static final int BURST = LoggerCallerCostBenchmark.BURST;

    /** The calling thread's CPU time and allocation per burst, as in the caller benchmark. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Burst {
        /** Bytes the calling thread allocated inside measured bursts (this iteration). */
        public long callerBytes;
        /** Reads made inside measured bursts whose CPU time could be read (this iteration). */
        public long callerCalls;
        /** CPU time the calling thread spent inside measured bursts (this iteration). */
        public long callerCpuNanos;
        private final CallingThreadCost cost = new CallingThreadCost();

        @Setup(Level.Iteration)
        public void reset() {
            callerBytes = 0;
            callerCalls = 0;
            callerCpuNanos = 0;
        }

        @Setup(Level.Invocation)
        public void mark() {
            cost.mark();
        }

        @TearDown(Level.Invocation)
        public void count() {
            if (cost.take()) { // false: the JVM cannot tell
                callerBytes += cost.bytes;
                callerCpuNanos += cost.cpuNanos;
                callerCalls += BURST;
            }
        }
    }

    /** fastlog's clock: what every logging call reads. */
    @Benchmark
    public long epochMicros(Burst b) {
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            sum += EpochClock.micros();
        }
        return sum;
    }

    /** {@code Instant.now()} without the conversion to microseconds. */
    @Benchmark
    public long instantNow(Burst b) {
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            Instant now = Instant.now();
            sum += now.getEpochSecond() + now.getNano();
        }
        return sum;
    }

    @Benchmark
    public long clockSystemUtc(Burst b) {
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            Instant now = Clock.systemUTC().instant();
            sum += now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        }
        return sum;
    }

    @Benchmark
    public long instantSource(Burst b) {
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            Instant now = InstantSource.system().instant();
            sum += now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        }
        return sum;
    }

    /** Reference only: wall time, but milliseconds. */
    @Benchmark
    public long currentTimeMillis(Burst b) {
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            sum += System.currentTimeMillis();
        }
        return sum;
    }

    /** Reference only: monotonic, not wall time. */
    @Benchmark
    public long nanoTime(Burst b) {
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            sum += System.nanoTime();
        }
        return sum;
    }
}
