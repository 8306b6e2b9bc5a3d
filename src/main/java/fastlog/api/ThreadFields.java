package fastlog.api;

import java.util.Map;
import java.util.Objects;

import fastlog.internal.context.ThreadFieldsStore;

/**
 * Per-thread, mutable string fields carried by every event the thread logs, through any API:
 * the MDC model ({@code fastlog-slf4j}'s {@code MDCAdapter} is a thin layer over this class).
 *
 * <pre>{@code
 * ThreadFields.put("request_id", id);
 * try {
 *     log.info("request served", "status", 200);   // ... "request_id":"r-7f3a","status":200
 * } finally {
 *     ThreadFields.remove("request_id");
 * }
 * }</pre>
 *
 * <p>Precedence: these fields are the lowest; a {@link LogContext} scope field, a bound field
 * ({@link Logger#with}) or a call field with the same key wins, and a line never holds a key
 * twice. A thread that never puts a field, or whose fields became empty again, keeps no state
 * at all (there is no ThreadLocal behind this class). Prefer {@link LogContext} in new code: it
 * is scoped, so it cannot leak from one task into the next one on the same thread. Fields left
 * on a thread that ends are forgotten by the writer thread.
 */
public final class ThreadFields {

    private ThreadFields() {
    }

    /**
     * Sets {@code key} for the calling thread; a key set again keeps its place.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public static void put(String key, String value) {
        ThreadFieldsStore.put(Objects.requireNonNull(key, "key"), value);
    }

    /** The calling thread's value for {@code key}, or null. */
    public static String get(String key) {
        return key == null ? null : ThreadFieldsStore.get(key);
    }

    /** Removes {@code key} from the calling thread's fields; the last removal drops all state. */
    public static void remove(String key) {
        if (key != null) {
            ThreadFieldsStore.remove(key);
        }
    }

    /** Removes all of the calling thread's fields. */
    public static void clear() {
        ThreadFieldsStore.set(null);
    }

    /** A copy of the calling thread's fields, in insertion order, or null if it has none. */
    public static Map<String, String> copy() {
        return ThreadFieldsStore.copy();
    }

    /**
     * Replaces the calling thread's fields by {@code fields}' entries, in its iteration order
     * (null keys are skipped, other values are turned into text); null or empty clears them.
     */
    public static void replaceAll(Map<String, String> fields) {
        ThreadFieldsStore.replaceAll(fields);
    }

    /** Whether the calling thread has no fields. */
    public static boolean isEmpty() {
        return ThreadFieldsStore.current() == null;
    }
}
