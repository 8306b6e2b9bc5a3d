package fastlog.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;

/**
 * The packaged fastlog-jdk jar in fresh JVMs, on the module path and on the class path, with an
 * application (src/it/jdkapp) that does not mention fastlog: java.util.logging is configured by a
 * logging.properties naming fastlog.jdk.FastlogHandler, System.Logger finds fastlog's finder
 * because the jar is there, and the JDK's own HttpClient logs its requests through it. Every line
 * on the child's stdout must be one JSON object without duplicate keys.
 */
@Timeout(120)
class ChildJvmIT {

    private static final long CHILD_TIMEOUT_SECONDS = 90;

    private static Path work;
    private static Path appClasses;
    private static Path loggingProperties;
    private static String jars;

    @BeforeAll
    static void compileTheApplication() throws Exception {
        work = Path.of(System.getProperty("fastlog.jdk.it.work", "target/it-work")).toAbsolutePath();
        Path appSources = Path.of(System.getProperty("fastlog.jdk.it.app", "src/it/jdkapp"));
        Path jdkJar = Path.of(System.getProperty("fastlog.jdk.jar"));
        assertTrue(Files.isRegularFile(jdkJar), "no jar at " + jdkJar);
        Path fastlogJar = Path.of(Fastlog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jars = fastlogJar + File.pathSeparator + jdkJar;

        appClasses = work.resolve("jdkapp-classes");
        Files.createDirectories(appClasses);
        List<String> args = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "-Werror", "-d", appClasses.toString()));
        try (Stream<Path> files = Files.walk(appSources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter diagnostics = new StringWriter();
        PrintWriter pw = new PrintWriter(diagnostics);
        int rc = javac.run(pw, pw, args.toArray(String[]::new));
        pw.flush();
        assertEquals(0, rc, () -> "javac failed: " + diagnostics);

        loggingProperties = work.resolve("logging.properties");
        Files.writeString(loggingProperties, """
                # java.util.logging through fastlog, configured the JUL way
                handlers=fastlog.jdk.FastlogHandler
                .level=FINE
                fastlog.jdk.FastlogHandler.level=FINE
                fastlog.jdk.FastlogHandler.filter=jdkapp.DropSecrets
                app.quiet.level=WARNING
                app.verbose.level=ALL
                """);
    }

    @Test
    void onTheModulePath() throws Exception {
        Child child = run("module-path", List.of("-p", jars + File.pathSeparator + appClasses, "-m", "jdkapp/jdkapp.Main"));
        assertEquals("jdkapp", child.report.get("module"));
        check(child);
    }

    @Test
    void onTheClassPath() throws Exception {
        Child child = run("class-path", List.of("-cp", jars + File.pathSeparator + appClasses, "jdkapp.Main"));
        assertEquals("null", child.report.get("module"));
        check(child);
    }

    private static void check(Child child) {
        assertEquals("fastlog.jdk.FastlogLoggerFinder", child.report.get("finder"), child::describe);
        assertEquals("200", child.report.get("status"), child::describe);
        assertEquals("hi", child.report.get("body"), child::describe);

        // The application's own events, in the order its one thread logged them, the last one
        // (logged just before main returns) included.
        List<String> app = new ArrayList<>();
        for (JsonNode line : child.lines) {
            String logger = line.get("logger").asText();
            if (logger.startsWith("app.")) {
                StringBuilder sb = new StringBuilder(logger).append(' ').append(line.get("level").asText())
                        .append(' ').append(line.get("msg").asText());
                JsonNode e = line.get("exception");
                if (e != null) {
                    sb.append(" [").append(e.get("type").asText()).append(": ").append(e.get("message").asText()).append(']');
                }
                app.add(sb.toString());
            }
        }
        assertEquals(List.of(
                "app.jul INFO jul info",
                "app.jul WARN " + MessageFormat.format("jul {0} of {1}", "one", 1234567),
                "app.jul DEBUG jul fine",
                "app.jul ERROR jul failed [java.lang.IllegalStateException: boom]",
                "app.verbose DEBUG verbose fine",
                "app.system INFO system 42",
                "app.system DEBUG system debug",
                "app.system TRACE system trace",
                "app.system ERROR system failed [java.lang.IllegalArgumentException: bad]",
                "app.system INFO done"), app, child::describe);

        // The JDK's HttpClient, through System.Logger.
        String port = child.report.get("port");
        List<String> http = new ArrayList<>();
        for (JsonNode line : child.lines) {
            if (line.get("logger").asText().equals("jdk.httpclient.HttpClient")) {
                http.add(line.get("level").asText() + " " + line.get("msg").asText());
            }
        }
        assertTrue(http.stream().anyMatch(m -> m.startsWith("INFO REQUEST: http://127.0.0.1:" + port + "/hello GET")),
                () -> http + "\n" + child.describe());
        assertTrue(http.stream().anyMatch(m -> m.startsWith("INFO RESPONSE: (GET http://127.0.0.1:" + port + "/hello) 200")),
                () -> http + "\n" + child.describe());
    }

    private record Child(int exitCode, List<JsonNode> lines, Map<String, String> report, List<String> foreignStderr,
                         String stdout, String stderr) {

        String describe() {
            TreeSet<String> loggers = new TreeSet<>();
            for (JsonNode line : lines) {
                loggers.add(line.get("logger").asText());
            }
            return "exit " + exitCode + ", " + lines.size() + " lines from loggers " + loggers + "\nstderr:\n" + stderr
                    + "\nstdout:\n" + (stdout.length() > 20_000 ? stdout.substring(0, 20_000) + "..." : stdout);
        }
    }

    private static Child run(String label, List<String> launch) throws IOException, InterruptedException {
        Path dir = work.resolve(label);
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.util.logging.config.file=" + loggingProperties);
        cmd.add("-Djdk.httpclient.HttpClient.log=requests");
        cmd.add("-Dfastlog.level=TRACE");
        cmd.addAll(launch);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        pb.environment().remove("FASTLOG_LEVEL");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child did not end within " + CHILD_TIMEOUT_SECONDS + " s: " + cmd);
        }
        byte[] stdout = Files.readAllBytes(dir.resolve("stdout"));
        String stderr = Files.readString(dir.resolve("stderr"));
        Map<String, String> report = new LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.startsWith("CHILD ")) {
                for (String pair : line.substring(6).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        report.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            } else if (!line.isEmpty()) {
                foreign.add(line);
            }
        }
        List<JsonNode> lines = Captured.parse(stdout); // every line: strict JSON, no duplicate keys
        Child child = new Child(p.exitValue(), lines, report, foreign, new String(stdout, java.nio.charset.StandardCharsets.UTF_8), stderr);
        assertEquals(0, child.exitCode, child::describe);
        assertEquals(List.of(), foreign, child::describe);
        for (JsonNode line : lines) {
            assertTrue(line.hasNonNull("ts") && line.hasNonNull("level") && line.has("logger") && line.has("msg"),
                    () -> "incomplete line " + line);
        }
        return child;
    }
}
