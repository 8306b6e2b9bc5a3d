package fastlog.api;

/**
 * How {@link Logger#logPattern} turns a pattern and its arguments into an event's message. The
 * substitution runs on the writer thread, on arguments captured when the call was made.
 */
public enum MessageSyntax {

    /**
     * SLF4J's {@code {}} placeholders, exactly as {@code org.slf4j.helpers.MessageFormatter}
     * (and Logback) produce them: arguments fill placeholders in order, extra arguments are
     * ignored, missing ones leave {@code {}}, {@code \{}} is a literal {@code {}} and
     * {@code \\{}} a backslash followed by the value; arrays print their elements. When no
     * exception is given, a Throwable as the last argument is the exception, even if a
     * placeholder is left unfilled.
     */
    SLF4J,

    /**
     * {@code java.text.MessageFormat} ({@code {0}}, {@code {1,number}}), applied as
     * {@code java.util.logging.Formatter.formatMessage} does: only when there are arguments and
     * the pattern holds a {@code '{'} followed by a digit; a pattern that fails to format is the
     * message as it is.
     */
    JAVA_TEXT
}
