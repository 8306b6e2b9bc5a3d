package fastlog.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * (a) Throughput at saturation. Every producer thread logs as fast as it can; any async queue
 * fills within milliseconds, after which a call returns only when the background writer has made
 * room. So the time per call here is the cost per event of the whole pipeline (render + write),
 * divided among the producers: what the writer sustains, not what the caller pays. The caller's
 * own cost is {@link LoggerCallerCostBenchmark}.
 *
 * <p>Run with {@code -t 1}, {@code -t 2}, and with {@code -jvmArgsAppend -Djmh.executor=VIRTUAL}
 * for virtual producer threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoggerSaturationBenchmark {

    @Benchmark
    public void oneField(SystemState s, CallArgs a) {
        s.sys.oneField(a.userId);
    }

    @Benchmark
    public void threeFields(SystemState s, CallArgs a) {
        s.sys.threeFields(a.status, a.path, a.ms);
    }

    @Benchmark
    public void tenFields(SystemState s, CallArgs a) {
        s.sys.tenFields(a.userId, a.orderId, a.items, a.total, a.currency, a.country, a.coupon,
                a.express, a.latencyMs, a.region);
    }

    @Benchmark
    public void exception(SystemState s, CallArgs a) {
        s.sys.exception(a.orderId, a.error);
    }

    @Benchmark
    public void disabled(SystemState s, CallArgs a) {
        s.sys.disabled(a.userId);
    }
}
