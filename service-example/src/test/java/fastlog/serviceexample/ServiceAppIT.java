package fastlog.serviceexample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@link ServiceApp} in a child JVM, on the module path and on the class path, and checks
 * its stdout: one NDJSON stream holding the events of Jetty (SLF4J), the JDK's HttpClient
 * (System.Logger), the application's SLF4J, fastlog.api, java.util.logging and System.Logger
 * loggers, with MDC and scoped fields where they belong, per-thread order, and nothing lost at
 * exit.
 */
class ServiceAppIT {

    private static final int REQUESTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"module path", "class path"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyApiLandsInOneValidStream(String path) throws Exception {
        List<JsonNode> lines = run(path.equals("module path"));

        Map<String, List<JsonNode>> byLogger = new HashMap<>();
        for (JsonNode line : lines) {
            byLogger.computeIfAbsent(line.get("logger").asText(), k -> new ArrayList<>()).add(line);
        }
        // Jetty's own start and stop, through SLF4J.
        assertTrue(messages(byLogger, "org.eclipse.jetty.server.Server").stream().anyMatch(m -> m.startsWith("Started ")),
                () -> "Jetty start: " + byLogger.keySet());
        assertTrue(messages(byLogger, "org.eclipse.jetty.server.Server").stream().anyMatch(m -> m.startsWith("Stopped ")));
        // The JDK's HttpClient, through System.Logger.
        assertTrue(messages(byLogger, "jdk.httpclient.HttpClient").stream().filter(m -> m.startsWith("REQUEST:")).count()
                >= REQUESTS, () -> "HttpClient lines: " + messages(byLogger, "jdk.httpclient.HttpClient"));

        // Each request: four events, one per API, carrying its MDC entry and scope field, in order.
        Map<String, List<JsonNode>> byRequest = new HashMap<>();
        for (JsonNode line : lines) {
            if (line.has("request_id")) {
                byRequest.computeIfAbsent(line.get("request_id").asText(), k -> new ArrayList<>()).add(line);
            }
        }
        assertEquals(REQUESTS, byRequest.size(), byRequest::toString);
        for (int i = 0; i < REQUESTS; i++) {
            List<JsonNode> events = byRequest.get("req-" + i);
            String p = "/orders/" + i;
            assertEquals(List.of("app.handler", "app.service", "app.jul", "app.system"),
                    events.stream().map(e -> e.get("logger").asText()).toList(), events::toString);
            assertEquals(List.of("handling " + p + " on virtual=true", "order looked up", "order " + p + " served",
                    "response for " + p + " sent"), events.stream().map(e -> e.get("msg").asText()).toList());
            for (JsonNode e : events) {
                assertEquals("/orders/{id}", e.get("route").asText(), e::toString);
                assertEquals("INFO", e.get("level").asText());
            }
            assertEquals(p, events.get(1).get("path").asText());
            assertEquals(2, events.get(1).get("step").asInt());
        }
        // MDC is removed after each request: no other line carries it.
        long withMdc = lines.stream().filter(l -> l.has("request_id")).count();
        assertEquals(4L * REQUESTS, withMdc);

        // The application's last events, logged right before main returns: nothing lost at exit.
        List<String> service = messages(byLogger, "app.service");
        assertTrue(service.contains("requests done"), service::toString);
        assertEquals("service stopped", service.get(service.size() - 1));
        JsonNode done = byLogger.get("app.service").stream().filter(l -> l.get("msg").asText().equals("requests done"))
                .findFirst().orElseThrow();
        assertEquals(REQUESTS, done.get("ok").asInt());
    }

    private static List<String> messages(Map<String, List<JsonNode>> byLogger, String logger) {
        return byLogger.getOrDefault(logger, List.of()).stream().map(l -> l.get("msg").asText()).toList();
    }

    /** Starts the service in a child JVM; every stdout line must be one JSON object with no duplicate key. */
    private static List<JsonNode> run(boolean modulePath) throws IOException, InterruptedException {
        String jar = System.getProperty("example.jar");
        String deps = Files.readString(Path.of(System.getProperty("example.classpath"))).trim();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-Djdk.httpclient.HttpClient.log=requests"));
        if (modulePath) {
            cmd.addAll(List.of("-p", jar + File.pathSeparator + deps,
                    "-m", "fastlog.serviceexample/fastlog.serviceexample.ServiceApp"));
        } else {
            cmd.addAll(List.of("-cp", jar + File.pathSeparator + deps, "fastlog.serviceexample.ServiceApp"));
        }
        cmd.add(Integer.toString(REQUESTS));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the service did not exit within 2 minutes; stderr: " + err.join());
        }
        assertEquals(0, p.exitValue(), () -> "exit code; stderr: " + err.join());
        assertFalse(err.join().contains("Exception"), () -> "stderr: " + err.join());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not one JSON object (" + e.getMessage() + "): " + line, e);
            }
            assertTrue(node.isObject() && node.has("ts") && node.has("logger") && node.has("msg"), line);
            lines.add(node);
        }
        assertTrue(out.endsWith("\n"), "the stream ends with a complete line");
        return lines;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
