package fastlog.internal.render.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fastlog.internal.json.JsonOutput;

/** Suppressed exceptions, cycles, bounds and throwing accessors, as printStackTrace shows them. */
class StackTraceTextTest {

    private static String trace(Throwable t, String label) {
        JsonOutput out = new JsonOutput(64, 10_000);
        new StackTraceText(new ConsoleText(10_000), null).write(out, t, label);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    private static <T extends Throwable> T at(T t, String... methods) {
        StackTraceElement[] frames = new StackTraceElement[methods.length];
        for (int i = 0; i < methods.length; i++) {
            frames[i] = new StackTraceElement("a.B", methods[i], "B.java", i + 1);
        }
        t.setStackTrace(frames);
        return t;
    }

    @Test
    void suppressedAreNestedOneLevelDeeper() {
        Exception e = at(new Exception("outer"), "run", "main");
        e.addSuppressed(at(new RuntimeException("close failed"), "close", "main"));
        assertEquals("""
                    java.lang.Exception: outer
                        at a.B.run(B.java:1)
                        at a.B.main(B.java:2)
                        Suppressed: java.lang.RuntimeException: close failed
                            at a.B.close(B.java:1)
                            ... 1 more
                """, trace(e, null));
    }

    @Test
    void aCycleIsCutOnce() {
        Exception a = at(new Exception("a"));
        Exception b = at(new Exception("b"));
        a.initCause(b);
        b.initCause(a);
        assertEquals("""
                    java.lang.Exception: a
                    Caused by: java.lang.Exception: b
                    Caused by: [CIRCULAR REFERENCE: java.lang.Exception: a]
                """, trace(a, null));
    }

    @Test
    void throwingAccessorsAreReportedInPlace() {
        Exception e = new Exception() {
            @Override
            public String getMessage() {
                throw new IllegalStateException();
            }

            @Override
            public StackTraceElement[] getStackTrace() {
                throw new UnsupportedOperationException();
            }

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalArgumentException();
            }
        };
        String out = trace(e, "error: ");
        assertTrue(out.startsWith("    error: " + e.getClass().getName()
                + ": <getMessage() threw java.lang.IllegalStateException>\n"
                + "        <getStackTrace() threw java.lang.UnsupportedOperationException>\n"
                + "    Caused by: <getCause() threw java.lang.IllegalArgumentException>\n"), out);
    }

    @Test
    void framesAndDepthAreBounded() {
        String[] many = new String[100];
        java.util.Arrays.fill(many, "f");
        String out = trace(at(new Exception("x"), many), null);
        assertEquals(StackTraceText.MAX_FRAMES, out.lines().filter(l -> l.startsWith("        at ")).count());
        assertTrue(out.endsWith("        ... 36 more\n"), out);
        Throwable deep = at(new Exception("0"));
        for (int i = 1; i < 20; i++) {
            deep = at(new Exception(String.valueOf(i), deep));
        }
        String chain = trace(deep, null);
        assertEquals(StackTraceText.MAX_DEPTH + 1, chain.lines().filter(l -> l.contains("java.lang.Exception")).count(), chain);
        assertTrue(chain.endsWith("... (more causes and suppressed exceptions not shown)\n"), chain);
    }
}
