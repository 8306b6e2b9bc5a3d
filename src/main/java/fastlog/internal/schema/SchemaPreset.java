package fastlog.internal.schema;

import java.util.List;

/**
 * One schema's field layout, as plain data: the fields fastlog writes itself at the start of every
 * line ({@link #header}, in order), the level's spellings and numbers, how the event's exception is
 * written, and the names of the optional per-event fields (trace ids, thread name, caller). Made
 * only by {@link SchemaPresets}; resolved into bytes by {@link SchemaLayout}.
 *
 * @param name the preset's name ({@code default}, {@code ecs}, ...)
 * @param header the fields every line starts with, in order
 * @param levelNames the level's text by level ordinal (TRACE..ERROR)
 * @param levelNumbers the level's number by ordinal, for {@link Kind#LEVEL_NUMBER}; null if the schema has none
 * @param exception how the {@code exception} field's Throwable is written
 * @param trace names of the trace-correlation fields
 * @param threadName key of the thread name, or null if the schema has none
 * @param caller names of the caller-location fields
 * @param dottedPaths whether keys are paths at their dots (Elasticsearch, OpenTelemetry attribute
 *                    names): then a user key also collides with a reserved name that is its prefix
 *                    path or that it is a prefix path of ({@code error} and {@code error.type})
 */
public record SchemaPreset(String name, List<Field> header, List<String> levelNames, int[] levelNumbers,
                           ExceptionNames exception, TraceNames trace, String threadName, CallerNames caller,
                           boolean dottedPaths) {

    /** What a header field holds. */
    public enum Kind {
        /** the event's time, RFC 3339 UTC with microseconds; written by the renderer */
        TIMESTAMP,
        /** the level's text ({@code levelNames}) */
        LEVEL,
        /** the level's number ({@code levelNumbers}) */
        LEVEL_NUMBER,
        /** the message; written by the renderer */
        MESSAGE,
        /** the logger's name */
        LOGGER,
        /** a constant string ({@link Field#constant}) */
        CONSTANT,
        SERVICE_NAME,
        SERVICE_VERSION,
        SERVICE_ENVIRONMENT,
        SERVICE_NODE_NAME,
        /** ECS {@code event.dataset}: the service name, when there is one */
        DATASET
    }

    /**
     * One header field.
     *
     * @param kind what it holds
     * @param parent the key of the object it is a member of (consecutive fields with one parent
     *               share one object), or null for a top-level field
     * @param key its key (inside {@code parent}, if any)
     * @param constant the value of a {@link Kind#CONSTANT}, else null
     */
    public record Field(Kind kind, String parent, String key, String constant) {

        static Field of(Kind kind, String key) {
            return new Field(kind, null, key, null);
        }

        static Field in(String parent, Kind kind, String key) {
            return new Field(kind, parent, key, null);
        }

        static Field constant(String key, String value) {
            return new Field(Kind.CONSTANT, null, key, value);
        }

        /** The name rename and exclude refer to: {@code key}, or {@code parent.key} for a member. */
        public String path() {
            return parent == null ? key : parent + "." + key;
        }
    }

    /**
     * How the Throwable under the key {@code exception} is written.
     *
     * @param nested true: as fastlog's JSON object under that key (type, message, stack, cause,
     *               suppressed); false: as the flat fields below
     * @param type key of the class name, or null to leave it out
     * @param message key of the message, or null
     * @param stackTrace key of the stack trace as Java prints it (one string), or null
     */
    public record ExceptionNames(boolean nested, String type, String message, String stackTrace) {
        static final ExceptionNames NESTED = new ExceptionNames(true, null, null, null);
    }

    /**
     * Names of the trace-correlation fields (null: the schema has no such field).
     *
     * @param traceId key of the trace id (32 lowercase hex digits)
     * @param spanId key of the span id (16 lowercase hex digits)
     * @param flags key of the trace flags
     * @param flagsAsSampled the flags are written as a boolean, the sampled bit; else as 2 hex digits
     * @param traceIdInProject the trace id is written as {@code projects/<projectId>/traces/<traceId>}
     *                         (Google Cloud) when a project id is configured
     */
    public record TraceNames(String traceId, String spanId, String flags, boolean flagsAsSampled,
                             boolean traceIdInProject) {
    }

    /**
     * Names of the caller-location fields (null: not written).
     *
     * @param object key of an object that holds the fields below, or null for top-level fields
     * @param className key of the caller's class name
     * @param method key of the method name alone
     * @param function key of {@code class.method}
     * @param file key of the source file name
     * @param line key of the line number (an integer)
     */
    public record CallerNames(String object, String className, String method, String function, String file,
                              String line) {
    }
}
