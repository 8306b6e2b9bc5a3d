package fastlog.internal.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java.management} is optional ({@code requires static}): an application module on the
 * module path runs with a runtime limited to {@code java.base}, its levels come from the
 * environment, and turning JMX on only prints one warning. With the module added, the MBean is
 * registered from the module path (fastlog.api's MXBean interface, the implementation in a
 * concealed package).
 */
class ModulePathJmxTest {

    private static final String MODULE_INFO = "module demo.app { requires fastlog; }\n";
    private static final String MAIN = """
            package demo.app;
            import fastlog.api.Fastlog;
            public class Main {
                public static void main(String[] args) throws Exception {
                    boolean management = ModuleLayer.boot().findModule("java.management").isPresent();
                    String registered = "n/a";
                    Fastlog.logger("com.acme.db").debug("debug from the environment's level");
                    Fastlog.logger("other").debug("hidden");
                    Fastlog.logger("other").info("info");
                    if (management) {
                        // through reflection: this module does not require java.management
                        Object server = Class.forName("java.lang.management.ManagementFactory")
                                .getMethod("getPlatformMBeanServer").invoke(null);
                        Object name = Class.forName("javax.management.ObjectName").getConstructor(String.class)
                                .newInstance("fastlog:type=Logging");
                        Class<?> objectName = Class.forName("javax.management.ObjectName");
                        Class<?> serverType = Class.forName("javax.management.MBeanServerConnection");
                        registered = String.valueOf(serverType.getMethod("getAttribute", objectName, String.class)
                                .invoke(server, name, "EventsWritten"));
                    }
                    Fastlog.flush();
                    System.err.println("CHILD management=" + management + " written=" + registered);
                    Fastlog.shutdown();
                }
            }
            """;

    @TempDir
    static Path dir;

    /** The application module, compiled once for both tests (javac is the slow part). */
    private static Path app;

    @BeforeAll
    static void compile() throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), MODULE_INFO);
        write(src.resolve("demo/app/Main.java"), MAIN);
        app = dir.resolve("out");
        exec(List.of(tool("javac"), "-p", classes(), "-d", app.toString(), src.resolve("module-info.java").toString(),
                src.resolve("demo/app/Main.java").toString()), Map.of(), "javac");
    }

    private static String classes() {
        return Path.of("target", "classes").toAbsolutePath().toString();
    }

    @Test
    void withoutJavaManagementLoggingWorksAndJmxOnlyWarns() throws Exception {
        Child c = run(List.of("--limit-modules", "java.base,demo.app"));
        assertEquals(List.of("debug from the environment's level", "info"), c.messages());
        assertEquals(List.of("fastlog: JMX is on but module java.management is not in the runtime"
                + " (on the module path add --add-modules java.management); going on without the MBean"), c.fastlogLines());
        assertEquals("CHILD management=false written=n/a", c.report());
    }

    @Test
    void withJavaManagementTheMBeanIsRegisteredFromTheModulePath() throws Exception {
        Child c = run(List.of("--add-modules", "java.management"));
        assertEquals(List.of("debug from the environment's level", "info"), c.messages());
        assertEquals(List.of(), c.fastlogLines());
        assertEquals("CHILD management=true written=2", c.report());
    }

    private record Child(List<JsonNode> lines, String stderr) {
        List<String> messages() {
            return lines.stream().map(l -> l.get("msg").asText()).toList();
        }

        List<String> fastlogLines() {
            return stderr.lines().filter(l -> l.startsWith("fastlog:")).toList();
        }

        String report() {
            return stderr.lines().filter(l -> l.startsWith("CHILD ")).findFirst().orElse(stderr);
        }
    }

    private static Child run(List<String> runtimeArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool("java"), "-XX:+UseSerialGC"));
        cmd.addAll(runtimeArgs);
        cmd.addAll(List.of("-p", classes() + File.pathSeparator + app, "-m", "demo.app/demo.app.Main"));
        Path[] outputs = exec(cmd, Map.of("FASTLOG_JMX", "true", "FASTLOG_LEVELS", "com.acme=debug"), "java");
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(outputs[0])) {
            lines.add(json.readTree(line));
        }
        return new Child(lines, Files.readString(outputs[1]));
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Path[] exec(List<String> cmd, Map<String, String> env, String what) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, what, ".out");
        Path stderr = Files.createTempFile(dir, what, ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FASTLOG_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + " did not finish within 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(what + " exited " + p.exitValue() + ": " + Files.readString(stderr));
        }
        return new Path[] {stdout, stderr};
    }
}
