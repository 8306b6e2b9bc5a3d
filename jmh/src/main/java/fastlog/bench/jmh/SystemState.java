package fastlog.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import fastlog.bench.systems.BenchSystem;

/**
 * The logging system of one fork, writing real JSON lines to a file under {@code -Dbench.dir}
 * (default: the temp directory). After each iteration (warm-up and measured), outside the
 * measurement, everything is drained, the system checks what it produced
 * ({@link BenchSystem#checkAfterDrain}: for fastlog, nothing dropped, lost or unwritten, and the
 * file holds exactly the lines it counted; an exception fails the benchmark, and run_bench.py runs
 * JMH with {@code -foe true} so the whole run fails), and the file is truncated so a long run does
 * not fill the disk. The peers configure themselves through system properties, so only one system
 * is started per forked JVM.
 */
@State(Scope.Benchmark)
public class SystemState {

    @Param({"fastlog", "log4j2", "logback"})
    public String system;

    public BenchSystem sys;
    private Path file;

    /**
     * Events logged since the last check, when the benchmark counts them (it sets
     * {@link #eventsCounted}): the caller-cost benchmark adds each burst outside the measurement.
     */
    final LongAdder eventsLogged = new LongAdder();
    volatile boolean eventsCounted;

    @Setup(Level.Trial)
    public void start() throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        file = dir.resolve("jmh-" + system + "-" + ProcessHandle.current().pid() + ".ndjson");
        sys = BenchSystem.named(system);
        sys.start(file);
    }

    @TearDown(Level.Iteration)
    public void drainCheckAndTruncate() {
        sys.drain();
        sys.checkAfterDrain(eventsCounted ? eventsLogged.sumThenReset() : -1);
        // The writers keep their file open; later writes land past a hole (a sparse file).
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        sys.stop();
        Files.deleteIfExists(file);
    }
}
