package fastlog.bench.jmh;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Baseline: the write path's ceiling. The same bytes fastlog's writer produces for a call shape,
 * pre-rendered, copied line by line into a 1 MiB buffer and written with one {@code write(2)} per
 * full buffer (fastlog's batching) by one thread to a plain FileOutputStream. No logger persists
 * an event for less than this. Time is per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(WriteCeilingBenchmark.LINES)
public class WriteCeilingBenchmark {

    static final int LINES = 8192;
    private static final int BUFFER = 1 << 20;

    @Param({"oneField", "threeFields", "tenFields", "exception"})
    public String shape;

    private byte[] line;
    private byte[] buf;
    private int used;
    private Path file;
    private FileOutputStream out;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        line = FastlogRecords.of(shape, CallArgs.PaymentFailure.create()).line();
        buf = new byte[BUFFER + line.length];
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        file = dir.resolve("jmh-ceiling-" + ProcessHandle.current().pid() + ".ndjson");
        out = new FileOutputStream(file.toFile());
    }

    @Benchmark
    public void writeLines() throws IOException {
        byte[] l = line;
        int n = l.length;
        for (int i = 0; i < LINES; i++) {
            System.arraycopy(l, 0, buf, used, n);
            used += n;
            if (used >= BUFFER) {
                out.write(buf, 0, used);
                used = 0;
            }
        }
    }

    @TearDown(Level.Iteration)
    public void truncate() throws IOException {
        try (FileChannel ch = FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
