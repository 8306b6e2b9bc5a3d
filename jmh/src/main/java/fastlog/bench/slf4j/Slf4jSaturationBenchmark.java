package fastlog.bench.slf4j;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Saturation through SLF4J, as {@code LoggerSaturationBenchmark}: calls as fast as possible, the
 * async queue is full within milliseconds, so the time per call is what the whole pipeline
 * (render + write) costs per event, not what the caller pays ({@link Slf4jCallerCostBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Slf4jSaturationBenchmark {

    @Benchmark
    public void classic(Slf4jState s, Slf4jArgs a) {
        Slf4jCalls.classic(s.sys.log, a.userId);
    }

    @Benchmark
    public void fluent1(Slf4jState s, Slf4jArgs a) {
        Slf4jCalls.fluent1(s.sys.log, a.userId);
    }

    @Benchmark
    public void fluent3(Slf4jState s, Slf4jArgs a) {
        Slf4jCalls.fluent3(s.sys.log, a.status, a.path, a.ms);
    }
}
