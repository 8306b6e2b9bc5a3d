package fastlog.bench.jmh;

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

import fastlog.internal.json.JsonOutput;
import fastlog.internal.render.EventRenderer;

/**
 * Baseline: fastlog's JSON rendering alone, one thread, no queue and no I/O. A staged record is
 * rendered into the writer's kind of buffer, which is reset once it passes 1 MiB as the writer's
 * is after each write. This bounds what the writer can sustain per event before any write cost.
 *
 * <p>{@code redaction}: {@code default} is the product's default (the default key set, no value
 * patterns); {@code none} turns the key set off; {@code twoRegexes} adds two value patterns
 * searched in every string (the message included): the writer's cost of redaction per event.
 *
 * <p>{@code schema}: the preset the line is written in; a logging call costs the same for all of
 * them, and this is what each costs the writer. {@code thrown} is {@code log.error(msg, e)}: the
 * Throwable under the key {@code exception}, which the presets other than default write as their
 * flat exception fields (ECS {@code error.*}, ...); {@code exception} keeps it under another key.
 *
 * <p>{@code cpuNanos / renders} (aux counters) is the thread's CPU time per render: on a shared,
 * loaded machine the wall time includes time the thread spent descheduled, its CPU time much less
 * so.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonRenderBenchmark {

    @Param({"oneField", "threeFields", "tenFields", "exception", "thrown", "boundAndScoped", "hashMap5", "mapOf5",
        "record4", "listOf10Longs"})
    public String shape;

    @Param({"default", "none", "twoRegexes"})
    public String redaction;

    /**
     * The line layout ({@code fastlog.api.Schema}, lower case): {@code default} is fastlog's own;
     * the presets are resolved with a service name, version, environment and node name, as a
     * deployed service would have them.
     */
    @Param({"default", "ecs", "otel", "logstash", "gcp"})
    public String schema;

    private FastlogRecords record;
    private EventRenderer renderer;
    private JsonOutput out;

    @Setup(Level.Trial)
    public void setup() {
        record = FastlogRecords.of(shape, CallArgs.PaymentFailure.create());
        renderer = FastlogRecords.renderer(redaction, schema);
        out = new JsonOutput(2 << 20, FastlogRecords.MAX_STRING);
    }

    @Benchmark
    public int render(RenderCpu cpu) {
        cpu.renders++;
        renderer.render(out, record.longs, record.refs, 0, record.header);
        int size = out.size();
        if (size >= 1 << 20) {
            out.reset();
        }
        return size;
    }
}
