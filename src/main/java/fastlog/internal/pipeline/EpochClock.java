package fastlog.internal.pipeline;

import java.time.Instant;

/**
 * Wall-clock time in epoch microseconds, the resolution fastlog prints.
 *
 * <p>Public only so that the JMH benchmarks (on the class path) can time the very clock the
 * logging call reads, next to the caller benchmarks ({@code ClockBenchmark} in {@code jmh/}); the
 * package is not exported by the module, so this is no API.
 */
public final class EpochClock {

    private EpochClock() {
    }

    /**
     * Microseconds since the epoch. {@code Instant.now()} is the only public JDK clock with
     * sub-millisecond resolution that follows wall time ({@code Clock.systemUTC().instant()} and
     * {@code InstantSource.system().instant()} are the same read; {@code System.nanoTime()} is
     * monotonic and drifts from wall time). C2 inlines it and scalar-replaces the Instant (checked
     * with JMH {@code -prof gc}: 0 B/op on the logging call). What it costs on the benchmark
     * machine, next to those alternatives:
     * docs/performance.md, "The clock, and the caller minus the clock".
     */
    public static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
