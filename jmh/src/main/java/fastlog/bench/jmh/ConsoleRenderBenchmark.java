package fastlog.bench.jmh;

import java.time.ZoneId;
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
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.ConsoleRenderer;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.render.LineRenderer;
import fastlog.internal.render.Redaction;
import fastlog.internal.value.ValueLimits;

/**
 * The writer's cost per event in each output format, one thread, no queue, no I/O:
 * {@code format} = {@code json} (the JSON renderer, as {@link JsonRenderBenchmark} with the default
 * redaction), {@code console} (the console format without colour) and {@code consoleColor} (with
 * ANSI colours). The console format is for people at a terminal, so its cost matters far less than
 * JSON's; this says how much more it is. Each fork uses one renderer class, as a pipeline does.
 *
 * <p>{@code cpuNanos / renders}: the measuring thread's CPU time per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConsoleRenderBenchmark {

    @Param({"oneField", "threeFields", "tenFields", "exception", "mapOf5"})
    public String shape;

    @Param({"json", "console", "consoleColor"})
    public String format;

    private FastlogRecords record;
    private LineRenderer renderer;
    private JsonOutput out;

    @Setup(Level.Trial)
    public void setup() {
        record = FastlogRecords.of(shape, CallArgs.PaymentFailure.create());
        ReservedKeys names = new ReservedKeys("ts", "level", "logger", "msg");
        renderer = switch (format) {
            case "json" -> new EventRenderer(names, FastlogRecords.MAX_STRING, ValueLimits.DEFAULTS, Redaction.DEFAULT);
            case "console", "consoleColor" -> new ConsoleRenderer(names, FastlogRecords.MAX_STRING, ValueLimits.DEFAULTS,
                    Redaction.DEFAULT, ZoneId.of("Europe/Berlin"), format.equals("consoleColor"));
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
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
