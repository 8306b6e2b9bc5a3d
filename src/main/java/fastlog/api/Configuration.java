package fastlog.api;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import fastlog.internal.file.FileSpec;
import fastlog.internal.ambient.AmbientSettings;
import fastlog.internal.pipeline.PipelineConfig;
import fastlog.internal.render.Redaction;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.schema.SchemaSettings;
import fastlog.internal.schema.SchemaSpec;
import fastlog.internal.schema.ServiceIdentity;
import fastlog.internal.value.ValueLimits;

/**
 * Settings for the logging system, from {@link Fastlog#configure()}; {@link #apply()} installs
 * them. {@code Fastlog.configure()} returns a builder already filled from the settings given
 * outside the code (system properties {@code -Dfastlog.<key>}, environment variables
 * {@code FASTLOG_<KEY>}, {@code fastlog.properties}; see docs/configuration.md), so what the code
 * sets here wins, and what it leaves alone can be set by whoever runs the application. Allowed before the first event is logged, or after {@link Fastlog#shutdown()} (which lets
 * tests and embedders start over); otherwise {@code apply()} throws IllegalStateException.
 *
 * <pre>{@code
 * Fastlog.configure()
 *        .queueCapacity(262_144)
 *        .fullQueuePolicy(FullQueuePolicy.DROP)
 *        .fieldNames("@timestamp", "log.level", "log.logger", "message")
 *        .redactKeys("ssn", "card_number")                 // besides the default set
 *        .redactValues("Bearer\\s+\\S+")
 *        .sampling(Duration.ofSeconds(1), 100, 100)          // per level, logger and message
 *        .format(OutputFormat.AUTO)                          // console on a terminal, else JSON
 *        .apply();
 * }</pre>
 */
public final class Configuration {

    /**
     * The keys whose values are redacted unless {@link #redactDefaultKeys(boolean) turned off}:
     * password, passwd, secret, token, authorization, cookie, set-cookie, api_key, apikey,
     * private_key (compared ignoring case).
     */
    public static final Set<String> DEFAULT_REDACTED_KEYS = Redaction.DEFAULT_KEYS;

    private int queueCapacity = PipelineConfig.DEFAULT_QUEUE_CAPACITY;
    private FullQueuePolicy fullQueuePolicy = FullQueuePolicy.BLOCK;
    private OutputStream output;
    /**
     * From the settings' {@code file} keys ({@code -Dfastlog.file}, {@code FASTLOG_FILE},
     * {@code file=} in fastlog.properties, and their companions), unless an output(...) call replaces it.
     */
    private FileSpec file;
    /** Null: from {@code -Dfastlog.schema} / {@code FASTLOG_SCHEMA}, else DEFAULT. */
    private Schema schema;
    /** Null, or the four names given to {@link #fieldNames}. */
    private List<String> fieldNames;
    private String serviceName;
    private String serviceVersion;
    private String serviceEnvironment;
    private String serviceNodeName;
    private String gcpProjectId;
    private final Map<String, String> staticFields = new LinkedHashMap<>();
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Set<String> excludes = new LinkedHashSet<>();
    /** Where {@link #apply()} reads system properties and environment variables; tests replace them. */
    private UnaryOperator<String> properties = System::getProperty;
    private Map<String, String> environment;
    private int maxStringLength = PipelineConfig.DEFAULT_MAX_STRING_LENGTH;
    private Duration linger = Duration.ofNanos(PipelineConfig.DEFAULT_LINGER_NANOS);
    private Duration shutdownTimeout = Duration.ofNanos(PipelineConfig.DEFAULT_SHUTDOWN_TIMEOUT_NANOS);
    private int maxDepth = ValueLimits.DEFAULT_MAX_DEPTH;
    private int maxElements = ValueLimits.DEFAULT_MAX_ELEMENTS;
    private boolean redactDefaultKeys = true;
    private final Set<String> redactKeys = new LinkedHashSet<>();
    private final List<Pattern> redactPatterns = new ArrayList<>();
    private String redactionMask = Redaction.DEFAULT_MASK;
    private PipelineConfig.Sampling sampling;
    private boolean jmx;
    private OutputFormat format;
    private final AmbientSettings fromEnvironment = AmbientSettings.fromEnvironment();
    private boolean threadName;
    private boolean callerLocation;
    private TraceContextProvider<?> traceProvider;
    private boolean traceProviderGiven;

    Configuration() {
    }

    /** The file output the external settings give (Fastlog.configure()), unless code sets an output. */
    Configuration fileFromSettings(FileSpec fromSettings) {
        if (output == null && file == null) {
            this.file = fromSettings;
        }
        return this;
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
        this.file = null;
        return this;
    }

    /**
     * Appends lines to {@code file}, without rotation: the same as
     * {@code output(FileOutput.to(file))}. The file and its missing parent directories are created
     * at the first write. Without any {@code output} call, {@code -Dfastlog.file} or
     * {@code FASTLOG_FILE} (and their companions, see docs/files.md) choose the file.
     */
    public Configuration output(Path file) {
        return output(FileOutput.to(file));
    }

    /** Writes lines to a file that may rotate by size and daily; see {@link FileOutput}. */
    public Configuration output(FileOutput file) {
        this.file = Objects.requireNonNull(file, "file").spec();
        this.output = null;
        return this;
    }

    /**
     * Names of the four fields every line starts with (default ts, level, logger, msg). With a
     * {@link #schema(Schema) schema}, these replace the schema's names for its timestamp, level,
     * logger and message fields (the level's number, if the schema has one, keeps its name); they
     * are applied before {@link #renameField}.
     */
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
        this.fieldNames = List.of(timestamp, level, logger, message);
        return this;
    }

    /**
     * The line layout: fastlog's own ({@link Schema#DEFAULT}) or a backend's preset. Without this
     * call, {@code -Dfastlog.schema}, else the environment variable {@code FASTLOG_SCHEMA}, chooses
     * (an unknown name prints a warning and means DEFAULT). See {@code docs/schemas.md}.
     */
    public Configuration schema(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /**
     * The service's name, written by the presets other than DEFAULT (ECS {@code service.name},
     * OTEL {@code resource.service.name}, ...). Without it: {@code OTEL_SERVICE_NAME}, else
     * {@code service.name} in {@code OTEL_RESOURCE_ATTRIBUTES}, else {@code ELASTIC_APM_SERVICE_NAME}.
     */
    public Configuration serviceName(String name) {
        this.serviceName = nonBlank(name, "serviceName");
        return this;
    }

    /** The service's version (else {@code service.version} in {@code OTEL_RESOURCE_ATTRIBUTES}, else {@code ELASTIC_APM_SERVICE_VERSION}). */
    public Configuration serviceVersion(String version) {
        this.serviceVersion = nonBlank(version, "serviceVersion");
        return this;
    }

    /**
     * The deployment environment, e.g. {@code production} (else {@code deployment.environment.name}
     * or {@code deployment.environment} in {@code OTEL_RESOURCE_ATTRIBUTES}, else {@code ELASTIC_APM_ENVIRONMENT}).
     */
    public Configuration serviceEnvironment(String environment) {
        this.serviceEnvironment = nonBlank(environment, "serviceEnvironment");
        return this;
    }

    /** This instance's name (else {@code service.instance.id} in {@code OTEL_RESOURCE_ATTRIBUTES}, else {@code ELASTIC_APM_SERVICE_NODE_NAME}). */
    public Configuration serviceNodeName(String nodeName) {
        this.serviceNodeName = nonBlank(nodeName, "serviceNodeName");
        return this;
    }

    /**
     * The Google Cloud project id: the {@link Schema#GCP} preset then writes trace ids as
     * {@code projects/<projectId>/traces/<traceId>}, which the Cloud console links to the trace.
     * Without it: {@code GOOGLE_CLOUD_PROJECT}; with neither, the bare trace id.
     */
    public Configuration gcpProjectId(String projectId) {
        this.gcpProjectId = nonBlank(projectId, "gcpProjectId");
        return this;
    }

    /**
     * Adds a field with a constant value to every line, after the schema's own fields (like Spring
     * Boot's {@code logging.structured.json.add}). Its key is reserved: a user field of the same key
     * moves aside like one that collides with a schema field.
     *
     * @throws IllegalArgumentException at {@link #apply()} if the key is one of the schema's fields
     */
    public Configuration staticField(String key, String value) {
        staticFields.put(nonBlank(key, "static field key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Renames a field: one of the schema's (by its name in the schema, {@code parent.key} for a
     * member of an object, e.g. {@code "resource.service.name"}) or a user key (as logged; the
     * collision rule applies to the new name). Like Spring Boot's {@code logging.structured.json.rename}.
     */
    public Configuration renameField(String from, String to) {
        renames.put(nonBlank(from, "renameField from"), nonBlank(to, "renameField to"));
        return this;
    }

    /**
     * Leaves fields out of every line: the schema's (by name, as for {@link #renameField}; a parent
     * object's name leaves out all its members) or user keys (as logged or as renamed). Like Spring
     * Boot's {@code logging.structured.json.exclude}.
     */
    public Configuration excludeField(String... names) {
        for (String n : names) {
            excludes.add(nonBlank(n, "excludeField"));
        }
        return this;
    }

    private static String nonBlank(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must be non-empty");
        }
        return s;
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
     * How deep maps, collections, arrays, records and {@link Loggable}s nest in a value (default 8,
     * at most 64). A container nested deeper is not read and is written as
     * {@code "<too deep: java.util.HashMap>"}; raw JSON nested deeper is invalid.
     */
    public Configuration maxDepth(int depth) {
        if (depth < 1 || depth > ValueLimits.MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be in [1, " + ValueLimits.MAX_DEPTH_LIMIT + "]: " + depth);
        }
        this.maxDepth = depth;
        return this;
    }

    /**
     * How many elements of one container are logged (default 100). The rest are counted: an array
     * ends with {@code "... N more"}, an object with {@code "_omitted":N}. One field's value holds
     * at most ten times this many elements in all, spent depth first.
     */
    public Configuration maxElements(int elements) {
        if (elements < 1 || elements > 1_000_000) {
            throw new IllegalArgumentException("maxElements must be in [1, 1000000]: " + elements);
        }
        this.maxElements = elements;
        return this;
    }

    /**
     * Values under these keys are written as the mask, wherever the key appears: call, bound,
     * scoped and per-thread fields, and keys inside maps, records, {@link Loggable}s and raw JSON.
     * Keys compare ignoring case. Added to the {@link #DEFAULT_REDACTED_KEYS default set} (which
     * {@link #redactDefaultKeys(boolean)} turns off).
     */
    public Configuration redactKeys(String... keys) {
        for (String k : keys) {
            if (k == null || k.isEmpty()) {
                throw new IllegalArgumentException("redacted keys must be non-empty");
            }
            redactKeys.add(k);
        }
        return this;
    }

    /** Whether the {@link #DEFAULT_REDACTED_KEYS default keys} are redacted (default true). */
    public Configuration redactDefaultKeys(boolean on) {
        this.redactDefaultKeys = on;
        return this;
    }

    /**
     * Regular expressions ({@link Pattern} syntax) searched in every string value, the message and
     * exception messages included, on the writer thread; each match is replaced by the mask. None
     * by default. For example {@code "Bearer\\s+\\S+"}, or {@code "(?i)password=\\S+"}. Each one costs
     * the writer a search per string value.
     *
     * @throws IllegalArgumentException if one does not compile
     */
    public Configuration redactValues(String... regexes) {
        for (String r : regexes) {
            try {
                redactPatterns.add(Pattern.compile(Objects.requireNonNull(r, "regex")));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("redactValues: " + e.getMessage(), e);
            }
        }
        return this;
    }

    /** What replaces a redacted value or match (default {@code "****"}). */
    public Configuration redactionMask(String mask) {
        this.redactionMask = Objects.requireNonNull(mask, "mask");
        return this;
    }

    /**
     * Samples repetitive events (off by default): of the events with the same level, logger name
     * and message, the first {@code first} in each {@code period} are logged, then every
     * {@code thereafter}-th (none if 0). The decision is made on the logging thread right after
     * the level check, before any value is captured; suppressed events are counted in
     * {@link Stats#eventsSampledOut()} and reported by a line from logger {@code fastlog} at most
     * once per period. Keys share 4,096 counters, so two keys may now and then be sampled together.
     */
    public Configuration sampling(Duration period, int first, int thereafter) {
        if (period.compareTo(Duration.ofMillis(1)) < 0 || first < 1 || thereafter < 0) {
            throw new IllegalArgumentException("sampling: period >= 1 ms, first >= 1, thereafter >= 0");
        }
        this.sampling = new PipelineConfig.Sampling(period.toNanos(), first, thereafter);
        return this;
    }

    /** The layout these settings give, with the system properties and environment (tests: theirs). */
    SchemaLayout schemaLayout() {
        return schemaLayout(properties, environment != null ? environment : System.getenv());
    }

    /** Test hook: read these instead of the system properties and the environment at {@link #apply()}. */
    Configuration environment(UnaryOperator<String> properties, Map<String, String> env) {
        this.properties = Objects.requireNonNull(properties);
        this.environment = Map.copyOf(env);
        return this;
    }

    /**
     * The layout these settings give; {@code properties} and {@code env} stand for the system
     * properties and the environment (tests pass their own).
     *
     * @throws IllegalArgumentException if a static field collides with a schema field, or renames
     *                                  give two schema fields one name
     */
    SchemaLayout schemaLayout(UnaryOperator<String> properties, Map<String, String> env) {
        Schema s = schema;
        if (s == null) {
            String name = SchemaSettings.schemaName(properties, env,
                    n -> Schema.parse(n) == null ? null : Schema.parse(n).name(), System.err::println);
            s = name == null ? Schema.DEFAULT : Schema.valueOf(name);
        }
        ServiceIdentity identity = new ServiceIdentity(serviceName, serviceVersion, serviceEnvironment, serviceNodeName)
                .orElse(ServiceIdentity.fromEnvironment(env));
        String project = gcpProjectId != null ? gcpProjectId : SchemaSettings.gcpProjectId(env);
        return new SchemaLayout(new SchemaSpec(s.name(), identity, project, fieldNames, staticFields, renames,
                excludes, SchemaLayout.noExtras()));
    }

    /**
     * Registers the JMX MBean {@code fastlog:type=Logging} ({@link FastlogMXBean}: the counters of
     * {@link Stats}, and levels to read and change) in the platform MBean server while fastlog runs
     * (default false; also {@code -Dfastlog.jmx=true} or {@code FASTLOG_JMX=true}). Needs module
     * {@code java.management} (on the module path: {@code --add-modules java.management}, or a
     * module that requires it); without it a warning is printed and logging goes on.
     */
    public Configuration jmx(boolean on) {
        this.jmx = on;
        return this;
    }

    /**
     * The output format: {@link OutputFormat#JSON} (NDJSON), {@link OutputFormat#CONSOLE} (readable
     * lines, coloured on a terminal) or {@link OutputFormat#AUTO} (console on a terminal, else JSON).
     * Set here, it wins over {@code -Dfastlog.format} and {@code FASTLOG_FORMAT}; left unset, those
     * decide, and without them the format is JSON. Chosen once, when the logging system starts;
     * the logging call costs the same in every format.
     */
    public Configuration format(OutputFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        return this;
    }

    /**
     * Whether every event carries the name of the thread that logged it, as {@code "thread"} (off
     * by default; also {@code -Dfastlog.threadName=true} or {@code FASTLOG_THREAD_NAME=true}). Read
     * on the logging thread, which costs next to nothing; a thread without a name (virtual threads
     * by default) is written as {@code "#<thread id>"}.
     */
    public Configuration threadName(boolean on) {
        this.threadName = on;
        return this;
    }

    /**
     * Whether every event carries where it was logged from, as
     * {@code "caller":{"class":..,"method":..,"file":..,"line":..}} (off by default; also
     * {@code -Dfastlog.callerLocation=true} or {@code FASTLOG_CALLER_LOCATION=true}). The caller is
     * the first stack frame outside fastlog and the logging APIs it bridges (SLF4J,
     * java.util.logging, System.Logger). This walks the logging thread's stack on every call, which
     * costs microseconds, not nanoseconds: see docs/trace-correlation.md for the measured cost.
     */
    public Configuration callerLocation(boolean on) {
        this.callerLocation = on;
        return this;
    }

    /**
     * Where trace ids come from, instead of the {@link TraceContextProvider} found with
     * {@link java.util.ServiceLoader} (such as {@code fastlog-otel}'s); {@code null} turns trace
     * fields off. Without this call, the discovered provider is used, unless
     * {@code -Dfastlog.traceProvider=none} (or {@code FASTLOG_TRACE_PROVIDER=none}) turns discovery off.
     */
    public Configuration traceContextProvider(TraceContextProvider<?> provider) {
        this.traceProvider = provider;
        this.traceProviderGiven = true;
        return this;
    }

    /**
     * Installs these settings and starts the logging system.
     *
     * @throws IllegalStateException if fastlog is running (an event was already logged and
     *                               {@link Fastlog#shutdown()} was not called)
     */
    public void apply() {
        Fastlog.install(build(), jmx);
    }

    /** Whether {@link #jmx(boolean)} is on. */
    boolean jmx() {
        return jmx;
    }

    /** The pipeline these settings describe. */
    PipelineConfig build() {
        Set<String> keys = new LinkedHashSet<>();
        if (redactDefaultKeys) {
            keys.addAll(Redaction.DEFAULT_KEYS);
        }
        keys.addAll(redactKeys);
        return new PipelineConfig(queueCapacity, fullQueuePolicy == FullQueuePolicy.DROP, output, file,
                schemaLayout(), maxStringLength,
                linger.toNanos(), shutdownTimeout.toNanos(), new ValueLimits(maxDepth, maxElements),
                new Redaction(keys, redactPatterns, redactionMask), sampling, format,
                new AmbientSettings(traceProvider, !traceProviderGiven && fromEnvironment.discoverTraceProvider(),
                        threadName, callerLocation));
    }
}
