package fastlog.internal.render.console;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

import fastlog.internal.json.JsonOutput;

/**
 * Writes a Throwable as {@link Throwable#printStackTrace()} does, every line indented so it
 * cannot be mistaken for the start of an event:
 *
 * <pre>
 *     java.lang.IllegalStateException: card declined
 *         at com.acme.Pay.charge(Pay.java:42)
 *         ... 3 more
 *     Caused by: java.io.IOException: timeout
 *         at com.acme.Gateway.call(Gateway.java:7)
 *         ... 5 more
 *         Suppressed: java.lang.RuntimeException: close failed
 *             at ...
 * </pre>
 *
 * <p>As the JDK does, frames a cause shares with the trace that encloses it are counted
 * ({@code ... N more}), not repeated, and a throwable met twice is
 * {@code [CIRCULAR REFERENCE: ...]}. Bounded like the JSON form: at most {@value #MAX_FRAMES}
 * frames per throwable, {@value #MAX_SUPPRESSED} suppressed per throwable, causes and suppressed
 * nested {@value #MAX_DEPTH} deep and {@value #MAX_THROWABLES} throwables in all. The header is
 * the class name and {@code getMessage()} (never {@code toString()}); messages pass through the
 * redaction patterns; all text is escaped by {@link ConsoleText}. A {@code getMessage()},
 * {@code getStackTrace()} or {@code getCause()} that throws is written as
 * {@code <getMessage() threw X>}. Single-threaded.
 */
public final class StackTraceText {

    static final int MAX_FRAMES = 64;
    static final int MAX_DEPTH = 8;
    static final int MAX_SUPPRESSED = 8;
    static final int MAX_THROWABLES = 64;
    private static final String INDENT = "    ";
    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    private final ConsoleText text;
    private final UnaryOperator<String> messages;
    private Throwable[] seen = new Throwable[8];
    private int seenCount;

    /** @param messages applied to each exception message (redaction), or null */
    public StackTraceText(ConsoleText text, UnaryOperator<String> messages) {
        this.text = text;
        this.messages = messages;
    }

    /**
     * Writes the trace of {@code t}, each line ending in a newline; the first line starts with
     * {@code label} (e.g. {@code "error: "}), or nothing if null.
     */
    public void write(JsonOutput out, Throwable t, String label) {
        seenCount = 0;
        try {
            write(out, t, NO_FRAMES, INDENT, label == null ? "" : label, 0);
        } finally {
            Arrays.fill(seen, 0, seenCount, null); // keep no user object after the event
            seenCount = 0;
        }
    }

    private void write(JsonOutput out, Throwable t, StackTraceElement[] enclosing, String indent, String caption,
                       int depth) {
        out.writeAsciiRaw(indent);
        text.writeText(out, caption);
        if (isSeen(t)) {
            out.writeAsciiRaw("[CIRCULAR REFERENCE: ");
            header(out, t);
            out.writeAsciiRaw("]\n");
            return;
        }
        header(out, t);
        out.writeByte('\n');
        if (depth >= MAX_DEPTH || seenCount >= MAX_THROWABLES) {
            out.writeAsciiRaw(indent);
            out.writeAsciiRaw(INDENT);
            out.writeAsciiRaw("... (more causes and suppressed exceptions not shown)\n");
            return;
        }
        see(t);
        StackTraceElement[] frames = frames(out, t, indent);
        int m = frames.length - 1;
        for (int n = enclosing.length - 1; m >= 0 && n >= 0 && Objects.equals(frames[m], enclosing[n]); m--, n--) {
            // count the frames this trace shares with the enclosing one
        }
        int unique = m + 1;
        int shown = Math.min(unique, MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            out.writeAsciiRaw(indent);
            out.writeAsciiRaw(INDENT);
            out.writeAsciiRaw("at ");
            text.writeText(out, String.valueOf(frames[i]));
            out.writeByte('\n');
        }
        int more = frames.length - shown;
        if (more > 0) {
            out.writeAsciiRaw(indent);
            out.writeAsciiRaw(INDENT);
            out.writeAsciiRaw("... ");
            out.writeLong(more);
            out.writeAsciiRaw(" more\n");
        }
        Throwable[] suppressed = t.getSuppressed(); // final in Throwable: a JDK copy, no user code
        int n = Math.min(suppressed.length, MAX_SUPPRESSED);
        for (int i = 0; i < n; i++) {
            if (suppressed[i] != null) {
                write(out, suppressed[i], frames, indent + INDENT, "Suppressed: ", depth + 1);
            }
        }
        if (suppressed.length > n) {
            out.writeAsciiRaw(indent);
            out.writeAsciiRaw(INDENT);
            out.writeAsciiRaw("... ");
            out.writeLong(suppressed.length - n);
            out.writeAsciiRaw(" more suppressed\n");
        }
        Throwable cause;
        try {
            cause = t.getCause();
        } catch (Throwable e) {
            out.writeAsciiRaw(indent);
            out.writeAsciiRaw("Caused by: ");
            text.writeText(out, failure("getCause()", e));
            out.writeByte('\n');
            return;
        }
        if (cause != null) {
            write(out, cause, frames, indent, "Caused by: ", depth + 1);
        }
    }

    private void header(JsonOutput out, Throwable t) {
        text.writeText(out, t.getClass().getName());
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable e) {
            message = failure("getMessage()", e);
        }
        if (message != null) {
            out.writeAsciiRaw(": ");
            text.writeText(out, messages == null ? message : messages.apply(message));
        }
    }

    private StackTraceElement[] frames(JsonOutput out, Throwable t, String indent) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? NO_FRAMES : frames;
        } catch (Throwable e) {
            out.writeAsciiRaw(indent);
            out.writeAsciiRaw(INDENT);
            text.writeText(out, failure("getStackTrace()", e));
            out.writeByte('\n');
            return NO_FRAMES;
        }
    }

    private boolean isSeen(Throwable t) {
        for (int i = 0; i < seenCount; i++) {
            if (seen[i] == t) {
                return true;
            }
        }
        return false;
    }

    private void see(Throwable t) {
        if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, 2 * seenCount);
        }
        seen[seenCount++] = t;
    }

    private static String failure(String call, Throwable e) {
        return "<" + call + " threw " + e.getClass().getName() + ">";
    }
}
