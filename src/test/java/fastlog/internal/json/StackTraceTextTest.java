package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The stack trace text schemas write: the JDK's printStackTrace format, within fastlog's bounds. */
class StackTraceTextTest {

    private static String text(Throwable t) {
        StringBuilder sb = new StringBuilder();
        StackTraceText.append(sb, t, null);
        return sb.toString();
    }

    private static String jdk(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().replace(System.lineSeparator(), "\n");
    }

    private static Exception deep(int n, Exception cause) {
        return n == 0 ? new IllegalStateException("top", cause) : deep(n - 1, cause);
    }

    @Test
    void sameTextAsPrintStackTraceForCausesAndSuppressed() throws Exception {
        Exception[] made = new Exception[1];
        Thread t = new Thread(() -> { // a short stack, under the frame bound, so nothing is cut
            IOException cause = new IOException("disk full");
            cause.addSuppressed(new IllegalArgumentException("closing"));
            Exception e = deep(3, cause);
            e.addSuppressed(new RuntimeException((String) null));
            made[0] = e;
        });
        t.start();
        t.join();
        assertTrue(made[0].getStackTrace().length < ThrowableJson.MAX_FRAMES);
        assertEquals(jdk(made[0]), text(made[0]));
    }

    @Test
    void messagesPassThroughTheRedactor() {
        StringBuilder sb = new StringBuilder();
        StackTraceText.append(sb, new IllegalStateException("pw=1", new IOException("pw=2")), m -> m.replace("pw=", "x"));
        assertTrue(sb.toString().startsWith("java.lang.IllegalStateException: x1\n"), sb::toString);
        assertTrue(sb.toString().contains("Caused by: java.io.IOException: x2\n"), sb::toString);
    }

    @Test
    void boundedForDeepStacksLongCauseChainsAndCycles() {
        Exception e = deep(200, null);
        String t = text(e);
        assertEquals(ThrowableJson.MAX_FRAMES, t.lines().filter(l -> l.startsWith("\tat ")).count());
        assertTrue(t.endsWith("\t... " + (e.getStackTrace().length - ThrowableJson.MAX_FRAMES) + " more\n"), t);

        Exception chain = new Exception("0");
        for (int i = 1; i < 20; i++) {
            chain = new Exception(String.valueOf(i), chain);
        }
        assertEquals(ThrowableJson.MAX_DEPTH, text(chain).lines().filter(l -> l.startsWith("Caused by: ")).count());

        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertTrue(text(a).contains("Caused by: [CIRCULAR REFERENCE: java.lang.Exception]\n"), text(a));
    }

    @Test
    void aMessageThatThrowsIsNamedNotPropagated() {
        Exception bad = new Exception() {
            @Override
            public String getMessage() {
                throw new UnsupportedOperationException();
            }
        };
        assertTrue(text(bad).contains(": <getMessage() threw java.lang.UnsupportedOperationException>\n"), text(bad));
    }
}
