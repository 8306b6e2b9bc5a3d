package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged jar in real child JVMs: an application that only {@code requires org.slf4j} (and
 * has no fastlog code) logs through fastlog once the jar is beside slf4j-api, found by
 * ServiceLoader on the class path ({@code META-INF/services}) and on the module path
 * ({@code provides}), or named by {@code -Dslf4j.provider} (with slf4j-simple present as a second
 * provider, to show the property decides). Levels come from {@code fastlog.level} /
 * {@code FASTLOG_LEVEL}. Every line of the child's stdout must be one valid JSON object; nothing
 * logged may be lost at exit; each thread's events keep their order.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProviderDiscoveryIT {

    private static final long CHILD_TIMEOUT_SECONDS = 120;
    private static final String FACTORY = "fastlog.slf4j.FastlogLoggerFactory";
    private static final String ADAPTER = "fastlog.slf4j.FastlogMDCAdapter";

    @TempDir
    static Path work;
    private static Path app;
    private static String slf4jJar;
    private static String fastlogJar;
    private static String bridgeJar;
    private static String simpleJar;

    private record Child(int exitCode, List<JsonNode> lines, String stderr, Map<String, String> report) {
    }

    @BeforeAll
    static void compileTheApplication() throws Exception {
        Path jars = Path.of(System.getProperty("fastlog.it.jars"));
        slf4jJar = jars.resolve("slf4j-api.jar").toString();
        fastlogJar = jars.resolve("fastlog.jar").toString();
        simpleJar = jars.resolve("slf4j-simple.jar").toString();
        bridgeJar = System.getProperty("fastlog.slf4j.jar");
        assertTrue(Files.isRegularFile(Path.of(bridgeJar)), bridgeJar);
        Path src = Path.of(System.getProperty("fastlog.it.apps"), "demo.app");
        app = work.resolve("demo.app");
        List<String> cmd = new ArrayList<>(List.of(tool("javac"), "--release", "21", "-d", app.toString(),
                "--module-path", slf4jJar));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> cmd.add(p.toString()));
        }
        Process javac = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes());
        assertTrue(javac.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, javac.exitValue(), "javac: " + output);
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    private static Child run(String name, Map<String, String> env, List<String> javaArgs) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        List<String> cmd = new ArrayList<>();
        cmd.add(tool("java"));
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        pb.environment().remove("FASTLOG_LEVEL");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": child did not exit within " + CHILD_TIMEOUT_SECONDS + " s: " + cmd);
        }
        String stderr = Files.readString(dir.resolve("stderr"));
        Map<String, String> report = new LinkedHashMap<>();
        for (String line : stderr.split("\n")) {
            if (line.startsWith("CHILD ")) {
                for (String pair : line.substring(6).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    report.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        List<JsonNode> lines = Captured.parse(Files.readAllBytes(dir.resolve("stdout")));
        return new Child(p.exitValue(), lines, stderr, report);
    }

    /** What every run must show, whatever found the provider. */
    private static void checkOutput(Child c, boolean debug, boolean namedModule) {
        String where = "stderr:\n" + c.stderr();
        assertEquals(0, c.exitCode(), where);
        assertEquals(FACTORY, c.report().get("factory"), where);
        assertEquals(ADAPTER, c.report().get("mdc"), where);
        assertEquals(String.valueOf(namedModule), c.report().get("named_module"), where);
        assertFalse(c.stderr().contains("No SLF4J providers"), where);
        assertFalse(c.stderr().contains("Class path contains multiple SLF4J providers"), where);

        Map<String, JsonNode> main = new HashMap<>();
        Map<String, Integer> nextSeq = new HashMap<>();
        int workerLines = 0;
        for (JsonNode line : c.lines()) {
            String logger = line.get("logger").asText();
            if (logger.equals("demo.app.Worker")) {
                String worker = line.get("worker").asText();
                int seq = line.get("seq").asInt();
                assertEquals(nextSeq.getOrDefault(worker, 0), seq, "per-thread order: " + line);
                assertEquals("event " + seq, line.get("msg").asText());
                nextSeq.put(worker, seq + 1);
                workerLines++;
            } else {
                assertEquals("demo.app.Main", logger, line::toString);
                main.put(line.get("msg").asText(), line);
            }
        }
        assertEquals(8 * 50, workerLines, "nothing lost at exit");
        assertEquals(8, nextSeq.size());
        List<String> expected = new ArrayList<>(List.of("user 48213 logged in", "user login", "failed", "audited", "done"));
        if (debug) {
            expected.add("debug detail");
        }
        assertEquals(expected.stream().sorted().toList(), main.keySet().stream().sorted().toList());
        assertEquals("r-1", main.get("user 48213 logged in").get("request_id").asText());
        JsonNode login = main.get("user login");
        assertEquals(List.of("request_id", "user_id", "path"), Captured.fieldKeys(login));
        assertTrue(login.get("user_id").isInt());
        assertEquals("boom", main.get("failed").get("exception").get("message").asText());
        assertEquals("WARN", main.get("failed").get("level").asText());
        assertEquals("[\"AUDIT\"]", main.get("audited").get("tags").toString());
        assertFalse(main.get("done").has("request_id"));
    }

    @Test
    void classPathServiceLoader() throws Exception {
        Child c = run("class-path", Map.of(), List.of("-cp", path(app.toString(), slf4jJar, fastlogJar, bridgeJar),
                "demo.app.Main"));
        checkOutput(c, false, false);
    }

    @Test
    void modulePathServiceLoaderWithFastlogLevelEnvironment() throws Exception {
        Child c = run("module-path", Map.of("FASTLOG_LEVEL", "debug"),
                List.of("-p", path(app.toString(), slf4jJar, fastlogJar, bridgeJar), "-m", "demo.app/demo.app.Main"));
        checkOutput(c, true, true);
    }

    @Test
    void slf4jProviderPropertyOnTheClassPath() throws Exception {
        Child c = run("property-class-path", Map.of(), List.of("-Dslf4j.provider=fastlog.slf4j.FastlogServiceProvider",
                "-Dfastlog.level=DEBUG", "-cp", path(app.toString(), slf4jJar, simpleJar, fastlogJar, bridgeJar),
                "demo.app.Main"));
        checkOutput(c, true, false);
        assertTrue(c.stderr().contains("slf4j.provider"), c.stderr());
    }

    @Test
    void slf4jProviderPropertyOnTheModulePath() throws Exception {
        Child c = run("property-module-path", Map.of(), List.of("-Dslf4j.provider=fastlog.slf4j.FastlogServiceProvider",
                "-p", path(app.toString(), slf4jJar, simpleJar, fastlogJar, bridgeJar), "-m", "demo.app/demo.app.Main"));
        checkOutput(c, false, true);
        assertTrue(c.stderr().contains("slf4j.provider"), c.stderr());
    }

    /** The control: the same application without fastlog-slf4j does not write NDJSON (slf4j-simple does). */
    @Test
    void withoutTheJarSlf4jUsesAnotherProvider() throws Exception {
        Child c = run("control", Map.of(), List.of("-cp", path(app.toString(), slf4jJar, simpleJar), "demo.app.Main"));
        assertEquals(0, c.exitCode(), c.stderr());
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", c.report().get("factory"), c.stderr());
        assertTrue(c.lines().isEmpty());
        assertTrue(c.stderr().contains("user 48213 logged in"));
    }
}
