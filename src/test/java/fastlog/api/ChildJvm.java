package fastlog.api;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
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
        List<Path> classPath = new ArrayList<>(List.of(Path.of("target", "classes"), Path.of("target", "test-classes")));
        classPath.addAll(extraClassPath);
        return runOn(classPath, dir, main, jvmArgs, env, args);
    }

    /** On exactly {@code classPath} (e.g. the packaged jar, whose Java 25 layer target/classes lacks). */
    static Result runOn(List<Path> classPath, Path dir, Class<?> main, List<String> jvmArgs, Map<String, String> env,
                        String... args) throws IOException, InterruptedException {
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath.stream().map(p -> p.toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator)));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("FASTLOG_")); // the settings of the child are the test's
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

    /** target/fastlog-VERSION.jar, the multi-release jar the failsafe tests run on. */
    static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "fastlog-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")) {
                    return jar;
                }
            }
        }
        throw new AssertionError("no packaged fastlog jar in target/");
    }
}
