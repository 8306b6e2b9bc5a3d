package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.internal.config.ExternalSettings;
import fastlog.internal.config.Options;
import fastlog.internal.pipeline.PipelineConfig;

/**
 * Every option of the settings table set from outside the code reaches the pipeline, through the
 * Configuration setter the table names; what the code sets wins; the output shows it.
 */
class ExternalConfigurationTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        Fastlog.shutdown();
    }

    private ExternalSettings read(Properties system, Map<String, String> env) {
        return ExternalSettings.read(system, env, new java.net.URLClassLoader(new java.net.URL[0], null),
                new PrintStream(err, true, StandardCharsets.UTF_8), Configuration::new);
    }

    private String warnings() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    /** One value per option, none of them the default; keys without the prefix, as in the file. */
    private static final Map<String, String> EVERY_OPTION = Map.ofEntries(
            Map.entry("queueCapacity", "4_096"),
            Map.entry("fullQueuePolicy", "drop"),
            Map.entry("fieldNames", "@timestamp, log.level, log.logger, message"),
            Map.entry("format", "Console"),
            Map.entry("schema", "LogStash"),
            Map.entry("serviceName", "checkout"),
            Map.entry("serviceVersion", "1.4.2"),
            Map.entry("serviceEnvironment", "staging"),
            Map.entry("serviceNodeName", "node-7"),
            Map.entry("gcpProjectId", "acme-prod"),
            Map.entry("staticFields", "team=payments, region=eu"),
            Map.entry("renameFields", "userId=user_id"),
            Map.entry("excludeFields", "password_hint, debug_blob"),
            Map.entry("maxStringLength", "40"),
            Map.entry("linger", "250us"),
            Map.entry("shutdownTimeout", "PT3S"),
            Map.entry("maxDepth", "3"),
            Map.entry("maxElements", "7"),
            Map.entry("redactKeys", "ssn, card_number"),
            Map.entry("redactDefaultKeys", "FALSE"),
            Map.entry("redactValues", "Bearer\\s+\\S+"),
            Map.entry("redactionMask", "[gone]"),
            Map.entry("sampling", "2s,5,10"),
            Map.entry("threadName", "true"),
            Map.entry("callerLocation", "TRUE"),
            Map.entry("jmx", "true"));

    private static void assertEveryOption(Configuration c) {
        PipelineConfig p = c.build();
        assertEquals(4096, p.queueCapacity());
        assertTrue(p.dropWhenFull());
        assertEquals(OutputFormat.CONSOLE, p.format());
        assertTrue(p.ambient().threadName());
        assertTrue(p.ambient().callerLocation());
        assertEquals("logstash", p.schema().presetName().toLowerCase(java.util.Locale.ROOT));
        String header = headerOf(p);
        for (String name : List.of("\"@timestamp\"", "\"log.level\"", "\"log.logger\"", "\"message\"",
                "\"team\":\"payments\"", "\"region\":\"eu\"", "\"checkout\"")) {
            assertTrue(header.contains(name), name + " in " + header);
        }
        assertEquals("user_id", p.schema().reservedKeys().outputName("userId"));
        assertTrue(p.schema().reservedKeys().isExcluded("password_hint"));
        assertTrue(p.schema().reservedKeys().isExcluded("debug_blob"));
        assertEquals(40, p.maxStringLength());
        assertEquals(250_000L, p.lingerNanos());
        assertEquals(3_000_000_000L, p.shutdownTimeoutNanos());
        assertEquals(3, p.valueLimits().maxDepth());
        assertEquals(7, p.valueLimits().maxElements());
        assertTrue(p.redaction().isRedactedKey("SSN"));
        assertTrue(p.redaction().isRedactedKey("card_number"));
        assertFalse(p.redaction().isRedactedKey("password"), "redactDefaultKeys=false");
        assertEquals(List.of("Bearer\\s+\\S+"), p.redaction().patterns().stream().map(java.util.regex.Pattern::pattern).toList());
        assertEquals("[gone]", p.redaction().mask());
        assertEquals(new PipelineConfig.Sampling(2_000_000_000L, 5, 10), p.sampling());
        assertTrue(c.jmx());
    }

    /** The line's fixed part before the message, as the writer writes it for an INFO event. */
    private static String headerOf(PipelineConfig p) {
        StringBuilder b = new StringBuilder();
        for (byte[] chunk : p.schema().header("app", fastlog.internal.level.Levels.INFO, 1000)) {
            if (chunk != null) {
                b.append(new String(chunk, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    @Test
    void theTestCoversEveryOptionOfTheTable() {
        assertEquals(Options.ALL.stream().map(o -> o.key()).sorted().toList(),
                EVERY_OPTION.keySet().stream().sorted().toList());
    }

    @Test
    void everyOptionFromSystemProperties() {
        Properties p = new Properties();
        EVERY_OPTION.forEach((k, v) -> p.setProperty("fastlog." + k, v));
        assertEveryOption(read(p, Map.of()).applyTo(new Configuration()));
        assertEquals("", warnings());
    }

    @Test
    void everyOptionFromEnvironmentVariables() {
        Map<String, String> env = new java.util.HashMap<>();
        EVERY_OPTION.forEach((k, v) -> env.put("FASTLOG_" + k.replaceAll("([A-Z])", "_$1").toUpperCase(), v));
        assertTrue(env.containsKey("FASTLOG_REDACT_DEFAULT_KEYS"));
        assertEveryOption(read(new Properties(), env).applyTo(new Configuration()));
        assertEquals("", warnings());
    }

    @Test
    void everyOptionFromTheFile() throws Exception {
        Path file = dir.resolve("app.properties");
        Properties p = new Properties();
        EVERY_OPTION.forEach(p::setProperty);
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, null);
        }
        assertEveryOption(read(props("fastlog.config", file.toString()), Map.of()).applyTo(new Configuration()));
        assertEquals("", warnings());
    }

    @Test
    void whatTheCodeSetsWinsAndTheRestComesFromOutside() {
        ExternalSettings s = read(props("fastlog.queueCapacity", "4096", "fastlog.maxDepth", "3"), Map.of());
        PipelineConfig p = s.applyTo(new Configuration()).queueCapacity(1024).build();
        assertEquals(1024, p.queueCapacity(), "the code's value");
        assertEquals(3, p.valueLimits().maxDepth(), "from the system property: the code did not set it");
        assertEquals(PipelineConfig.DEFAULT_MAX_STRING_LENGTH, p.maxStringLength(), "nobody set it: the default");
        assertNull(p.sampling());
    }

    @Test
    void theOutputShowsSettingsFromOutside() throws Exception {
        ExternalSettings s = read(props("fastlog.fieldNames", "@timestamp,log.level,log.logger,message",
                "fastlog.maxStringLength", "20", "fastlog.redactKeys", "ssn", "fastlog.redactionMask", "xx"), Map.of());
        Fastlog.shutdown();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.applyTo(new Configuration()).output(out).apply();
        Fastlog.logger("ext.out").info("hello", "ssn", "123-45-6789", "long", "y".repeat(100), "password", "pw");
        Fastlog.flush();
        List<JsonNode> lines = CapturedLog.parse(out.toByteArray());
        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals("INFO", line.get("log.level").asText());
        assertEquals("ext.out", line.get("log.logger").asText());
        assertEquals("hello", line.get("message").asText());
        assertTrue(line.has("@timestamp"));
        assertEquals("xx", line.get("ssn").asText());
        assertEquals("xx", line.get("password").asText(), "the default keys stay redacted");
        assertEquals("y".repeat(20) + "\u2026", line.get("long").asText(), "cut at maxStringLength=20");
        assertEquals("", warnings());
    }

    @Test
    void jmxCanBeTurnedOnInCode() {
        assertFalse(read(new Properties(), Map.of()).applyTo(new Configuration()).jmx(), "off by default");
        assertTrue(new Configuration().jmx(true).jmx());
        assertEquals(Duration.ofMillis(1).toNanos(), new Configuration().build().lingerNanos());
    }
}
