package fastlog.internal.render;

import java.text.MessageFormat;

import fastlog.internal.record.MessageArgs;
import fastlog.internal.record.RecordLayout;

/**
 * Makes an event's message from its pattern and captured arguments, on the writer thread, by the
 * rules of the syntax the call named ({@code fastlog.api.MessageSyntax}).
 */
final class MessageFormatting {

    /** Stands in for {@link MessageArgs#FORMAT_FAILED} in MessageFormat: fails if formatted. */
    private static final Object FAILED_ARGUMENT = new Object() {
        @Override
        public String toString() {
            throw new IllegalStateException("the argument's toString() threw on the calling thread");
        }
    };

    private final StringBuilder sb = new StringBuilder(256);

    /**
     * The message of the record at {@code at}: {@code pattern} with the first {@code argc} fields
     * substituted by syntax {@code syntax}.
     */
    String format(int syntax, String pattern, Object[] refs, int at, int argc) {
        if (pattern == null) {
            return null;
        }
        return syntax == MessageArgs.JAVA_TEXT ? javaText(pattern, refs, at, argc) : slf4j(pattern, refs, at, argc);
    }

    /** {@code org.slf4j.helpers.MessageFormatter.basicArrayFormat}, step by step. */
    private String slf4j(String pattern, Object[] refs, int at, int argc) {
        sb.setLength(0);
        int i = 0;
        for (int arg = 0; arg < argc; arg++) {
            int j = pattern.indexOf("{}", i);
            if (j < 0) {
                break; // more arguments than placeholders: the rest are ignored
            }
            if (j > 0 && pattern.charAt(j - 1) == '\\') {
                if (j > 1 && pattern.charAt(j - 2) == '\\') {
                    // "\\{}": one backslash, then the value
                    sb.append(pattern, i, j - 1);
                    appendText(refs[RecordLayout.valueSlot(at, arg)]);
                    i = j + 2;
                } else {
                    // "\{}": a literal "{}"; the argument waits for the next placeholder
                    arg--;
                    sb.append(pattern, i, j - 1).append('{');
                    i = j + 1;
                }
            } else {
                sb.append(pattern, i, j);
                appendText(refs[RecordLayout.valueSlot(at, arg)]);
                i = j + 2;
            }
        }
        sb.append(pattern, i, pattern.length());
        return sb.toString();
    }

    private void appendText(Object arg) {
        try {
            sb.append(arg); // captured: a String or an immutable value (Throwables included)
        } catch (RuntimeException e) {
            sb.append("[FAILED toString()]");
        }
    }

    /** {@code java.util.logging.Formatter.formatMessage} after its resource-bundle step. */
    private static String javaText(String pattern, Object[] refs, int at, int argc) {
        if (!hasIndexPlaceholder(pattern)) {
            return pattern;
        }
        Object[] args = new Object[argc];
        for (int i = 0; i < argc; i++) {
            Object a = refs[RecordLayout.valueSlot(at, i)];
            // MessageFormat reads only the arguments the pattern uses: one whose toString() threw
            // on the calling thread makes the message the pattern only if it is used.
            args[i] = a == MessageArgs.FORMAT_FAILED ? FAILED_ARGUMENT : a;
        }
        try {
            return MessageFormat.format(pattern, args);
        } catch (RuntimeException e) {
            return pattern;
        }
    }

    /** Whether a '{' is followed by a digit, JUL's test for "a java.text style format". */
    private static boolean hasIndexPlaceholder(String pattern) {
        int fence = pattern.length() - 1;
        for (int i = pattern.indexOf('{'); i >= 0 && i < fence; i = pattern.indexOf('{', i + 1)) {
            char c = pattern.charAt(i + 1);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
