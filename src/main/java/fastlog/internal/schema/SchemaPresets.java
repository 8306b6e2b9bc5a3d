package fastlog.internal.schema;

import static fastlog.internal.schema.SchemaPreset.Field.constant;
import static fastlog.internal.schema.SchemaPreset.Field.in;
import static fastlog.internal.schema.SchemaPreset.Field.of;
import static fastlog.internal.schema.SchemaPreset.Kind.DATASET;
import static fastlog.internal.schema.SchemaPreset.Kind.LEVEL;
import static fastlog.internal.schema.SchemaPreset.Kind.LEVEL_NUMBER;
import static fastlog.internal.schema.SchemaPreset.Kind.LOGGER;
import static fastlog.internal.schema.SchemaPreset.Kind.MESSAGE;
import static fastlog.internal.schema.SchemaPreset.Kind.SERVICE_ENVIRONMENT;
import static fastlog.internal.schema.SchemaPreset.Kind.SERVICE_NAME;
import static fastlog.internal.schema.SchemaPreset.Kind.SERVICE_NODE_NAME;
import static fastlog.internal.schema.SchemaPreset.Kind.SERVICE_VERSION;
import static fastlog.internal.schema.SchemaPreset.Kind.TIMESTAMP;

import java.util.List;
import java.util.Locale;

import fastlog.internal.schema.SchemaPreset.CallerNames;
import fastlog.internal.schema.SchemaPreset.ExceptionNames;
import fastlog.internal.schema.SchemaPreset.TraceNames;

/**
 * The presets: one method per schema, each the whole of that schema's layout as data. The field
 * facts come from each schema's public specification (ECS / ecs-logging 1.x, the OpenTelemetry logs
 * data model and semantic conventions, Google Cloud Logging's special JSON fields,
 * logstash-logback-encoder's default names); where a specification leaves room, the choice is
 * ours and {@code docs/schemas.md} says what we chose.
 */
public final class SchemaPresets {

    /** The ecs-logging {@code ecs.version} written on every ECS line. */
    public static final String ECS_VERSION = "1.2.0";

    private static final List<String> UPPER = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private SchemaPresets() {
    }

    /**
     * The preset named {@code name} ({@code default}, {@code ecs}, {@code otel}, {@code logstash},
     * {@code gcp}; any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static SchemaPreset named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> fastlogDefault();
            case "ecs" -> ecs();
            case "otel" -> otel();
            case "logstash" -> logstash();
            case "gcp" -> gcp();
            default -> throw new IllegalArgumentException("unknown schema " + name);
        };
    }

    /** fastlog's own layout, byte for byte what it wrote before presets existed. */
    public static SchemaPreset fastlogDefault() {
        return new SchemaPreset("default",
                List.of(of(TIMESTAMP, "ts"), of(LEVEL, "level"), of(LOGGER, "logger"), of(MESSAGE, "msg")),
                UPPER, null, ExceptionNames.NESTED,
                new TraceNames("trace_id", "span_id", "trace_flags", false, false),
                "thread",
                new CallerNames("caller", "class", "method", null, "file", "line"),
                false);
    }

    /** Elastic Common Schema, ecs-logging 1.x: reserved fields as dotted top-level keys. */
    public static SchemaPreset ecs() {
        return new SchemaPreset("ecs",
                List.of(of(TIMESTAMP, "@timestamp"), of(LEVEL, "log.level"), of(MESSAGE, "message"),
                        constant("ecs.version", ECS_VERSION), of(LOGGER, "log.logger"),
                        of(SERVICE_NAME, "service.name"), of(SERVICE_VERSION, "service.version"),
                        of(SERVICE_ENVIRONMENT, "service.environment"), of(SERVICE_NODE_NAME, "service.node.name"),
                        of(DATASET, "event.dataset")),
                UPPER, null,
                new ExceptionNames(false, "error.type", "error.message", "error.stack_trace"),
                new TraceNames("trace.id", "span.id", null, false, false),
                "process.thread.name",
                new CallerNames(null, null, "log.origin.function", null, "log.origin.file.name", "log.origin.file.line"),
                true);
    }

    /**
     * The OpenTelemetry logs data model's fields in a flat JSON line (not OTLP): snake_case record
     * fields, the resource and the instrumentation scope as objects, attributes (the event's own
     * fields) at the top level with their semantic-convention names.
     */
    public static SchemaPreset otel() {
        return new SchemaPreset("otel",
                List.of(of(TIMESTAMP, "timestamp"), of(LEVEL, "severity_text"), of(LEVEL_NUMBER, "severity_number"),
                        of(MESSAGE, "body"), in("scope", LOGGER, "name"),
                        in("resource", SERVICE_NAME, "service.name"), in("resource", SERVICE_VERSION, "service.version"),
                        in("resource", SERVICE_ENVIRONMENT, "deployment.environment.name"),
                        in("resource", SERVICE_NODE_NAME, "service.instance.id")),
                UPPER, new int[] {1, 5, 9, 13, 17},
                new ExceptionNames(false, "exception.type", "exception.message", "exception.stacktrace"),
                new TraceNames("trace_id", "span_id", "trace_flags", false, false),
                "thread.name",
                new CallerNames(null, null, null, "code.function.name", "code.file.path", "code.line.number"),
                true);
    }

    /** logstash-logback-encoder's default field names, in its order. */
    public static SchemaPreset logstash() {
        return new SchemaPreset("logstash",
                List.of(of(TIMESTAMP, "@timestamp"), constant("@version", "1"), of(MESSAGE, "message"),
                        of(LOGGER, "logger_name"), of(LEVEL, "level"), of(LEVEL_NUMBER, "level_value"),
                        of(SERVICE_NAME, "service_name"), of(SERVICE_VERSION, "service_version"),
                        of(SERVICE_ENVIRONMENT, "service_environment"), of(SERVICE_NODE_NAME, "service_node_name")),
                UPPER, new int[] {5000, 10000, 20000, 30000, 40000},
                new ExceptionNames(false, null, null, "stack_trace"),
                new TraceNames("trace_id", "span_id", "trace_flags", false, false),
                "thread_name",
                new CallerNames(null, "caller_class_name", "caller_method_name", null, "caller_file_name",
                        "caller_line_number"),
                true);
    }

    /**
     * Google Cloud Logging's structured logging on stdout: the agent turns {@code severity},
     * {@code message}, {@code timestamp} and the {@code logging.googleapis.com/*} fields into the
     * log entry's own fields; everything else becomes {@code jsonPayload}. {@code serviceContext} is
     * what Error Reporting reads.
     */
    public static SchemaPreset gcp() {
        return new SchemaPreset("gcp",
                List.of(of(TIMESTAMP, "timestamp"), of(LEVEL, "severity"), of(MESSAGE, "message"), of(LOGGER, "logger"),
                        in("serviceContext", SERVICE_NAME, "service"), in("serviceContext", SERVICE_VERSION, "version"),
                        in("logging.googleapis.com/labels", SERVICE_ENVIRONMENT, "service_environment"),
                        in("logging.googleapis.com/labels", SERVICE_NODE_NAME, "service_node_name")),
                List.of("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR"), null,
                new ExceptionNames(false, null, null, "stack_trace"),
                new TraceNames("logging.googleapis.com/trace", "logging.googleapis.com/spanId",
                        "logging.googleapis.com/trace_sampled", true, true),
                "thread",
                new CallerNames("logging.googleapis.com/sourceLocation", null, null, "function", "file", "line"),
                false);
    }
}
