package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Throwables render as bounded, valid JSON objects whatever they do. */
class ThrowableJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static JsonNode render(Throwable t) throws Exception {
        JsonOutput out = new JsonOutput(64, 10_000);
        ThrowableJson.write(out, t);
        return JACKSON.readTree(JsonEscapingDifferentialTest.decodeStrict(out));
    }

    static final class Looping extends RuntimeException {
        Throwable next;

        Looping(String m) {
            super(m);
        }

        @Override
        public synchronized Throwable getCause() {
            return next;
        }
    }

    @Test
    void nullMessageCauseAndSuppressed() throws Exception {
        Exception e = new Exception((String) null);
        e.addSuppressed(new IllegalArgumentException("s1"));
        JsonNode n = render(new RuntimeException("top", e));
        assertEquals("top", n.get("message").asText());
        assertTrue(n.get("cause").get("message").isNull());
        assertEquals("s1", n.get("cause").get("suppressed").get(0).get("message").asText());
        assertTrue(!n.has("suppressed"));
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
            n = n.get("cause");
            depth++;
        }
        assertEquals(ThrowableJson.MAX_DEPTH, depth);
        assertTrue(n.get("truncated").asBoolean());
    }

    @Test
    void cyclicChainsTerminate() throws Exception {
        Looping a = new Looping("a");
        Looping b = new Looping("b");
        a.next = b;
        b.next = a;
        JsonNode n = render(a);
        assertEquals("b", n.get("cause").get("message").asText());
        assertTrue(n.get("cause").get("cause").get("circular").asBoolean());
    }

    @Test
    void hugeStacksAreCut() throws Exception {
        JsonNode n = render(recurse(500));
        JsonNode stack = n.get("stack");
        assertEquals(ThrowableJson.MAX_FRAMES + 1, stack.size());
        assertTrue(stack.get(ThrowableJson.MAX_FRAMES).asText().matches("\\.\\.\\. \\d+ more"));
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
            public synchronized Throwable getCause() {
                throw new IllegalStateException();
            }
        };
        JsonNode n = render(bad);
        assertEquals("<getMessage() threw java.lang.IllegalStateException>", n.get("message").asText());
        assertEquals("<getStackTrace() threw java.lang.UnsupportedOperationException>", n.get("stack").get(0).asText());
        assertEquals("<getCause() threw java.lang.IllegalStateException>", n.get("cause").asText());
    }
}
