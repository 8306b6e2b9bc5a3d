package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Throwables render as bounded, complete JSON objects whatever they do. */
class ThrowableJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static JsonNode render(Throwable t) throws Exception {
        JsonOutput out = new JsonOutput(64, 10_000);
        out.writeByte('[');
        ThrowableJson.write(out, t);
        out.writeByte(']'); // anything left open or unbalanced fails the parse
        JsonNode array = JACKSON.readTree(JsonEscapingDifferentialTest.decodeStrict(out));
        assertEquals(1, array.size());
        return array.get(0);
    }

    /** A throwable whose cause is whatever the test says, bypassing initCause's checks. */
    static final class Linked extends RuntimeException {
        Throwable next;

        Linked(String message) {
            super(message);
        }

        @Override
        public Throwable getCause() {
            return next;
        }
    }

    @Test
    void plainException() throws Exception {
        IllegalStateException e = new IllegalStateException("boom \"quoted\"\n");
        JsonNode n = render(e);
        assertEquals("java.lang.IllegalStateException", n.get("type").textValue());
        assertEquals("boom \"quoted\"\n", n.get("message").textValue());
        assertEquals(e.getStackTrace()[0].toString(), n.get("stack").get(0).textValue());
        assertTrue(n.get("stack").get(0).textValue().contains("ThrowableJsonTest.plainException(ThrowableJsonTest.java:"));
        assertEquals(Math.min(e.getStackTrace().length, ThrowableJson.MAX_FRAMES)
                + (e.getStackTrace().length > ThrowableJson.MAX_FRAMES ? 1 : 0), n.get("stack").size());
        assertFalse(n.has("cause"));
        assertFalse(n.has("suppressed"));
    }

    @Test
    void nullMessageCauseAndSuppressed() throws Exception {
        Exception e = new Exception((String) null);
        e.addSuppressed(new IllegalArgumentException("s1"));
        e.addSuppressed(new Error("s2"));
        JsonNode n = render(new RuntimeException("top", e));
        assertEquals("top", n.get("message").textValue());
        JsonNode cause = n.get("cause");
        assertEquals("java.lang.Exception", cause.get("type").textValue());
        assertTrue(cause.get("message").isNull());
        assertEquals(2, cause.get("suppressed").size());
        assertEquals("s1", cause.get("suppressed").get(0).get("message").textValue());
        assertEquals("java.lang.Error", cause.get("suppressed").get(1).get("type").textValue());
        assertFalse(n.has("suppressed"));
    }

    @Test
    void emptyStack() throws Exception {
        RuntimeException e = new RuntimeException("no frames", null, false, false) {
        };
        JsonNode n = render(e);
        assertEquals(0, n.get("stack").size());
    }

    @Test
    void deepChainsAreCut() throws Exception {
        Throwable t = new RuntimeException("0");
        for (int i = 1; i < 20; i++) {
            t = new RuntimeException(String.valueOf(i), t);
        }
        JsonNode n = render(t);
        int depth = 0;
        while (n.has("cause")) {
            assertEquals(String.valueOf(19 - depth), n.get("message").textValue());
            n = n.get("cause");
            depth++;
        }
        assertEquals(ThrowableJson.MAX_DEPTH, depth);
        assertTrue(n.get("truncated").booleanValue());
        assertEquals("java.lang.RuntimeException", n.get("type").textValue());
        assertFalse(n.has("message"));
    }

    @Test
    void cyclicChainsTerminate() throws Exception {
        Linked a = new Linked("a");
        Linked b = new Linked("b");
        a.next = b;
        b.next = a;
        JsonNode n = render(a);
        assertEquals("b", n.get("cause").get("message").textValue());
        JsonNode back = n.get("cause").get("cause");
        assertTrue(back.get("circular").booleanValue());
        assertEquals(Linked.class.getName(), back.get("type").textValue());
        assertFalse(back.has("cause"));
    }

    @Test
    void selfCauseTerminates() throws Exception {
        Linked self = new Linked("me");
        self.next = self;
        JsonNode n = render(self);
        assertTrue(n.get("cause").get("circular").booleanValue());
    }

    @Test
    void suppressedCycleTerminates() throws Exception {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.addSuppressed(b);
        b.addSuppressed(a);
        JsonNode n = render(a);
        assertTrue(n.get("suppressed").get(0).get("suppressed").get(0).get("circular").booleanValue());
    }

    @Test
    void manySuppressedAreCut() throws Exception {
        RuntimeException e = new RuntimeException("many");
        for (int i = 0; i < 20; i++) {
            e.addSuppressed(new RuntimeException("s" + i));
        }
        JsonNode n = render(e);
        assertEquals(ThrowableJson.MAX_SUPPRESSED, n.get("suppressed").size());
        assertEquals("s7", n.get("suppressed").get(7).get("message").textValue());
        assertEquals(20 - ThrowableJson.MAX_SUPPRESSED, n.get("suppressedOmitted").intValue());
    }

    @Test
    void wideTreesStopAtTheTotalBound() throws Exception {
        // Every level has 8 suppressed, each with 8 suppressed, ...: far more than the bound.
        RuntimeException root = fan(4);
        JsonOutput out = new JsonOutput(64, 10_000);
        ThrowableJson.write(out, root);
        JsonNode n = JACKSON.readTree(JsonEscapingDifferentialTest.decodeStrict(out));
        int[] full = new int[1];
        countFull(n, full);
        assertEquals(ThrowableJson.MAX_THROWABLES, full[0]);
    }

    private static RuntimeException fan(int levels) {
        RuntimeException e = new RuntimeException("level " + levels, null, true, false) {
        };
        if (levels > 0) {
            for (int i = 0; i < ThrowableJson.MAX_SUPPRESSED; i++) {
                e.addSuppressed(fan(levels - 1));
            }
        }
        return e;
    }

    private static void countFull(JsonNode n, int[] count) {
        if (n.has("message")) {
            count[0]++;
        }
        if (n.has("suppressed")) {
            for (JsonNode s : n.get("suppressed")) {
                countFull(s, count);
            }
        }
    }

    @Test
    void hugeStacksAreCut() throws Exception {
        RuntimeException deep = recurse(500);
        JsonNode n = render(deep);
        JsonNode stack = n.get("stack");
        assertEquals(ThrowableJson.MAX_FRAMES + 1, stack.size());
        assertEquals("... " + (deep.getStackTrace().length - ThrowableJson.MAX_FRAMES) + " more",
                stack.get(ThrowableJson.MAX_FRAMES).textValue());
        assertEquals(deep.getStackTrace()[ThrowableJson.MAX_FRAMES - 1].toString(),
                stack.get(ThrowableJson.MAX_FRAMES - 1).textValue());
    }

    private static RuntimeException recurse(int n) {
        return n == 0 ? new RuntimeException("deep") : recurse(n - 1);
    }

    @Test
    void throwingAccessorsBecomeDescriptions() throws Exception {
        RuntimeException bad = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException();
            }

            @Override
            public StackTraceElement[] getStackTrace() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Throwable getCause() {
                throw new IllegalStateException();
            }

            @Override
            public String toString() {
                throw new IllegalStateException();
            }
        };
        JsonNode n = render(bad);
        assertEquals("<getMessage() threw java.lang.IllegalStateException>", n.get("message").textValue());
        assertEquals(1, n.get("stack").size());
        assertEquals("<getStackTrace() threw java.lang.UnsupportedOperationException>", n.get("stack").get(0).textValue());
        assertEquals("<getCause() threw java.lang.IllegalStateException>", n.get("cause").textValue());
    }

    @Test
    void oddButNonThrowingAccessors() throws Exception {
        RuntimeException odd = new RuntimeException("odd") {
            @Override
            public StackTraceElement[] getStackTrace() {
                return new StackTraceElement[] {null, new StackTraceElement("a.B", "c", "B.java", 1)};
            }

            @Override
            public Throwable getCause() {
                return new StackOverflowError(); // a fresh one every call
            }
        };
        JsonNode n = render(odd);
        assertEquals("null", n.get("stack").get(0).textValue());
        assertEquals("a.B.c(B.java:1)", n.get("stack").get(1).textValue());
        assertEquals("java.lang.StackOverflowError", n.get("cause").get("type").textValue());
    }

    @Test
    void aThrowingCauseInsideAChainStillClosesEverything() throws Exception {
        Linked top = new Linked("top");
        top.next = new RuntimeException("middle", new RuntimeException("bottom") {
            @Override
            public String getMessage() {
                throw new StackOverflowError();
            }
        });
        JsonNode n = render(top);
        assertEquals("<getMessage() threw java.lang.StackOverflowError>",
                n.get("cause").get("cause").get("message").textValue());
    }
}
