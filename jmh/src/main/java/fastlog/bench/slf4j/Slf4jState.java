package fastlog.bench.slf4j;

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

/**
 * The SLF4J provider of one fork (as {@code SystemState} for the other benchmarks), writing JSON
 * lines to a file under {@code -Dbench.dir}. At the start of the trial it binds SLF4J to the
 * system's provider and checks the binding ({@link Slf4jSystem#bind}), then checks the lines the
 * system writes for every call shape ({@link Slf4jOutputCheck}). After each iteration (warm-up and
 * measured), outside the measurement, it drains the system, lets it check what it produced
 * (fastlog: nothing dropped, lost or unwritten, and the file holds exactly the lines it counted;
 * an exception fails the benchmark, and run_bench.py runs JMH with {@code -foe true}) and
 * truncates the file.
 */
@State(Scope.Benchmark)
public class Slf4jState {

    @Param({"fastlog", "log4j2", "logback"})
    public String system;

    Slf4jSystem sys;
    private Path file;

    /** Events logged since the last check, when the benchmark counts them ({@link #eventsCounted}). */
    final LongAdder eventsLogged = new LongAdder();
    volatile boolean eventsCounted;

    @Setup(Level.Trial)
    public void start(Slf4jArgs args) throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        file = dir.resolve("jmh-slf4j-" + system + "-" + ProcessHandle.current().pid() + ".ndjson");
        sys = Slf4jSystem.named(system);
        sys.start(file);
        Slf4jOutputCheck.probe(sys, file, args);
        truncate();
    }

    @TearDown(Level.Iteration)
    public void drainCheckAndTruncate() {
        sys.drain();
        sys.checkAfterDrain(eventsCounted ? eventsLogged.sumThenReset() : -1);
        truncate();
    }

    /** The writers keep their file open; later writes land past a hole (a sparse file). */
    private void truncate() {
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
