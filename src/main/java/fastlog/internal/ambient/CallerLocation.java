package fastlog.internal.ambient;

import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a logging call was made: the first stack frame, from the top, that belongs to neither
 * fastlog nor a logging API it bridges. Captured on the logging thread with {@link StackWalker}
 * (a few microseconds: the optional {@code callerLocation} setting, off by default) into this
 * immutable value, which the writer renders later.
 *
 * @param className the caller's class, binary name ({@code com.acme.Checkout$Step})
 * @param methodName the caller's method
 * @param fileName the source file, or null if the class has none recorded
 * @param line the line number, or a negative number if unknown
 */
public record CallerLocation(String className, String methodName, String fileName, int line) {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Function<Stream<StackWalker.StackFrame>, StackWalker.StackFrame> FIRST_OUTSIDE =
            frames -> frames.filter(f -> !isLoggingFrame(f.getClassName())).findFirst().orElse(null);

    /** The calling thread's caller location, or null if no frame outside logging code was found. Never throws. */
    public static CallerLocation capture() {
        try {
            StackWalker.StackFrame f = WALKER.walk(FIRST_OUTSIDE);
            return f == null ? null : new CallerLocation(f.getClassName(), f.getMethodName(), f.getFileName(),
                    f.getLineNumber());
        } catch (Throwable t) {
            return null; // a StackOverflowError deep in a stack: the event is still logged, without it
        }
    }

    /**
     * Frames of the logging path between the caller and this class: fastlog's internals and
     * {@code Logger}, fastlog's bridges, and the logging APIs they implement (SLF4J, including its
     * fluent builders' default methods; java.util.logging; System.Logger). Bridge classes are
     * named one by one, not by package, so that a user's class in a package named like a bridge's
     * is still a caller.
     */
    static boolean isLoggingFrame(String c) {
        return c.startsWith("fastlog.internal.")
                || c.equals("fastlog.api.Logger")
                || c.startsWith("fastlog.api.Logger$")
                || c.startsWith("fastlog.slf4j.FastlogLogger")
                || c.startsWith("fastlog.slf4j.FastlogEventBuilder")
                || c.startsWith("fastlog.jdk.FastlogHandler")
                || c.startsWith("fastlog.jdk.FastlogSystemLogger")
                || c.startsWith("fastlog.jdk.FastlogJul")
                || c.equals("fastlog.jdk.Messages")
                || c.startsWith("org.slf4j.")
                || c.startsWith("java.util.logging.")
                || c.startsWith("java.lang.System$Logger")
                || c.startsWith("jdk.internal.logger.")
                || c.startsWith("sun.util.logging.");
    }
}
