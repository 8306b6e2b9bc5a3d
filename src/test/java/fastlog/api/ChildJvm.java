package fastlog.api;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a test program in a fresh JVM with fastlog on its class path, stdout to a file. */
final class ChildJvm {

    record Result(int exitCode, byte[] stdout, String stderr) {
    }

    private ChildJvm() {
    }

    static Result run(Path dir, Class<?> main, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        return run(dir, main, jvmArgs, Map.of(), args);
    }

    static Result run(Path dir, Class<?> main, List<String> jvmArgs, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(dir, main, jvmArgs, env, List.of(), args);
    }

    /** With {@code extraClassPath} after fastlog's classes and the test classes. */
    static Result run(Path dir, Class<?> main, List<String> jvmArgs, Map<String, String> env, List<Path> extraClassPath,
                      String... args) throws IOException, InterruptedException {
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath()
                + extraClassPath.stream().map(p -> File.pathSeparator + p.toAbsolutePath()).collect(java.util.stream.Collectors.joining()));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("FASTLOG_LEVEL");
        pb.environment().remove("FASTLOG_TRACE_PROVIDER");
        pb.environment().remove("FASTLOG_THREAD_NAME");
        pb.environment().remove("FASTLOG_CALLER_LOCATION");
        pb.environment().putAll(env);
        Process p = pb
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not exit within 120 s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
    }
}
