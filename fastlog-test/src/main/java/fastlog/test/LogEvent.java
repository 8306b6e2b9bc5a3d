package fastlog.test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fastlog.api.Level;
import fastlog.test.internal.json.Json;

/**
 * One captured event: one line of fastlog's output, parsed.
 *
 * <p>{@link #fields()} holds every key after {@code ts}, {@code level}, {@code logger} and
 * {@code msg}, in line order: per-thread (MDC) fields, scoped fields, bound fields and the call's
 * fields, the {@code exception} field included. Nested values are maps and lists; numbers are
 * {@code Long}, {@code BigInteger}, {@code Double} or {@code BigDecimal} (see
 * {@link CapturedLogs}). The capture's own hidden field is not among them. Immutable.
 */
public final class LogEvent {

    private final Instant timestamp;
    private final String timestampText;
    private final Level level;
    private final String logger;
    private final String message;
    private final Map<String, Object> fields;
    private final String line;

    private LogEvent(Instant timestamp, String timestampText, Level level, String logger, String message,
            Map<String, Object> fields, String line) {
        this.timestamp = timestamp;
        this.timestampText = timestampText;
        this.level = level;
        this.logger = logger;
        this.message = message;
        this.fields = fields;
        this.line = line;
    }

    /** One line, parsed; the hidden keys are taken out of the fields and returned beside the event. */
    record Parsed(LogEvent event, Object testId, Object probe) {
    }

    /**
     * Parses one of fastlog's lines (without its newline), strictly: one JSON object whose first
     * keys are ts, level, logger and msg, in that order.
     *
     * @throws IllegalArgumentException with the reason when the line is not such an object
     */
    static Parsed parse(String line) {
        Map<String, Object> json = Json.parseObject(line);
        String[] head = {"ts", "level", "logger", "msg"};
        int i = 0;
        LinkedHashMap<String, Object> rest = new LinkedHashMap<>();
        Object testId = null;
        Object probe = null;
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (i < head.length) {
                if (!e.getKey().equals(head[i])) {
                    throw new IllegalArgumentException("key " + (i + 1) + " is \"" + e.getKey() + "\", expected \"" + head[i] + "\"");
                }
                i++;
            } else if (e.getKey().equals(CaptureHub.TEST_ID_KEY)) {
                testId = e.getValue();
            } else if (e.getKey().equals(CaptureHub.PROBE_KEY)) {
                probe = e.getValue();
            } else {
                rest.put(e.getKey(), e.getValue());
            }
        }
        if (i < head.length) {
            throw new IllegalArgumentException("no \"" + head[i] + "\" key");
        }
        Instant ts;
        String tsText = text(json, "ts", false);
        try {
            ts = Instant.parse(tsText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"ts\" is not an RFC 3339 UTC time: " + json.get("ts"));
        }
        String levelName = text(json, "level", false);
        Level level = Level.parse(levelName);
        if (level == null || !level.name().equals(levelName)) {
            throw new IllegalArgumentException("\"level\" is not one of TRACE, DEBUG, INFO, WARN, ERROR: " + levelName);
        }
        LogEvent event = new LogEvent(ts, tsText, level, text(json, "logger", false), text(json, "msg", true),
                Collections.unmodifiableMap(rest), line);
        return new Parsed(event, testId, probe);
    }

    private static String text(Map<String, Object> json, String key, boolean nullable) {
        Object v = json.get(key);
        if (v instanceof String s) {
            return s;
        }
        if (v == null && nullable) {
            return null;
        }
        throw new IllegalArgumentException("\"" + key + "\" is not a string: " + Json.write(v));
    }

    /** The time of the logging call ({@code ts}). */
    public Instant timestamp() {
        return timestamp;
    }

    public Level level() {
        return level;
    }

    /** The logger's name. */
    public String logger() {
        return logger;
    }

    /** The message ({@code msg}); null for {@code log.info(null)}. */
    public String message() {
        return message;
    }

    /** Every field after {@code msg}, in line order (unmodifiable). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** The value of a top-level field, or null if the field is absent or null (see {@link #hasField}). */
    public Object field(String key) {
        return fields.get(key);
    }

    /**
     * A nested value: {@code field("user", "address", "city")} is the {@code city} of the object
     * in {@code address} of the object in field {@code user}. A list is indexed by a number
     * ({@code field("items", "0", "sku")}). Null when a step is missing.
     */
    public Object field(String key, String... path) {
        Object v = fields.get(key);
        for (String step : path) {
            if (v instanceof Map<?, ?> m) {
                v = m.get(step);
            } else if (v instanceof List<?> l) {
                int index;
                try {
                    index = Integer.parseInt(step);
                } catch (NumberFormatException e) {
                    return null;
                }
                v = index >= 0 && index < l.size() ? l.get(index) : null;
            } else {
                return null;
            }
        }
        return v;
    }

    /** Whether the event has this top-level field (its value may be null). */
    public boolean hasField(String key) {
        return fields.containsKey(key);
    }

    /**
     * The {@code exception} field as an exception ({@code log.error("failed", e)}), or null. An
     * exception logged under another key: {@link #exception(String)}.
     */
    public LoggedException exception() {
        return exception("exception");
    }

    /** The exception in field {@code key}, or null if that field holds no exception. */
    public LoggedException exception(String key) {
        return LoggedException.of(fields.get(Objects.requireNonNull(key, "key")));
    }

    /** The line exactly as fastlog wrote it (it includes the capture's hidden field). */
    public String line() {
        return line;
    }

    /** The event as one compact JSON object, without the capture's hidden field. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(line.length());
        sb.append("{\"ts\":");
        Json.writeString(sb, timestampText);
        sb.append(",\"level\":\"").append(level.name()).append("\",\"logger\":");
        Json.writeString(sb, logger);
        sb.append(",\"msg\":");
        Json.write(sb, message);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            sb.append(',');
            Json.writeString(sb, e.getKey());
            sb.append(':');
            Json.write(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** {@code LEVEL logger "message" {fields}}: short, for failure messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(level.name()).append(' ').append(logger).append(' ');
        Json.write(sb, message);
        if (!fields.isEmpty()) {
            sb.append(' ');
            Json.write(sb, fields);
        }
        return sb.toString();
    }
}
