package fastlog.jdk.bench;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import fastlog.api.Fastlog;
import fastlog.jdk.FastlogJul;

/**
 * What a disabled java.util.logging / System.Logger call costs with fastlog-jdk (fastlog at INFO,
 * calls at FINE / DEBUG). Run with ./run.sh (see README-section.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DisabledCostBenchmark {

    private Logger mirrored;      // FastlogJul.install(): JUL's level mirrors fastlog's
    private Logger plainJul;      // a JUL logger at INFO with a no-op handler: JUL's own check, for reference
    private Logger openJul;       // JUL level ALL, FastlogHandler decides (logging.properties with .level=ALL)
    private System.Logger system; // System.getLogger through FastlogLoggerFinder
    private fastlog.api.Logger native_;
    private Integer arg = 48213;

    @Setup
    public void setUp() {
        Fastlog.configure().output(OutputStream.nullOutputStream()).apply();
        Fastlog.setLevel(fastlog.api.Level.INFO);
        FastlogJul.install();
        mirrored = Logger.getLogger("bench.mirrored");
        plainJul = Logger.getLogger("bench.plain");
        plainJul.setUseParentHandlers(false);
        plainJul.setLevel(Level.INFO);
        openJul = Logger.getLogger("bench.open");
        openJul.setLevel(Level.ALL);
        system = System.getLogger("bench.system");
        native_ = Fastlog.logger("bench.native");
        if (mirrored.isLoggable(Level.FINE) || !openJul.isLoggable(Level.FINE) || system.isLoggable(System.Logger.Level.DEBUG)) {
            throw new IllegalStateException("unexpected levels");
        }
    }

    @Benchmark
    public void julMirroredDisabled() {
        mirrored.log(Level.FINE, "user {0} logged in", arg);
    }

    @Benchmark
    public void julPlainDisabled() {
        plainJul.log(Level.FINE, "user {0} logged in", arg);
    }

    @Benchmark
    public void julOpenLevelDisabledInFastlog() {
        openJul.log(Level.FINE, "user {0} logged in", arg);
    }

    @Benchmark
    public void systemLoggerDisabled() {
        system.log(System.Logger.Level.DEBUG, "user {0} logged in", arg);
    }

    @Benchmark
    public boolean systemLoggerIsLoggable() {
        return system.isLoggable(System.Logger.Level.DEBUG);
    }

    @Benchmark
    public void fastlogApiDisabled() {
        native_.debug("user logged in", "user_id", arg);
    }
}
