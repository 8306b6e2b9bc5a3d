package fastlog.api;

import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import fastlog.internal.pipeline.PipelineConfig;
import fastlog.internal.record.ReservedKeys;

/**
 * Settings for the logging system, from {@link Fastlog#configure()}; {@link #apply()} installs
 * them. Allowed before the first event is logged, or after {@link Fastlog#shutdown()} (which lets
 * tests and embedders start over); otherwise {@code apply()} throws IllegalStateException.
 *
 * <pre>{@code
 * Fastlog.configure()
 *        .queueCapacity(262_144)
 *        .fullQueuePolicy(FullQueuePolicy.DROP)
 *        .fieldNames("@timestamp", "log.level", "log.logger", "message")
 *        .apply();
 * }</pre>
 */
public final class Configuration {

    private int queueCapacity = PipelineConfig.DEFAULT_QUEUE_CAPACITY;
    private FullQueuePolicy fullQueuePolicy = FullQueuePolicy.BLOCK;
    private OutputStream output;
    private String timestampField = "ts";
    private String levelField = "level";
    private String loggerField = "logger";
    private String messageField = "msg";
    private int maxStringLength = PipelineConfig.DEFAULT_MAX_STRING_LENGTH;
    private Duration linger = Duration.ofNanos(PipelineConfig.DEFAULT_LINGER_NANOS);
    private Duration shutdownTimeout = Duration.ofNanos(PipelineConfig.DEFAULT_SHUTDOWN_TIMEOUT_NANOS);

    Configuration() {
    }

    /**
     * How many events of up to three fields can be staged before the full-queue policy applies
     * (default 65,536; 108 bytes each). Bigger events take proportionally more room.
     */
    public Configuration queueCapacity(int events) {
        if (events < 1 || events > (1 << 26)) {
            throw new IllegalArgumentException("queueCapacity must be in [1, 67108864]: " + events);
        }
        this.queueCapacity = events;
        return this;
    }

    /** What a logging call does when the queue is full (default {@link FullQueuePolicy#BLOCK}). */
    public Configuration fullQueuePolicy(FullQueuePolicy policy) {
        this.fullQueuePolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Where lines go (default: the process's standard output file descriptor, unbuffered). Only
     * fastlog's writer thread writes to it; fastlog does not close it.
     */
    public Configuration output(OutputStream out) {
        this.output = Objects.requireNonNull(out, "out");
        return this;
    }

    /** Names of the four fields every line starts with (default ts, level, logger, msg). */
    public Configuration fieldNames(String timestamp, String level, String logger, String message) {
        Set<String> names = new HashSet<>();
        for (String n : new String[] {timestamp, level, logger, message}) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException("field names must be non-empty");
            }
            if (!names.add(n)) {
                throw new IllegalArgumentException("field names must differ: " + n);
            }
        }
        this.timestampField = timestamp;
        this.levelField = level;
        this.loggerField = logger;
        this.messageField = message;
        return this;
    }

    /** Longest string value, in chars, before it is cut and ends with "…" (default 65,536). */
    public Configuration maxStringLength(int chars) {
        if (chars < 16) {
            throw new IllegalArgumentException("maxStringLength must be at least 16: " + chars);
        }
        this.maxStringLength = chars;
        return this;
    }

    /**
     * How long the writer waits for a partly filled staging batch to fill before writing it
     * anyway (default 1 ms). This bounds how long an event can sit unwritten when the writer is
     * keeping up.
     */
    public Configuration linger(Duration linger) {
        if (linger.isNegative() || linger.isZero() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("linger must be in (0, 1s]: " + linger);
        }
        this.linger = linger;
        return this;
    }

    /**
     * How long shutdown (and the JVM exit hook) waits for the output to accept what is left
     * (default 10 s). Only a stalled reader makes it wait that long.
     */
    public Configuration shutdownTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout must be positive: " + timeout);
        }
        this.shutdownTimeout = timeout;
        return this;
    }

    /**
     * Installs these settings and starts the logging system.
     *
     * @throws IllegalStateException if fastlog is running (an event was already logged and
     *                               {@link Fastlog#shutdown()} was not called)
     */
    public void apply() {
        Fastlog.install(new PipelineConfig(queueCapacity, fullQueuePolicy == FullQueuePolicy.DROP, output,
                new ReservedKeys(timestampField, levelField, loggerField, messageField), maxStringLength,
                linger.toNanos(), shutdownTimeout.toNanos()));
    }
}
