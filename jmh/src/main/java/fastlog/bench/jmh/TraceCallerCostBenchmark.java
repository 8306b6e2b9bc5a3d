package fastlog.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import fastlog.api.Configuration;
import fastlog.api.Fastlog;
import fastlog.api.Logger;
import fastlog.api.Stats;
import fastlog.otel.OtelTraceContextProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

/**
 * What trace correlation and the optional per-event fields cost the calling thread: the same call
 * ({@code info("user login", "user_id", 48213)}, typed, and a four-pair {@code Object...} call)
 * with fastlog set up five ways ({@code mode}):
 * <ul>
 *   <li>{@code none}: no trace context provider (the default without fastlog-otel);</li>
 *   <li>{@code otelNoSpan}: fastlog-otel's provider, no span current on the calling thread;</li>
 *   <li>{@code otelSpan}: fastlog-otel's provider, a span current ({@code Span.wrap} of a valid
 *       context made current for the whole trial: the provider's work is the same as under an SDK
 *       span, a context lookup and {@code getSpanContext()});</li>
 *   <li>{@code threadName}: no provider, {@code threadName(true)};</li>
 *   <li>{@code callerLocation}: no provider, {@code callerLocation(true)} (a stack walk per call).</li>
 * </ul>
 * Measured like {@link LoggerCallerCostBenchmark}: bursts of {@value #BURST} calls, drained before
 * each burst outside the measurement, so the caller never waits for room; aux counters give the
 * calling thread's own CPU time ({@code callerCpuNanos / callerCalls}) and allocation
 * ({@code callerBytes / callerCalls}). Lines go to a null stream; after each iteration the
 * benchmark fails if fastlog dropped, lost or did not write an event it was given.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(TraceCallerCostBenchmark.BURST)
public class TraceCallerCostBenchmark {

    static final int BURST = 1000;

    @State(org.openjdk.jmh.annotations.Scope.Thread)
    public static class Logging {
        @Param({"none", "otelNoSpan", "otelSpan", "threadName", "callerLocation"})
        public String mode;

        Logger log;
        private Scope scope;

        @Setup(Level.Trial)
        public void start() {
            Fastlog.shutdown();
            Configuration c = Fastlog.configure().output(java.io.OutputStream.nullOutputStream())
                    .traceContextProvider(null);
            switch (mode) {
                case "none" -> { }
                case "otelNoSpan" -> c.traceContextProvider(new OtelTraceContextProvider());
                case "otelSpan" -> {
                    c.traceContextProvider(new OtelTraceContextProvider());
                    // Runs on the benchmark thread (a Scope.Thread state): the span is current there.
                    scope = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                            TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent();
                }
                case "threadName" -> c.threadName(true);
                case "callerLocation" -> c.callerLocation(true);
                default -> throw new IllegalArgumentException("mode " + mode);
            }
            c.apply();
            log = Fastlog.logger("bench.trace");
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (scope != null) {
                scope.close();
            }
            Fastlog.shutdown();
        }
    }

    /** Drains before each burst; the calling thread's CPU time and allocation during it. */
    @State(org.openjdk.jmh.annotations.Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Burst {
        public long callerBytes;
        public long callerCalls;
        public long callerCpuNanos;
        private final CallingThreadCost cost = new CallingThreadCost();
        /** Events logged this trial (fastlog is started afresh for each trial). */
        private long logged;

        @Setup(Level.Iteration)
        public void reset() {
            callerBytes = 0;
            callerCalls = 0;
            callerCpuNanos = 0;
        }

        /** After each iteration: every event logged this trial written, none dropped or lost. */
        @TearDown(Level.Iteration)
        public void check() {
            Fastlog.flush();
            Stats s = Fastlog.stats();
            if (s.eventsDropped() != 0 || s.eventsLost() != 0 || s.writeErrors() != 0 || s.eventsWritten() != logged) {
                throw new IllegalStateException("FASTLOG BENCH CHECK FAILED: " + logged + " logged, " + s);
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
            if (cost.take()) { // false: the JVM cannot tell
                callerBytes += cost.bytes;
                callerCpuNanos += cost.cpuNanos;
                callerCalls += BURST;
            }
        }
    }

    @Benchmark
    public void oneField(Logging s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.log.info("user login", "user_id", a.userId);
        }
    }

    @Benchmark
    public void fourPairs(Logging s, CallArgs a, Burst b) {
        for (int i = 0; i < BURST; i++) {
            s.log.info("request served", "status", a.status, "path", a.path, "ms", a.ms, "region", a.region);
        }
    }
}
