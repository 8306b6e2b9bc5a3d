package fastlog.reliability;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs a program from {@code fastlog.testapps} in a fresh JVM (class path: a private copy of
 * target/classes:target/test-classes, see {@link #classPath()}), with its stdout going to a file, to /dev/full, into a
 * pipe read by another program, or into a pipe the test reads slowly. stderr always goes to a
 * file. A child that does not end within {@link #TIMEOUT} is killed and the test fails, also while
 * the test is reading its stdout (see {@link #watchdog}).
 *
 * <p>Children report with stderr lines {@code CHILD key=value key=value ...}; everything else on
 * their stderr is what fastlog (or the JVM) printed.
 */
final class ChildProcess {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    record Result(int exitCode, byte[] stdout, String stderr, Duration took) {

        /** The key=value pairs of every {@code CHILD} line on stderr (later lines win). */
        Map<String, String> report() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : stderr.split("\n")) {
                if (line.startsWith("CHILD ")) {
                    for (String pair : line.substring(6).trim().split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            values.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                }
            }
            return values;
        }

        long reported(String key) {
            String v = report().get(key);
            if (v == null) {
                throw new AssertionError("the child did not report " + key + "; stderr:\n" + stderr);
            }
            return Long.parseLong(v);
        }

        /** stderr lines that the child program did not print itself. */
        List<String> foreignStderrLines() {
            List<String> lines = new ArrayList<>();
            for (String line : stderr.split("\n")) {
                if (!line.isEmpty() && !line.startsWith("CHILD ")) {
                    lines.add(line);
                }
            }
            return lines;
        }

        String describe() {
            return "exit code " + exitCode + ", " + stdout.length + " bytes on stdout, took " + took.toMillis()
                    + " ms; stderr:\n" + Ndjson.abbreviate(stderr);
        }
    }

    private static String classPath;

    private ChildProcess() {
    }

    /**
     * target/classes and target/test-classes as this build compiled them, copied once per test
     * JVM into a private directory: a child must not see classes vanish or change under it if
     * something rebuilds target/ while the suite runs.
     */
    static synchronized String classPath() {
        if (classPath == null) {
            try {
                Path snapshot = Files.createTempDirectory("fastlog-reliability-cp");
                Path classes = copyTree(Path.of("target", "classes"), snapshot.resolve("classes"));
                Path testClasses = copyTree(Path.of("target", "test-classes"), snapshot.resolve("test-classes"));
                classPath = classes + File.pathSeparator + testClasses;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(snapshot)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classPath;
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to.toAbsolutePath();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; nothing more to do
        }
    }

    static ProcessBuilder java(Class<?> main, List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC"); // 2 cores: keep the child's own thread count down
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("FASTLOG_")); // the settings of the child are the test's
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // the JVM would announce it on stderr
        pb.environment().remove("JDK_JAVA_OPTIONS");
        return pb;
    }

    static ProcessBuilder java(Class<?> main, String... args) {
        return java(main, List.of(), args);
    }

    /** stdout to {@code dir/stdout}. */
    static Result run(Path dir, ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout");
        pb.redirectOutput(out.toFile());
        return finish(dir, start(dir, pb), out);
    }

    /** Starts with stdout to {@code dir/stdout}; the caller ends it and calls {@link #finish}. */
    static Process startToFile(Path dir, ProcessBuilder pb) throws IOException {
        pb.redirectOutput(dir.resolve("stdout").toFile());
        return start(dir, pb);
    }

    /** stdout is /dev/full: every write fails with ENOSPC. */
    static Result runToDevFull(Path dir, ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectOutput(new File("/dev/full"));
        return finish(dir, start(dir, pb), null);
    }

    /**
     * stdout piped into {@code reader} (e.g. {@code head -n 1}), whose own stdout goes to
     * {@code dir/reader-out}; {@link Result#stdout()} is what the reader printed.
     */
    static Result runIntoPipe(Path dir, ProcessBuilder pb, List<String> reader) throws IOException, InterruptedException {
        Path readerOut = dir.resolve("reader-out");
        pb.redirectError(dir.resolve("stderr").toFile());
        ProcessBuilder rb = new ProcessBuilder(reader)
                .redirectOutput(readerOut.toFile())
                .redirectError(dir.resolve("reader-err").toFile());
        long t0 = System.nanoTime();
        List<Process> ps = ProcessBuilder.startPipeline(List.of(pb, rb));
        int code = await(ps.get(0));
        await(ps.get(1));
        return new Result(code, Files.readAllBytes(readerOut), Files.readString(dir.resolve("stderr")),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * stdout into a pipe that this thread reads {@code chunk} bytes at a time, sleeping
     * {@code pauseMillis} between reads: a reader much slower than fastlog can write.
     */
    static Result runWithSlowReader(Path dir, ProcessBuilder pb, int chunk, long pauseMillis)
            throws IOException, InterruptedException {
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        long t0 = System.nanoTime();
        Process p = start(dir, pb);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = t0 + TIMEOUT.toNanos();
        try (Watchdog watchdog = watchdog(p); InputStream in = p.getInputStream()) {
            byte[] buf = new byte[chunk];
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
                if (System.nanoTime() - deadline > 0) {
                    p.destroyForcibly();
                    throw new AssertionError("child still writing after " + TIMEOUT + "; read " + got.size() + " bytes");
                }
                Thread.sleep(pauseMillis);
            }
            watchdog.check(got.size());
        }
        int code = await(p);
        return new Result(code, got.toByteArray(), Files.readString(dir.resolve("stderr")),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Kills {@code p} and its descendants if {@code p} is still alive after {@link #TIMEOUT}. For
     * a caller about to block reading the child's stdout, which a hung child would keep open, so
     * the read would never end: killed, the child closes it, and the read sees the end of stream.
     * Close the watchdog when done; {@link Watchdog#check} fails if it had to fire.
     */
    static Watchdog watchdog(Process p) {
        return new Watchdog(p);
    }

    static final class Watchdog implements AutoCloseable {
        private final AtomicBoolean fired = new AtomicBoolean();
        private final CompletableFuture<Void> task;
        private final Process process;

        private Watchdog(Process p) {
            process = p;
            task = CompletableFuture.runAsync(() -> {
                if (p.isAlive()) {
                    fired.set(true);
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }, CompletableFuture.delayedExecutor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }

        /** Fails if the watchdog had to kill the child (after reading {@code bytesRead} bytes of its output). */
        void check(long bytesRead) {
            if (fired.get()) {
                throw new AssertionError("child did not end within " + TIMEOUT + " (killed) after writing " + bytesRead
                        + " bytes: " + process.info().commandLine().orElse("?"));
            }
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }

    private static Process start(Path dir, ProcessBuilder pb) throws IOException {
        pb.redirectError(dir.resolve("stderr").toFile());
        return pb.start();
    }

    /** Waits for the end of {@code p} (started with stdout to {@code stdoutFile}, or null). */
    static Result finish(Path dir, Process p, Path stdoutFile) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        int code = await(p);
        byte[] out = stdoutFile == null ? new byte[0] : Files.readAllBytes(stdoutFile);
        return new Result(code, out, Files.readString(dir.resolve("stderr")),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    static Result finish(Path dir, Process p) throws IOException, InterruptedException {
        return finish(dir, p, dir.resolve("stdout"));
    }

    static int await(Process p) throws InterruptedException {
        if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child did not exit within " + TIMEOUT + " (killed): " + p.info().commandLine().orElse("?"));
        }
        return p.exitValue();
    }

    /** Polls until {@code file} exists; fails if {@code p} ends first or the time runs out. */
    static void awaitFile(Process p, Path file, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (!p.isAlive()) {
                throw new AssertionError("child ended (exit code " + p.exitValue() + ") before creating " + file);
            }
            if (System.nanoTime() - deadline > 0) {
                p.destroyForcibly();
                throw new AssertionError("child did not create " + file + " within " + timeout);
            }
            Thread.sleep(5);
        }
    }
}
