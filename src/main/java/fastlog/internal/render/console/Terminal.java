package fastlog.internal.render.console;

import java.io.Console;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether this process's stdout is a terminal, by the JDK's own test.
 *
 * <p>On Java 21 (what the library is compiled for) {@link System#console()} is non-null exactly
 * when stdin and stdout are both terminals: that is the whole test. From Java 22 it may return a
 * console that is not attached to a terminal (its JLine-based provider), and
 * {@code Console.isTerminal()} (new in 22) says whether it is; it too means stdin and stdout are
 * both terminals. The library is compiled with {@code --release 21}, so that method is called
 * through a method handle looked up once, when present. So a program run in a terminal with
 * stdin redirected ({@code java App < input.txt}) counts as "not a terminal" on every version.
 */
final class Terminal {

    /** {@code Console.isTerminal()}, or null before Java 22. */
    private static final MethodHandle IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true; // Java 21: a console exists only on a terminal
        }
        try {
            return (boolean) IS_TERMINAL.invokeExact(console);
        } catch (Throwable e) {
            return false; // not expected; when in doubt, JSON
        }
    }

    private static MethodHandle isTerminalMethod() {
        try {
            return MethodHandles.publicLookup().findVirtual(Console.class, "isTerminal",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException beforeJava22) {
            return null;
        }
    }
}
