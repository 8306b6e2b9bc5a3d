package fastlog.internal.json;

import java.util.function.UnaryOperator;

/**
 * A Throwable as the text {@code printStackTrace} prints, for schemas that want the stack trace as
 * one string (ECS {@code error.stack_trace}, Logstash and Google Cloud {@code stack_trace},
 * OpenTelemetry {@code exception.stacktrace}):
 *
 * <pre>
 * java.lang.IllegalStateException: boom
 * 	at a.B.c(B.java:42)
 * 	... 3 more
 * Caused by: java.io.IOException: disk full
 * 	...
 * 	Suppressed: ...
 * </pre>
 *
 * Frames shared with the enclosing trace are elided as {@code ... N more}, as the JDK does. The
 * same bounds as {@link ThrowableJson} hold: {@value ThrowableJson#MAX_FRAMES} frames per
 * throwable, {@value ThrowableJson#MAX_DEPTH} levels of causes and suppressed,
 * {@value ThrowableJson#MAX_THROWABLES} throwables in all; a cycle ends in
 * {@code [CIRCULAR REFERENCE: type]}. The first line uses the class name and {@code getMessage()},
 * never the throwable's {@code toString()}; user code that throws (a {@code getMessage()}) is
 * written as {@code <getMessage() threw X>}.
 */
public final class StackTraceText {

    private StackTraceText() {
    }

    /** {@code t.getMessage()}, or what it threw, as text. */
    public static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) {
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    /** Appends {@code t}'s stack trace; every message passes through {@code messages}. */
    public static void append(StringBuilder sb, Throwable t, UnaryOperator<String> messages) {
        append(sb, t, null, "", "", 0, new Throwable[ThrowableJson.MAX_THROWABLES], new int[1], messages);
    }

    private static void append(StringBuilder sb, Throwable t, StackTraceElement[] enclosing, String caption,
                               String indent, int depth, Throwable[] seen, int[] count, UnaryOperator<String> messages) {
        for (int i = 0; i < count[0]; i++) {
            if (seen[i] == t) {
                sb.append(indent).append(caption).append("[CIRCULAR REFERENCE: ").append(t.getClass().getName())
                        .append("]\n");
                return;
            }
        }
        sb.append(indent).append(caption).append(t.getClass().getName());
        String m = message(t);
        if (m != null) {
            sb.append(": ").append(messages == null ? m : messages.apply(m));
        }
        sb.append('\n');
        if (depth >= ThrowableJson.MAX_DEPTH || count[0] >= seen.length) {
            sb.append(indent).append("\t... (truncated)\n");
            return;
        }
        seen[count[0]++] = t;
        StackTraceElement[] frames;
        try {
            frames = t.getStackTrace();
        } catch (Throwable e) {
            sb.append(indent).append("\t<getStackTrace() threw ").append(e.getClass().getName()).append(">\n");
            frames = new StackTraceElement[0];
        }
        if (frames == null) {
            frames = new StackTraceElement[0];
        }
        int inCommon = enclosing == null ? 0 : framesInCommon(frames, enclosing);
        int own = frames.length - inCommon;
        int shown = Math.min(own, ThrowableJson.MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            sb.append(indent).append("\tat ").append(frames[i]).append('\n');
        }
        if (own > shown || inCommon > 0) {
            sb.append(indent).append("\t... ").append(frames.length - shown).append(" more\n");
        }
        for (Throwable s : t.getSuppressed()) { // final in Throwable: a JDK copy, cannot run user code
            append(sb, s, frames, "Suppressed: ", indent + "\t", depth + 1, seen, count, messages);
        }
        Throwable cause;
        try {
            cause = t.getCause();
        } catch (Throwable e) {
            sb.append(indent).append("Caused by: <getCause() threw ").append(e.getClass().getName()).append(">\n");
            return;
        }
        if (cause != null) {
            append(sb, cause, frames, "Caused by: ", indent, depth + 1, seen, count, messages);
        }
    }

    private static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m] != null && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return trace.length - 1 - m;
    }
}
