package fastlog.internal.json;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders a Throwable as
 * {@code {"type":..., "message":..., "stack":[...], "cause":{...}, "suppressed":[{...}]}}.
 *
 * <p>Bounded whatever the throwable does: at most {@value #MAX_FRAMES} frames per level (then
 * {@code "... N more"}), a cause chain at most {@value #MAX_DEPTH} deep (then
 * {@code "truncated":true}), at most {@value #MAX_SUPPRESSED} suppressed per level; a cycle is
 * cut with {@code "circular":true}. Every call into the throwable ({@code getMessage},
 * {@code getStackTrace}, {@code getCause}, {@code getSuppressed}) may be user code that throws;
 * each failure becomes a string saying so, and the object stays valid JSON.
 */
public final class ThrowableJson {

    static final int MAX_FRAMES = 64;
    static final int MAX_DEPTH = 8;
    static final int MAX_SUPPRESSED = 8;

    private ThrowableJson() {
    }

    public static void write(JsonOutput out, Throwable t) {
        write(out, t, 0, new IdentityHashMap<>());
    }

    private static void write(JsonOutput out, Throwable t, int depth, Map<Throwable, Boolean> seen) {
        out.writeByte('{');
        out.writeKey("type");
        out.writeString(t.getClass().getName());
        if (seen.put(t, Boolean.TRUE) != null) {
            out.writeAsciiRaw(",\"circular\":true}");
            return;
        }
        if (depth >= MAX_DEPTH) {
            out.writeAsciiRaw(",\"truncated\":true}");
            return;
        }
        out.writeAsciiRaw(",\"message\":");
        try {
            String m = t.getMessage();
            if (m == null) {
                out.writeNull();
            } else {
                out.writeString(m);
            }
        } catch (Throwable e) {
            out.writeString("<getMessage() threw " + e.getClass().getName() + ">");
        }
        out.writeAsciiRaw(",\"stack\":[");
        try {
            StackTraceElement[] frames = t.getStackTrace();
            int n = frames == null ? 0 : Math.min(frames.length, MAX_FRAMES);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.writeString(String.valueOf(frames[i]));
            }
            if (frames != null && frames.length > n) {
                out.writeByte(',');
                out.writeString("... " + (frames.length - n) + " more");
            }
        } catch (Throwable e) {
            out.writeString("<getStackTrace() threw " + e.getClass().getName() + ">");
        }
        out.writeByte(']');
        Throwable cause = null;
        try {
            cause = t.getCause();
        } catch (Throwable e) {
            out.writeAsciiRaw(",\"cause\":");
            out.writeString("<getCause() threw " + e.getClass().getName() + ">");
        }
        if (cause != null) {
            out.writeAsciiRaw(",\"cause\":");
            write(out, cause, depth + 1, seen);
        }
        try {
            Throwable[] suppressed = t.getSuppressed();
            if (suppressed != null && suppressed.length > 0) {
                out.writeAsciiRaw(",\"suppressed\":[");
                int n = Math.min(suppressed.length, MAX_SUPPRESSED);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.writeByte(',');
                    }
                    if (suppressed[i] == null) {
                        out.writeNull();
                    } else {
                        write(out, suppressed[i], depth + 1, seen);
                    }
                }
                out.writeByte(']');
            }
        } catch (Throwable e) {
            out.writeAsciiRaw(",\"suppressed_error\":");
            out.writeString("<getSuppressed() threw " + e.getClass().getName() + ">");
        }
        out.writeByte('}');
    }
}
