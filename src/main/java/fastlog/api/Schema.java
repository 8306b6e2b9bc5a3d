package fastlog.api;

import java.util.Locale;

/**
 * The field layout of each line: fastlog's own, or a preset for the backend the lines are shipped
 * to. A preset fixes the names and order of the fields fastlog writes itself (timestamp, level,
 * message, logger, service identity, exception, trace ids), the level's spelling (and number, where
 * the schema has one) and the schema's constant fields. It changes only what the writer thread
 * writes: a logging call costs the same whatever the schema.
 *
 * <p>Chosen with {@link Configuration#schema(Schema)}, else {@code -Dfastlog.schema}, else the
 * environment variable {@code FASTLOG_SCHEMA} (names as {@link #parse(String)} reads them), else
 * {@link #DEFAULT}. The field tables are in {@code docs/schemas.md}.
 */
public enum Schema {
    /** fastlog's own layout: {@code ts}, {@code level}, {@code logger}, {@code msg}, then the fields. */
    DEFAULT,
    /** Elastic Common Schema (ecs-logging 1.x): {@code @timestamp}, {@code log.level}, {@code message}, {@code ecs.version}... */
    ECS,
    /**
     * Field names of the OpenTelemetry logs data model in a flat JSON line: {@code timestamp},
     * {@code severity_text}, {@code severity_number}, {@code body}, {@code trace_id}... This is not
     * OTLP/JSON.
     */
    OTEL,
    /** logstash-logback-encoder's default names: {@code @timestamp}, {@code @version}, {@code logger_name}, {@code level_value}... */
    LOGSTASH,
    /** Google Cloud Logging's structured JSON on stdout: {@code severity}, {@code logging.googleapis.com/trace}... */
    GCP;

    /**
     * Parses a schema name, ignoring case and surrounding blanks: {@code default}, {@code ecs},
     * {@code otel} (or {@code opentelemetry}), {@code logstash}, {@code gcp} (or {@code google}).
     *
     * @return the schema, or {@code null} if {@code name} is null or not a schema's name
     */
    public static Schema parse(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "default", "fastlog" -> DEFAULT;
            case "ecs", "elastic" -> ECS;
            case "otel", "opentelemetry" -> OTEL;
            case "logstash" -> LOGSTASH;
            case "gcp", "google", "stackdriver" -> GCP;
            default -> null;
        };
    }
}
