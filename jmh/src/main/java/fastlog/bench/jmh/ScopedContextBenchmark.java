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

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;
import fastlog.api.Stats;

/**
 * What scoped context ({@link LogContext}) costs the calling thread, per event, in fastlog:
 * <ul>
 *   <li>{@code insideScope}: a burst of {@value #BURST} one-field calls inside one scope binding
 *       {@code request_id}: the lookup that finds the scope's fields, on every call;</li>
 *   <li>{@code outsideAfterScopes}: the same calls outside any scope, after scopes have run on
 *       this thread (once any scope has been entered, a lookup outside one is no longer free);</li>
 *   <li>{@code requestScopes}: {@value #BURST}/3 requests as {@code vthreads-compare} runs them,
 *       each a scope binding {@code request_id} around 3 calls: entering and leaving the scope
 *       is in the cost, per event.</li>
 * </ul>
 * Measured like {@link LoggerCallerCostBenchmark}: drained before each burst outside the
 * measurement, the calling thread's own CPU time and allocation in aux counters
 * ({@code callerCpuNanos / callerCalls}, {@code callerBytes / callerCalls}). Lines go to a null
 * stream; after each iteration the benchmark fails if fastlog dropped, lost or did not write an
 * event it was given.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ScopedContextBenchmark.BURST)
public class ScopedContextBenchmark {

    static final int BURST = 999; // a multiple of 3: whole requests
    private static final int EVENTS_PER_REQUEST = 3;

    @State(Scope.Thread)
    public static class Logging {
        Logger log;
        long requestId;

        @Setup(Level.Trial)
        public void start() {
            Fastlog.shutdown();
            Fastlog.configure().output(java.io.OutputStream.nullOutputStream()).traceContextProvider(null).apply();
            log = Fastlog.logger("bench.scoped");
            LogContext.where("warm", 1).run(() -> log.info("a scope has been entered"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            Fastlog.shutdown();
        }
    }

    /** Drains before each burst; the calling thread's CPU time and allocation during it. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Burst {
        public long callerBytes;
        public long callerCalls;
        public long callerCpuNanos;
        private final CallingThreadCost cost = new CallingThreadCost();
        private long logged;

        @Setup(Level.Iteration)
        public void reset() {
            callerBytes = 0;
            callerCalls = 0;
            callerCpuNanos = 0;
        }

        /** After each iteration: every event logged this trial written (the warm-up line too), none dropped or lost. */
        @TearDown(Level.Iteration)
        public void check() {
            Fastlog.flush();
            Stats s = Fastlog.stats();
            if (s.eventsDropped() != 0 || s.eventsLost() != 0 || s.writeErrors() != 0 || s.eventsWritten() != logged + 1) {
                throw new IllegalStateException("FASTLOG BENCH CHECK FAILED: " + (logged + 1) + " logged, " + s);
            }
        }

        @Setup(Level.Invocation)
        public void drainThenMark() {
            Fastlog.flush();
            cost.mark();
        }

        @TearDown(Level.Invocation)
        public void count() {
            logged += BURST;
            if (cost.take()) {
                callerBytes += cost.bytes;
                callerCpuNanos += cost.cpuNanos;
                callerCalls += BURST;
            }
        }
    }

    @Benchmark
    public void insideScope(Logging s, CallArgs a, Burst b) {
        LogContext.where("request_id", s.requestId++).run(() -> {
            for (int i = 0; i < BURST; i++) {
                s.log.info("user login", "user_id", a.userId);
            }
        });
    }

    @Benchmark
    public void outsideAfterScopes(Logging s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.log.info("user login", "user_id", a.userId);
        }
    }

    @Benchmark
    public void requestScopes(Logging s, CallArgs a, Burst b) {
        for (int r = 0; r < BURST / EVENTS_PER_REQUEST; r++) {
            LogContext.where("request_id", s.requestId++).run(() -> {
                for (int step = 0; step < EVENTS_PER_REQUEST; step++) {
                    s.log.info("request step", "step", step);
                }
            });
        }
    }
}
