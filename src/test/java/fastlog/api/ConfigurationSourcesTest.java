package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.ConfiguredApp;

/**
 * The real thing, in a fresh JVM on the class path: {@code fastlog.properties} from the class path
 * or from {@code -Dfastlog.config}, environment variables and system properties configure levels
 * and options; the code's own setting wins; bad entries print one line each and the application
 * runs on.
 */
class ConfigurationSourcesTest {

    @TempDir
    Path dir;

    private record Run(List<JsonNode> lines, String stderr) {

        List<String> messages() {
            return lines.stream().map(l -> l.get("message") != null ? l.get("message").asText() : l.get("msg").asText()).toList();
        }

        List<String> fastlogWarnings() {
            return stderr.lines().filter(l -> l.startsWith("fastlog: ")).toList();
        }

        String reported() {
            return stderr.lines().filter(l -> l.startsWith("CHILD ")).findFirst().orElseThrow(() -> new AssertionError(stderr));
        }
    }

    private Run run(List<String> jvmArgs, Map<String, String> env, Path extraClassPath, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        String cp = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        cmd.add(extraClassPath == null ? cp : cp + File.pathSeparator + extraClassPath);
        cmd.add(ConfiguredApp.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("FASTLOG_"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not exit within 120 s");
        }
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        return new Run(CapturedLog.parse(Files.readAllBytes(out)), stderr);
    }

    @Test
    void withNothingConfiguredTheDefaultsApply() throws Exception {
        Run r = run(List.of(), Map.of(), null);
        assertEquals(List.of("web info", "corp info", "corp warn", "sql warn", "sql error", "long"), r.messages());
        assertEquals("CHILD level=INFO levels={}", r.reported());
        assertEquals(List.of(), r.fastlogWarnings());
    }

    @Test
    void fileOnTheClassPathEnvironmentAndSystemPropertiesTogether() throws Exception {
        Path cp = dir.resolve("cp");
        Files.createDirectories(cp);
        Files.writeString(cp.resolve("fastlog.properties"), """
                # levels: list form and one key per logger
                levels=com.acme=error, org.hibernate=debug
                level.com.acme.db=trace
                fieldNames=@timestamp,log.level,log.logger,message
                maxStringLength=20
                redactKeys=ssn
                """);
        Run r = run(List.of("-Dfastlog.level.com.acme.web=info", "-Dfastlog.maxStringLength=30"),
                Map.of("FASTLOG_LEVELS", "org.hibernate=error", "FASTLOG_LEVEL", "warn"), cp);
        assertEquals(List.of("db trace", "db debug", "web info", "corp warn", "sql error", "long"), r.messages());
        assertEquals("CHILD level=WARN levels={com.acme=ERROR,com.acme.db=TRACE,com.acme.web=INFO,org.hibernate=ERROR}",
                r.reported());
        JsonNode last = r.lines().get(r.lines().size() - 1);
        assertEquals("com.acmecorp", last.get("log.logger").asText(), "field names from the file");
        assertEquals("z".repeat(30) + "\u2026", last.get("text").asText(), "the system property beats the file");
        assertEquals("****", last.get("ssn").asText());
        assertEquals(List.of(), r.fastlogWarnings());
    }

    @Test
    void anExplicitFileAndTheCodesOwnSetting() throws Exception {
        Path f = dir.resolve("ops.properties");
        Files.writeString(f, "maxStringLength=40\nlevel=error\n");
        Run r = run(List.of("-Dfastlog.config=" + f), Map.of(), null, "code");
        assertEquals(List.of("sql error", "long"), r.messages());
        assertEquals("z".repeat(16) + "\u2026", r.lines().get(1).get("text").asText(), "the code's value wins");
        assertEquals(List.of(), r.fastlogWarnings());
    }

    @Test
    void badEntriesPrintOneLineEachAndTheApplicationRunsOn() throws Exception {
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "queueCapacity=many\nlevels=com.acme=loud\nmaxStringLength=30\n");
        Run r = run(List.of("-Dfastlog.config=" + f, "-Dfastlog.linger=forever"),
                Map.of("FASTLOG_LEVEL", "chatty", "FASTLOG_MAX_DEPTH", "0"), null);
        String in = " in " + f.toAbsolutePath();
        assertEquals(List.of(
                "fastlog: ignoring queueCapacity=many" + in + ": not a whole number",
                "fastlog: ignoring -Dfastlog.linger=forever: not a duration (a number and a unit: ns, us, ms, s, m, h), e.g. 10s",
                "fastlog: ignoring FASTLOG_MAX_DEPTH=0: maxDepth must be in [1, 64]: 0",
                "fastlog: ignoring FASTLOG_LEVEL=chatty: unknown level 'chatty' (trace, debug, info, warn, error)",
                "fastlog: ignoring levels=com.acme=loud" + in
                        + ": item 'com.acme=loud': unknown level 'loud' (trace, debug, info, warn, error)"),
                r.fastlogWarnings());
        assertEquals(List.of("web info", "corp info", "corp warn", "sql warn", "sql error", "long"), r.messages());
        assertEquals("z".repeat(30) + "\u2026", r.lines().get(5).get("text").asText(), "the good entry applies");
    }

    @Test
    void anUnreadableFileIsReportedAndTheApplicationRunsOn() throws Exception {
        Path missing = dir.resolve("missing.properties");
        Run r = run(List.of(), Map.of("FASTLOG_CONFIG", missing.toString(), "FASTLOG_LEVELS", "com.acme=debug"), null);
        assertEquals(1, r.fastlogWarnings().size(), r.stderr());
        assertTrue(r.fastlogWarnings().get(0).startsWith("fastlog: cannot read " + missing + " (FASTLOG_CONFIG): "),
                r.fastlogWarnings().get(0));
        assertEquals(List.of("db debug", "web debug", "web info", "corp info", "corp warn", "sql warn", "sql error", "long"),
                r.messages());
    }
}
