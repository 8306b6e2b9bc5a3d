package fastlog.internal.json;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Renders a Throwable as a JSON object:
 * {@code {"type":"java.lang.IllegalStateException","message":"boom","stack":["a.B.c(B.java:42)",...],
 * "cause":{...},"suppressed":[{...},...]}}. {@code message} is null when there is none;
 * {@code cause} and {@code suppressed} are left out when there are none.
 *
 * <p>Bounded whatever the throwable graph looks like:
 * <ul>
 *   <li>at most {@value #MAX_FRAMES} frames, then a last element {@code "... N more"};</li>
 *   <li>causes and suppressed nest at most {@value #MAX_DEPTH} deep and at most
 *       {@value #MAX_THROWABLES} throwables are written in all; past either bound a throwable is
 *       just {@code {"type":"...","truncated":true}};</li>
 *   <li>at most {@value #MAX_SUPPRESSED} suppressed per throwable, then
 *       {@code "suppressedOmitted":N};</li>
 *   <li>a throwable already written in this object (a cycle such as A.cause = B, B.cause = A,
 *       or the same exception reached twice) is {@code {"type":"...","circular":true}}.</li>
 * </ul>
 *
 * <p>{@code getMessage()}, {@code getStackTrace()} and {@code getCause()} may be user code that
 * throws. Each failure is written in place of the value as {@code "<getMessage() threw X>"}
 * (for the stack, as its only element), so the result is always one complete JSON object.
 * {@code toString()} of the throwable is never called.
 */
public final class ThrowableJson {

    static final int MAX_FRAMES = 64;
    static final int MAX_DEPTH = 8;
    static final int MAX_SUPPRESSED = 8;
    static final int MAX_THROWABLES = 64;

    private ThrowableJson() {
    }

    public static void write(JsonOutput out, Throwable t) {
        write(out, t, null);
    }

    /** Like {@link #write(JsonOutput, Throwable)}; every message is passed through {@code messages} (null: as is). */
    public static void write(JsonOutput out, Throwable t, UnaryOperator<String> messages) {
        write(out, t, 0, new Seen(), messages);
    }

    /**
     * Every throwable written so far in this object, compared by identity (not equals). At most
     * {@value #MAX_THROWABLES}, so a scan is cheap, and a small array costs less to make than an
     * IdentityHashMap (a 64-slot table) for the usual one or two throwables.
     */
    private static final class Seen {
        private Throwable[] items = new Throwable[4];
        private int size;

        boolean contains(Throwable t) {
            for (int i = 0; i < size; i++) {
                if (items[i] == t) {
                    return true;
                }
            }
            return false;
        }

        void add(Throwable t) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
            }
            items[size++] = t;
        }
    }

    private static void write(JsonOutput out, Throwable t, int depth, Seen seen, UnaryOperator<String> messages) {
        out.writeAsciiRaw("{\"type\":");
        out.writeString(t.getClass().getName());
        if (seen.contains(t)) {
            out.writeAsciiRaw(",\"circular\":true}");
            return;
        }
        if (depth >= MAX_DEPTH || seen.size >= MAX_THROWABLES) {
            out.writeAsciiRaw(",\"truncated\":true}");
            return;
        }
        seen.add(t);
        writeMessage(out, t, messages);
        writeStack(out, t);
        writeCause(out, t, depth, seen, messages);
        writeSuppressed(out, t, depth, seen, messages);
        out.writeByte('}');
    }

    private static void writeMessage(JsonOutput out, Throwable t, UnaryOperator<String> messages) {
        out.writeAsciiRaw(",\"message\":");
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable e) {
            message = failure("getMessage()", e);
        }
        if (message == null) {
            out.writeNull();
        } else {
            out.writeString(messages == null ? message : messages.apply(message));
        }
    }

    private static void writeStack(JsonOutput out, Throwable t) {
        out.writeAsciiRaw(",\"stack\":[");
        int mark = out.size();
        try {
            StackTraceElement[] frames = t.getStackTrace();
            int length = frames == null ? 0 : frames.length;
            int n = Math.min(length, MAX_FRAMES);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.writeString(String.valueOf(frames[i]));
            }
            if (length > n) {
                out.writeAsciiRaw(",\"... ");
                out.writeLong(length - n);
                out.writeAsciiRaw(" more\"");
            }
        } catch (Throwable e) {
            out.truncate(mark); // drop any frames written before the failure
            out.writeString(failure("getStackTrace()", e));
        }
        out.writeByte(']');
    }

    private static void writeCause(JsonOutput out, Throwable t, int depth, Seen seen, UnaryOperator<String> messages) {
        Throwable cause;
        try {
            cause = t.getCause();
        } catch (Throwable e) {
            out.writeAsciiRaw(",\"cause\":");
            out.writeString(failure("getCause()", e));
            return;
        }
        if (cause != null) {
            out.writeAsciiRaw(",\"cause\":");
            write(out, cause, depth + 1, seen, messages);
        }
    }

    private static void writeSuppressed(JsonOutput out, Throwable t, int depth, Seen seen,
                                        UnaryOperator<String> messages) {
        Throwable[] suppressed = t.getSuppressed(); // final in Throwable: a JDK copy, cannot run user code
        if (suppressed.length == 0) {
            return;
        }
        out.writeAsciiRaw(",\"suppressed\":[");
        int n = Math.min(suppressed.length, MAX_SUPPRESSED);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            if (suppressed[i] == null) {
                out.writeNull(); // addSuppressed rejects null; only a forged serialized form has one
            } else {
                write(out, suppressed[i], depth + 1, seen, messages);
            }
        }
        out.writeByte(']');
        if (suppressed.length > n) {
            out.writeAsciiRaw(",\"suppressedOmitted\":");
            out.writeLong(suppressed.length - n);
        }
    }

    private static String failure(String call, Throwable e) {
        return "<" + call + " threw " + e.getClass().getName() + ">";
    }
}
