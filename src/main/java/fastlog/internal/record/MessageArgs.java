package fastlog.internal.record;

import java.util.Date;

import fastlog.internal.json.StringList;

/**
 * Capture, on the calling thread, of the arguments of a pattern message
 * ({@code Logger.logPattern}); the writer substitutes them ({@code render.MessageFormatting}).
 * The rule is the one for field values: the writer never reads a mutable user object. What the
 * writer would print for anything but an immutable value is therefore made here, as the
 * syntax would print it.
 */
public final class MessageArgs {

    /** {@code MessageSyntax.SLF4J.ordinal()}. */
    public static final int SLF4J = 0;
    /** {@code MessageSyntax.JAVA_TEXT.ordinal()}. */
    public static final int JAVA_TEXT = 1;

    /**
     * Stands for a JAVA_TEXT argument whose {@code toString()} threw: if the pattern uses it, the
     * message is the pattern (as java.util.logging's formatter gives it).
     */
    public static final Object FORMAT_FAILED = new Object() {
        @Override
        public String toString() {
            return "<toString() threw>";
        }
    };

    private MessageArgs() {
    }

    /** What the record holds for {@code arg} of a pattern of syntax {@code syntax}. Never throws. */
    public static Object capture(int syntax, Object arg) {
        if (arg == null || arg instanceof String) {
            return arg;
        }
        if (syntax == JAVA_TEXT) {
            if (arg instanceof Date d) {
                return new Date(d.getTime()); // MessageFormat formats dates itself; Date is mutable
            }
            if (Capture.isKeptScalar(arg) && !(arg instanceof Enum<?>)) {
                return arg; // MessageFormat formats Numbers itself; the rest by toString()
            }
            try {
                return String.valueOf(arg);
            } catch (Throwable t) {
                return FORMAT_FAILED; // java.util.logging then logs the pattern unformatted
            }
        }
        if (Capture.isKeptScalar(arg) && !(arg instanceof Enum<?>)) {
            return arg; // the writer prints it with String.valueOf, as SLF4J does
        }
        return Slf4jText.of(arg);
    }

    /** An immutable copy of a call's tags. */
    public static StringList copyTags(String[] tags) {
        return new StringList(tags);
    }
}
