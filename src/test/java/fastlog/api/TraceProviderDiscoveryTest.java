package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.testapps.TestTraceProviders;
import fastlog.testapps.TraceApp;

/**
 * How a child JVM finds its trace context provider on the class path (a META-INF/services file
 * generated per test): none, one, several, a broken one, and the fastlog.traceProvider setting.
 * The module path is proven with the real provider, in fastlog-otel's tests.
 */
class TraceProviderDiscoveryTest {

    private static final String WORKING = TestTraceProviders.Working.class.getName();
    private static final String OTHER = TestTraceProviders.Other.class.getName();
    private static final String BROKEN = TestTraceProviders.ThrowingConstructor.class.getName();

    @TempDir
    Path dir;

    private ChildJvm.Result run(List<String> providers, List<String> jvmArgs, Map<String, String> env)
            throws IOException, InterruptedException {
        Path services = dir.resolve("services");
        if (!providers.isEmpty()) {
            Path file = services.resolve("META-INF/services/fastlog.api.TraceContextProvider");
            Files.createDirectories(file.getParent());
            Files.write(file, providers);
        }
        Files.createDirectories(services);
        ChildJvm.Result r = ChildJvm.run(dir, TraceApp.class, jvmArgs, env, List.of(services), new String[0]);
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    /** The two lines, checked: "outside" has no trace fields. @return the "inside" line */
    private static JsonNode inside(ChildJvm.Result r) {
        List<JsonNode> lines = CapturedLog.parse(r.stdout());
        assertEquals(2, lines.size(), lines::toString);
        assertEquals("outside", lines.get(0).path("msg").asText());
        assertFalse(lines.get(0).has("trace_id"), lines.get(0)::toString);
        return lines.get(1);
    }

    @Test
    void noProviderNoTraceFieldsAndNothingOnStderr() throws Exception {
        ChildJvm.Result r = run(List.of(), List.of(), Map.of());
        assertFalse(inside(r).has("trace_id"));
        assertEquals("", r.stderr());
    }

    @Test
    void oneProviderIsFoundAndUsed() throws Exception {
        ChildJvm.Result r = run(List.of(WORKING), List.of(), Map.of());
        JsonNode line = inside(r);
        assertEquals("11111111111111111111111111111111", line.path("trace_id").asText());
        assertEquals("2222222222222222", line.path("span_id").asText());
        assertEquals("01", line.path("trace_flags").asText());
        assertEquals("", r.stderr());
    }

    @Test
    void aProviderThatCannotBeInstantiatedIsSkippedWithOneReport() throws Exception {
        ChildJvm.Result r = run(List.of(BROKEN, WORKING), List.of(), Map.of());
        assertEquals("11111111111111111111111111111111", inside(r).path("trace_id").asText());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("could not be loaded and is skipped") && r.stderr().contains(BROKEN), r.stderr());
    }

    @Test
    void aMissingProviderClassIsReportedAndLinesStayValid() throws Exception {
        ChildJvm.Result r = run(List.of("com.example.NoSuchProvider"), List.of(), Map.of());
        assertFalse(inside(r).has("trace_id"));
        assertTrue(r.stderr().contains("com.example.NoSuchProvider"), r.stderr());
    }

    @Test
    void ofSeveralTheFirstIsUsedAndAllAreNamedOnStderr() throws Exception {
        ChildJvm.Result r = run(List.of(WORKING, OTHER), List.of(), Map.of());
        assertEquals("11111111111111111111111111111111", inside(r).path("trace_id").asText());
        assertTrue(r.stderr().contains("2 trace context providers found [" + WORKING + ", " + OTHER + "]; using " + WORKING),
                r.stderr());
    }

    @Test
    void thePropertyChoosesOneOfSeveral() throws Exception {
        ChildJvm.Result r = run(List.of(WORKING, OTHER), List.of("-Dfastlog.traceProvider=" + OTHER), Map.of());
        JsonNode line = inside(r);
        assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", line.path("trace_id").asText());
        assertEquals("00", line.path("trace_flags").asText());
        assertEquals("", r.stderr());
    }

    @Test
    void noneInThePropertyOrTheEnvironmentTurnsDiscoveryOff() throws Exception {
        assertFalse(inside(run(List.of(WORKING), List.of("-Dfastlog.traceProvider=none"), Map.of())).has("trace_id"));
        assertFalse(inside(run(List.of(WORKING), List.of(), Map.of("FASTLOG_TRACE_PROVIDER", "none"))).has("trace_id"));
    }

    @Test
    void environmentVariablesTurnOnThreadNameAndCallerLocation() throws Exception {
        ChildJvm.Result r = run(List.of(), List.of(),
                Map.of("FASTLOG_THREAD_NAME", "true", "FASTLOG_CALLER_LOCATION", "TRUE"));
        JsonNode line = inside(r);
        assertEquals("main", line.path("thread").asText());
        assertEquals(TraceApp.class.getName(), line.path("caller").path("class").asText());
        assertEquals("main", line.path("caller").path("method").asText());
    }

    @Test
    void aBadFlagValueIsReportedAndTreatedAsOff() throws Exception {
        ChildJvm.Result r = run(List.of(), List.of("-Dfastlog.threadName=yes"), Map.of());
        assertFalse(inside(r).has("thread"));
        assertTrue(r.stderr().contains("fastlog.threadName must be true or false, not 'yes'"), r.stderr());
    }
}
