package fastlog.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import fastlog.bench.systems.BenchSystem;

/**
 * The logging system of one fork, writing real JSON lines to a file under {@code -Dbench.dir}
 * (default: the temp directory). After each iteration, outside the measurement, everything is
 * drained and the file is truncated so a long run does not fill the disk. The peers configure
 * themselves through system properties, so only one system is started per forked JVM.
 */
@State(Scope.Benchmark)
public class SystemState {

    @Param({"fastlog", "log4j2", "logback"})
    public String system;

    public BenchSystem sys;
    private Path file;

    @Setup(Level.Trial)
    public void start() throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        file = dir.resolve("jmh-" + system + "-" + ProcessHandle.current().pid() + ".ndjson");
        sys = BenchSystem.named(system);
        sys.start(file);
    }

    @TearDown(Level.Iteration)
    public void drainAndTruncate() {
        sys.drain();
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
