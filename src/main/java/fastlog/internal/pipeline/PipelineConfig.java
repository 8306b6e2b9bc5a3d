package fastlog.internal.pipeline;

import java.io.OutputStream;

import fastlog.internal.ambient.AmbientSettings;
import fastlog.internal.render.Redaction;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.value.ValueLimits;

/**
 * Everything a pipeline is built from; validated by the public builder.
 *
 * @param queueCapacity events of up to three fields that fit in staging at once
 * @param dropWhenFull drop (and count) an event when its stripe is full, instead of waiting
 * @param output where lines go; {@code null} means the process's stdout file descriptor
 * @param schema the line's layout: the preset resolved with the service identity, static fields,
 *               renames and exclusions
 * @param maxStringLength longest string value, in chars, before it is cut with an ellipsis
 * @param lingerNanos the writer's pause before it takes a partly filled batch
 * @param shutdownTimeoutNanos how long shutdown waits for the writer to finish writing
 * @param valueLimits how deep and how wide structured values are followed
 * @param redaction keys and patterns whose values the writer masks
 * @param sampling the sampling policy, or null for none
 * @param ambient what the logging thread captures besides the fields: trace ids, thread name, caller
 */
public record PipelineConfig(
        int queueCapacity,
        boolean dropWhenFull,
        OutputStream output,
        SchemaLayout schema,
        int maxStringLength,
        long lingerNanos,
        long shutdownTimeoutNanos,
        ValueLimits valueLimits,
        Redaction redaction,
        Sampling sampling,
        AmbientSettings ambient) {

    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;
    public static final int DEFAULT_MAX_STRING_LENGTH = 65_536;
    public static final long DEFAULT_LINGER_NANOS = 1_000_000L;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_NANOS = 10_000_000_000L;

    /**
     * The sampling policy ({@link Sampler}).
     *
     * @param periodNanos length of a period
     * @param first events per level, logger and message written in each period
     * @param thereafter then every this-many-th (0: none)
     */
    public record Sampling(long periodNanos, int first, int thereafter) {
    }

    /** The defaults, with the schema from {@code -Dfastlog.schema} / {@code FASTLOG_SCHEMA} (default if unset). */
    public static PipelineConfig defaults(SchemaLayout schema) {
        return new PipelineConfig(DEFAULT_QUEUE_CAPACITY, false, null, schema, DEFAULT_MAX_STRING_LENGTH,
                DEFAULT_LINGER_NANOS, DEFAULT_SHUTDOWN_TIMEOUT_NANOS, ValueLimits.DEFAULTS, Redaction.DEFAULT, null,
                AmbientSettings.fromEnvironment());
    }
}
