package fastlog.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.otel.apps.SpanApp;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * fastlog finds the provider through module fastlog.otel's {@code provides} clause: a child JVM
 * with fastlog, fastlog-otel and the OpenTelemetry API (api, context, common) on the module path (no META-INF/services
 * is read for named modules) logs inside a span.
 */
class ModulePathTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @TempDir
    Path dir;

    private static String where(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void theProviderIsFoundOnTheModulePath() throws Exception {
        String modulePath = String.join(File.pathSeparator, where(Fastlog.class), where(OtelTraceContextProvider.class),
                where(Span.class), where(Context.class), where(io.opentelemetry.common.ComponentLoader.class));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--add-modules", "fastlog.otel",
                "-cp", where(SpanApp.class), SpanApp.class.getName(), TRACE, SPAN));
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().remove("FASTLOG_TRACE_PROVIDER");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not exit: " + cmd);
        }
        String err = Files.readString(stderr);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
        List<JsonNode> lines = Captured.parse(Files.readAllBytes(stdout));
        assertEquals(2, lines.size(), lines::toString);
        assertFalse(lines.get(0).has("trace_id"), lines.get(0)::toString);
        assertEquals(TRACE, lines.get(1).path("trace_id").asText(), lines.get(1)::toString);
        assertEquals(SPAN, lines.get(1).path("span_id").asText());
        assertEquals("01", lines.get(1).path("trace_flags").asText());
    }
}
