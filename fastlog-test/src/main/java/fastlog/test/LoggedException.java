package fastlog.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Throwable as fastlog wrote it: {@code {"type":..., "message":..., "stack":[...],
 * "cause":{...}, "suppressed":[...]}}. Only what the line holds is known: the type is the class
 * name (no class is loaded), the stack is the frames' text, and fastlog's bounds show as
 * {@link #truncated()} (too deep or too many) and {@link #circular()} (seen before in the chain).
 */
public final class LoggedException {

    private final String type;
    private final String message;
    private final List<String> stack;
    private final LoggedException cause;
    private final List<LoggedException> suppressed;
    private final boolean truncated;
    private final boolean circular;
    private final Map<String, Object> json;

    private LoggedException(Map<String, Object> json, String type) {
        this.json = json;
        this.type = type;
        this.message = json.get("message") instanceof String m ? m : null;
        List<String> frames = new ArrayList<>();
        if (json.get("stack") instanceof List<?> list) {
            for (Object o : list) {
                frames.add(String.valueOf(o));
            }
        }
        this.stack = Collections.unmodifiableList(frames);
        this.cause = of(json.get("cause"));
        List<LoggedException> sup = new ArrayList<>();
        if (json.get("suppressed") instanceof List<?> list) {
            for (Object o : list) {
                LoggedException e = of(o);
                if (e != null) {
                    sup.add(e);
                }
            }
        }
        this.suppressed = Collections.unmodifiableList(sup);
        this.truncated = Boolean.TRUE.equals(json.get("truncated"));
        this.circular = Boolean.TRUE.equals(json.get("circular"));
    }

    /** The exception in a field value, or null if the value is not an object with a string {@code type}. */
    static LoggedException of(Object value) {
        if (value instanceof Map<?, ?> map && map.get("type") instanceof String type) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) map;
            return new LoggedException(json, type);
        }
        return null;
    }

    /** The class name, e.g. {@code java.lang.IllegalStateException}. */
    public String type() {
        return type;
    }

    /** {@code getMessage()} as written, or null when there was none. */
    public String message() {
        return message;
    }

    /** The stack frames as written ({@code "a.B.c(B.java:42)"}, at most 64, then {@code "... N more"}). */
    public List<String> stack() {
        return stack;
    }

    /** The cause, or null. */
    public LoggedException cause() {
        return cause;
    }

    /** The suppressed exceptions (fastlog writes at most 8 per exception). */
    public List<LoggedException> suppressed() {
        return suppressed;
    }

    /** Whether fastlog cut this exception short (too deep a chain or too many throwables). */
    public boolean truncated() {
        return truncated;
    }

    /** Whether this exception had been written already in the same chain (a cycle). */
    public boolean circular() {
        return circular;
    }

    /** The JSON object as parsed. */
    public Map<String, Object> json() {
        return json;
    }

    /** Whether this exception's type is exactly {@code type} (by name; subclasses do not match). */
    public boolean is(Class<? extends Throwable> type) {
        return this.type.equals(Objects.requireNonNull(type, "type").getName());
    }

    /** Whether this exception or one of its causes is exactly {@code type}. */
    public boolean isOrCausedBy(Class<? extends Throwable> type) {
        for (LoggedException e = this; e != null; e = e.cause) {
            if (e.is(type)) {
                return true;
            }
        }
        return false;
    }

    /** The last exception of the cause chain (this one if it has no cause). */
    public LoggedException rootCause() {
        LoggedException e = this;
        while (e.cause != null) {
            e = e.cause;
        }
        return e;
    }

    /** {@code type: message}, as {@code Throwable.toString()} would print it. */
    @Override
    public String toString() {
        return message == null ? type : type + ": " + message;
    }
}
