package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every preset, end to end through {@code fastlog.api}: each line parsed by Jackson with duplicate
 * detection on ({@link CapturedLog}); field names, order, level spelling and number, timestamp,
 * exception layout, service identity from an injected environment, static/rename/exclude,
 * fieldNames, and the collision rule.
 */
class SchemaPresetTest {

    /** The environment every test reads instead of the real one. */
    private static final Map<String, String> ENV = Map.of(
            "OTEL_SERVICE_NAME", "checkout",
            "OTEL_RESOURCE_ATTRIBUTES", "service.version=1.4.2,deployment.environment.name=prod%2Ceu,service.instance.id=pod-7");

    private final Logger log = Fastlog.logger("auth");

    @BeforeAll
    static void levels() {
        Fastlog.setLevel(Level.TRACE);
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
        Fastlog.setLevel(Level.INFO);
    }

    private static CapturedLog start(Schema schema, Map<String, String> env, Consumer<Configuration> more) {
        return CapturedLog.start(c -> {
            c.environment(k -> null, env);
            if (schema != null) {
                c.schema(schema);
            }
            more.accept(c);
        });
    }

    private static CapturedLog start(Schema schema) {
        return start(schema, ENV, c -> { });
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** The exact field names and order of {@code info("user login", "user_id", 48213)} for each preset. */
    private static List<String> expectedKeys(Schema schema) {
        return switch (schema) {
            case DEFAULT -> List.of("ts", "level", "logger", "msg", "user_id");
            case ECS -> List.of("@timestamp", "log.level", "message", "ecs.version", "log.logger", "service.name",
                    "service.version", "service.environment", "service.node.name", "event.dataset", "user_id");
            case OTEL -> List.of("timestamp", "severity_text", "severity_number", "body", "scope", "resource", "user_id");
            case LOGSTASH -> List.of("@timestamp", "@version", "message", "logger_name", "level", "level_value",
                    "service_name", "service_version", "service_environment", "service_node_name", "user_id");
            case GCP -> List.of("timestamp", "severity", "message", "logger", "serviceContext",
                    "logging.googleapis.com/labels", "user_id");
        };
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void eachPresetWritesItsFieldsInItsOrder(Schema schema) {
        CapturedLog out = start(schema);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        log.info("user login", "user_id", 48213);
        JsonNode line = out.only();
        Instant after = Instant.now();
        assertEquals(expectedKeys(schema), keys(line));
        assertEquals(48213, line.get("user_id").asLong());
        String ts = line.get(keys(line).get(0)).asText();
        assertTrue(ts.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), ts);
        Instant t = Instant.parse(ts);
        assertFalse(t.isBefore(before) || t.isAfter(after), ts);
        switch (schema) {
            case DEFAULT -> assertEquals("user login", line.get("msg").asText());
            case ECS -> {
                assertEquals("user login", line.get("message").asText());
                assertEquals("1.2.0", line.get("ecs.version").asText());
                assertEquals("auth", line.get("log.logger").asText());
                assertEquals("checkout", line.get("service.name").asText());
                assertEquals("1.4.2", line.get("service.version").asText());
                assertEquals("prod,eu", line.get("service.environment").asText()); // percent-decoded
                assertEquals("pod-7", line.get("service.node.name").asText());
                assertEquals("checkout", line.get("event.dataset").asText());
            }
            case OTEL -> {
                assertEquals("user login", line.get("body").asText());
                assertEquals("{\"name\":\"auth\"}", line.get("scope").toString());
                assertEquals("{\"service.name\":\"checkout\",\"service.version\":\"1.4.2\","
                        + "\"deployment.environment.name\":\"prod,eu\",\"service.instance.id\":\"pod-7\"}",
                        line.get("resource").toString());
            }
            case LOGSTASH -> {
                assertEquals("1", line.get("@version").asText());
                assertEquals("auth", line.get("logger_name").asText());
                assertEquals("checkout", line.get("service_name").asText());
                assertEquals("prod,eu", line.get("service_environment").asText());
            }
            case GCP -> {
                assertEquals("auth", line.get("logger").asText());
                assertEquals("{\"service\":\"checkout\",\"version\":\"1.4.2\"}", line.get("serviceContext").toString());
                assertEquals("{\"service_environment\":\"prod,eu\",\"service_node_name\":\"pod-7\"}",
                        line.get("logging.googleapis.com/labels").toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void levelsHaveEachPresetsSpellingAndNumber(Schema schema) {
        CapturedLog out = start(schema);
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        List<JsonNode> lines = out.lines();
        assertEquals(5, lines.size());
        List<String> text = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        for (JsonNode l : lines) {
            switch (schema) {
                case DEFAULT -> text.add(l.get("level").asText());
                case ECS -> text.add(l.get("log.level").asText());
                case OTEL -> {
                    text.add(l.get("severity_text").asText());
                    assertTrue(l.get("severity_number").isIntegralNumber());
                    numbers.add(l.get("severity_number").asLong());
                }
                case LOGSTASH -> {
                    text.add(l.get("level").asText());
                    assertTrue(l.get("level_value").isIntegralNumber());
                    numbers.add(l.get("level_value").asLong());
                }
                case GCP -> text.add(l.get("severity").asText());
            }
        }
        assertEquals(schema == Schema.GCP ? List.of("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR")
                : List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), text);
        switch (schema) {
            case OTEL -> assertEquals(List.of(1L, 5L, 9L, 13L, 17L), numbers);
            case LOGSTASH -> assertEquals(List.of(5000L, 10000L, 20000L, 30000L, 40000L), numbers);
            default -> assertTrue(numbers.isEmpty());
        }
    }

    private static Exception failure() {
        IOException cause = new IOException("disk full");
        IllegalStateException e = new IllegalStateException("card declined", cause);
        e.addSuppressed(new IllegalArgumentException("also"));
        return e;
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void theEventsExceptionIsWrittenInEachPresetsLayout(Schema schema) {
        CapturedLog out = start(schema);
        log.error("payment failed", failure());
        JsonNode line = out.only();
        List<String> keys = keys(line);
        String stack = switch (schema) {
            case DEFAULT -> null;
            case ECS -> {
                assertEquals(List.of("error.type", "error.message", "error.stack_trace"), keys.subList(keys.size() - 3, keys.size()));
                assertEquals("java.lang.IllegalStateException", line.get("error.type").asText());
                assertEquals("card declined", line.get("error.message").asText());
                yield line.get("error.stack_trace").asText();
            }
            case OTEL -> {
                assertEquals(List.of("exception.type", "exception.message", "exception.stacktrace"),
                        keys.subList(keys.size() - 3, keys.size()));
                assertEquals("java.lang.IllegalStateException", line.get("exception.type").asText());
                assertEquals("card declined", line.get("exception.message").asText());
                yield line.get("exception.stacktrace").asText();
            }
            case LOGSTASH, GCP -> {
                assertEquals("stack_trace", keys.get(keys.size() - 1));
                yield line.get("stack_trace").asText();
            }
        };
        if (schema == Schema.DEFAULT) {
            assertTrue(line.get("exception").isObject());
            assertEquals("java.lang.IllegalStateException", line.get("exception").get("type").asText());
            return;
        }
        assertFalse(line.has("exception"), line::toString);
        assertTrue(stack.startsWith("java.lang.IllegalStateException: card declined\n\tat "), stack);
        assertTrue(stack.contains("fastlog.api.SchemaPresetTest.failure(SchemaPresetTest.java:"), stack);
        assertTrue(stack.contains("\n\tSuppressed: java.lang.IllegalArgumentException: also\n\t\tat "), stack);
        assertTrue(stack.contains("\nCaused by: java.io.IOException: disk full\n\tat "), stack);
    }

    @Test
    void aThrowableUnderAnotherKeyStaysAnObjectAndMovesOffEcsErrorFields() {
        CapturedLog out = start(Schema.ECS);
        log.error("payment failed", "error", new IllegalStateException("x"), "exception", "not a throwable");
        JsonNode line = out.only();
        assertTrue(line.get("_error").isObject(), line::toString);
        assertEquals("java.lang.IllegalStateException", line.get("_error").get("type").asText());
        assertEquals("not a throwable", line.get("exception").asText());
        assertFalse(line.has("error.type"));
    }

    @Test
    void inOtelANonThrowableExceptionFieldMovesOffTheExceptionAttributes() {
        CapturedLog out = start(Schema.OTEL);
        log.info("x", "exception", "text");
        JsonNode line = out.only();
        assertEquals("text", line.get("_exception").asText());
    }

    /** For each preset: user keys that collide with its fields, and what each must become. */
    private static Map<String, String> collisions(Schema schema) {
        return switch (schema) {
            case DEFAULT -> Map.of("msg", "_msg", "level", "_level", "msg.x", "msg.x");
            case ECS -> Map.of("message", "_message", "log.level", "_log.level", "log", "_log",
                    "service.name.x", "_service.name.x", "ecs.version", "_ecs.version", "event", "_event",
                    "labels", "labels", "user.id", "user.id");
            case OTEL -> Map.of("body", "_body", "resource", "_resource", "scope.name", "_scope.name",
                    "severity_number", "_severity_number", "attr", "attr");
            case LOGSTASH -> Map.of("@version", "_@version", "level_value", "_level_value", "message", "_message");
            case GCP -> Map.of("severity", "_severity", "serviceContext", "_serviceContext",
                    "logging.googleapis.com/labels", "_logging.googleapis.com/labels", "logging", "logging");
        };
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void userKeysThatCollideMoveAsideAndNoKeyRepeats(Schema schema) {
        CapturedLog out = start(schema);
        Map<String, String> collisions = collisions(schema);
        Object[] pairs = new Object[collisions.size() * 2];
        int i = 0;
        for (String k : collisions.keySet()) {
            pairs[i++] = k;
            pairs[i++] = "v-" + k;
        }
        Logger bound = log.with(collisions.keySet().iterator().next(), "bound value");
        LogContext.where(collisions.keySet().iterator().next(), "scoped value").run(() -> bound.info("m", pairs));
        JsonNode line = out.only(); // the strict parser rejects a repeated key
        collisions.forEach((logged, written) -> assertEquals("v-" + logged, line.get(written).asText(),
                () -> logged + " -> " + written + " in " + line));
        assertEquals(expectedKeys(schema).subList(0, expectedKeys(schema).size() - 1),
                keys(line).subList(0, expectedKeys(schema).size() - 1));
    }

    @Test
    void serviceIdentityPrecedence() {
        // Configured beats the environment.
        CapturedLog out = start(Schema.ECS, ENV, c -> c.serviceName("billing").serviceVersion("9"));
        log.info("m");
        JsonNode line = out.only();
        assertEquals("billing", line.get("service.name").asText());
        assertEquals("9", line.get("service.version").asText());
        assertEquals("pod-7", line.get("service.node.name").asText());
        assertEquals("billing", line.get("event.dataset").asText());
        // OTEL_SERVICE_NAME beats service.name in OTEL_RESOURCE_ATTRIBUTES, which beats Elastic's.
        out = start(Schema.ECS, Map.of("OTEL_SERVICE_NAME", "a", "OTEL_RESOURCE_ATTRIBUTES", "service.name=b",
                "ELASTIC_APM_SERVICE_NAME", "c"), c -> { });
        log.info("m");
        assertEquals("a", out.only().get("service.name").asText());
        out = start(Schema.ECS, Map.of("OTEL_RESOURCE_ATTRIBUTES", "service.name=b", "ELASTIC_APM_SERVICE_NAME", "c"),
                c -> { });
        log.info("m");
        assertEquals("b", out.only().get("service.name").asText());
        out = start(Schema.ECS, Map.of("ELASTIC_APM_SERVICE_NAME", "c", "ELASTIC_APM_ENVIRONMENT", "staging"), c -> { });
        log.info("m");
        line = out.only();
        assertEquals("c", line.get("service.name").asText());
        assertEquals("staging", line.get("service.environment").asText());
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void withoutServiceIdentityNoServiceFieldsAreWritten(Schema schema) {
        CapturedLog out = start(schema, Map.of(), c -> { });
        log.info("m");
        List<String> keys = keys(out.only());
        List<String> expected = switch (schema) {
            case DEFAULT -> List.of("ts", "level", "logger", "msg");
            case ECS -> List.of("@timestamp", "log.level", "message", "ecs.version", "log.logger");
            case OTEL -> List.of("timestamp", "severity_text", "severity_number", "body", "scope");
            case LOGSTASH -> List.of("@timestamp", "@version", "message", "logger_name", "level", "level_value");
            case GCP -> List.of("timestamp", "severity", "message", "logger");
        };
        assertEquals(expected, keys);
    }

    @Test
    void theDefaultPresetReadsNoServiceIdentity() {
        CapturedLog out = start(Schema.DEFAULT, ENV, c -> c.serviceName("billing"));
        log.info("m");
        assertEquals(List.of("ts", "level", "logger", "msg"), keys(out.only()));
    }

    @Test
    void staticFieldsRenamesAndExclusionsOnTopOfAPreset() {
        CapturedLog out = start(Schema.ECS, ENV, c -> c
                .staticField("team", "payments").staticField("region", "eu-1")
                .renameField("log.logger", "logger.name").renameField("uid", "user.id")
                .excludeField("ecs.version", "event.dataset", "service.node.name", "noise"));
        log.info("m", "uid", 7, "noise", "x", "team", "user's");
        JsonNode line = out.only();
        assertEquals(List.of("@timestamp", "log.level", "message", "logger.name", "service.name", "service.version",
                "service.environment", "team", "region", "user.id", "_team"), keys(line));
        assertEquals("payments", line.get("team").asText());
        assertEquals("user's", line.get("_team").asText());
        assertEquals(7, line.get("user.id").asLong());
        assertEquals("auth", line.get("logger.name").asText());
    }

    @Test
    void excludingAMembersParentLeavesTheObjectOut() {
        CapturedLog out = start(Schema.OTEL, ENV, c -> c.excludeField("resource").renameField("scope.name", "logger"));
        log.info("m");
        JsonNode line = out.only();
        assertEquals(List.of("timestamp", "severity_text", "severity_number", "body", "scope"), keys(line));
        assertEquals("{\"logger\":\"auth\"}", line.get("scope").toString());
    }

    @Test
    void excludingTheMessageKeepsPatternArgumentsOutOfTheFields() {
        CapturedLog out = start(Schema.ECS, Map.of(), c -> c.excludeField("message", "@timestamp"));
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "user {} in", 42, null);
        JsonNode line = out.only();
        assertEquals(List.of("log.level", "ecs.version", "log.logger"), keys(line));
    }

    @Test
    void fieldNamesReplaceThePresetsFourNames() {
        CapturedLog out = start(Schema.LOGSTASH, Map.of(), c -> c.fieldNames("time", "lvl", "name", "text"));
        log.info("m", "time", 1);
        JsonNode line = out.only();
        assertEquals(List.of("time", "@version", "text", "name", "lvl", "level_value", "_time"), keys(line));
        out = start(Schema.OTEL, Map.of(), c -> c.fieldNames("ts", "level", "logger", "msg"));
        log.info("m");
        assertEquals(List.of("ts", "level", "severity_number", "msg", "logger"), keys(out.only()));
    }

    @Test
    void aStaticFieldThatCollidesWithAPresetFieldIsRejected() {
        Configuration c = Fastlog.configure().schema(Schema.ECS).staticField("log", "x").environment(k -> null, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::apply);
        assertTrue(e.getMessage().contains("'log'"), e.getMessage());
        Configuration d = Fastlog.configure().schema(Schema.ECS).renameField("log.logger", "message")
                .environment(k -> null, Map.of());
        assertThrows(IllegalArgumentException.class, d::apply);
    }

    @Test
    void theSchemaComesFromTheCodeElseThePropertyElseTheEnvironment() {
        CapturedLog out = start(null, Map.of("FASTLOG_SCHEMA", "GCP"), c -> { });
        log.info("m");
        assertTrue(out.only().has("severity"));
        out = CapturedLog.start(c -> c.environment(k -> k.equals("fastlog.schema") ? "ecs" : null,
                Map.of("FASTLOG_SCHEMA", "gcp")));
        log.info("m");
        assertTrue(out.only().has("log.level"));
        out = CapturedLog.start(c -> c.environment(k -> "ecs", Map.of()).schema(Schema.LOGSTASH));
        log.info("m");
        assertTrue(out.only().has("level_value"));
        out = start(null, Map.of("FASTLOG_SCHEMA", "no-such-schema"), c -> { });
        log.info("m");
        assertTrue(out.only().has("msg"));
    }

    @Test
    void schemaNamesParse() {
        assertEquals(Schema.ECS, Schema.parse(" ECS "));
        assertEquals(Schema.OTEL, Schema.parse("opentelemetry"));
        assertEquals(Schema.GCP, Schema.parse("google"));
        assertEquals(Schema.DEFAULT, Schema.parse("default"));
        assertEquals(Schema.LOGSTASH, Schema.parse("Logstash"));
        assertNull(Schema.parse("json"));
        assertNull(Schema.parse(null));
    }

    @Test
    void redactionAppliesToThePresetsMessageAndExceptionText() {
        CapturedLog out = start(Schema.ECS, Map.of(), c -> c.redactValues("secret-\\d+"));
        log.error("failed for secret-1", new IllegalStateException("token secret-2"));
        JsonNode line = out.only();
        assertEquals("failed for ****", line.get("message").asText());
        assertEquals("token ****", line.get("error.message").asText());
        assertTrue(line.get("error.stack_trace").asText().startsWith("java.lang.IllegalStateException: token ****\n"));
    }

    @Test
    void aRedactedExceptionKeyIsMaskedNotSpreadIntoTheSchemasFields() {
        CapturedLog out = start(Schema.ECS, Map.of(), c -> c.redactKeys("exception"));
        log.error("payment failed", new IllegalStateException("x"));
        JsonNode line = out.only();
        assertEquals("****", line.get("exception").asText());
        assertFalse(line.has("error.type"));
    }
}
