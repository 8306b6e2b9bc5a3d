package fastlog.bench.jmh;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import fastlog.internal.pipeline.LineWriter;
import fastlog.internal.sink.Sink;

/**
 * The writer's JSON rendering as the pipeline calls it: through {@code LineWriter.published}
 * (the writer's per-event call, which reaches the renderer the pipeline chose when it was built),
 * then {@code batchDone}, which writes each MiB to a null stream. The same source builds against
 * a library before and after the output format became a choice, so an A/B of the two jars shows
 * what that choice costs the JSON path per event.
 *
 * <p>{@code cpuNanos / renders}: the measuring thread's CPU time per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WriterRenderBenchmark {

    @Param({"oneField", "threeFields", "tenFields", "exception", "mapOf5"})
    public String shape;

    private FastlogRecords record;
    private LineWriter lines;

    @Setup(Level.Trial)
    public void setup() {
        record = FastlogRecords.of(shape, CallArgs.PaymentFailure.create());
        // Only published() and batchDone() are called: the stripe reader is never used.
        lines = new LineWriter(null, FastlogRecords.renderer("default"),
                new Sink(OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream())),
                FastlogRecords.MAX_STRING);
    }

    @Benchmark
    public void publish(RenderCpu cpu) {
        cpu.renders++;
        lines.published(record.longs, record.refs, 0, record.header);
        lines.batchDone();
    }
}
