package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What scoped context does, whichever mechanism backs it. Run by {@link LogContextTest} on the
 * base classes (the Java 21 fallback) and by {@link LogContextIT} against the packaged jar, with
 * and without the fallback forced.
 */
abstract class LogContextContract {

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.context");

    /** The mechanism this run must be using. */
    abstract String expectedMechanism();

    @BeforeEach
    void start() {
        out = CapturedLog.start();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void theExpectedMechanismIsInUse() {
        assertEquals(expectedMechanism(), LogContext.mechanism());
    }

    @Test
    void everyLoggerInsideTheScopeCarriesTheFields() {
        LogContext.where("request_id", "r-1").where("user", 7).run(() -> {
            log.info("inside", "k", 1);
            Fastlog.logger("test.other").warn("other logger");
        });
        log.info("outside");
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("ts", "level", "logger", "msg", "request_id", "user", "k"), keys(lines.get(0)));
        assertEquals("r-1", lines.get(0).get("request_id").asText());
        assertEquals(7, lines.get(1).get("user").asInt());
        assertEquals(List.of("ts", "level", "logger", "msg"), keys(lines.get(2)));
    }

    @Test
    void nestedScopesAddAndShadowThenRestore() throws Exception {
        LogContext.where("a", 1).where("b", 2).run(() -> {
            LogContext.where("b", 20).where("c", 30).run(() -> log.info("inner"));
            log.info("outer again");
        });
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("ts", "level", "logger", "msg", "a", "b", "c"), keys(lines.get(0)));
        assertEquals(20, lines.get(0).get("b").asInt());
        assertEquals(List.of("ts", "level", "logger", "msg", "a", "b"), keys(lines.get(1)));
        assertEquals(2, lines.get(1).get("b").asInt());
    }

    @Test
    void callReturnsItsValueAndPropagatesCheckedExceptions() {
        String r = LogContext.where("x", 1).call(() -> {
            log.info("in call");
            return "result";
        });
        assertEquals("result", r);
        assertThrows(java.io.IOException.class, () -> LogContext.where("x", 1).call(() -> {
            throw new java.io.IOException("checked");
        }));
        log.info("after");
        List<JsonNode> lines = out.lines();
        assertTrue(lines.get(0).has("x"));
        assertFalse(lines.get(1).has("x"), "scope ended even though the op threw");
    }

    @Test
    void precedenceIsCallOverBoundOverScoped() {
        Logger bound = log.with("k", "bound").with("only_bound", 1);
        LogContext.where("k", "scoped").where("only_scoped", 2).run(() -> {
            bound.info("no call field");
            bound.info("call field", "k", "call");
        });
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("ts", "level", "logger", "msg", "only_scoped", "k", "only_bound"), keys(lines.get(0)));
        assertEquals("bound", lines.get(0).get("k").asText());
        assertEquals(List.of("ts", "level", "logger", "msg", "only_scoped", "only_bound", "k"), keys(lines.get(1)));
        assertEquals("call", lines.get(1).get("k").asText());
    }

    @Test
    void scopesDoNotLeakToOtherThreadsOrOutlive() throws Exception {
        LogContext.where("mine", true).run(() -> {
            Thread t = Thread.ofVirtual().start(() -> log.info("other thread"));
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            log.info("inside");
        });
        log.info("after the scope");
        Map<String, JsonNode> byMsg = new HashMap<>();
        for (JsonNode line : out.lines()) {
            assertNull(byMsg.put(line.get("msg").asText(), line), "logged once: " + line);
        }
        assertEquals(Set.of("other thread", "inside", "after the scope"), byMsg.keySet());
        assertFalse(byMsg.get("other thread").has("mine"), "the scope leaked to another thread");
        assertTrue(byMsg.get("inside").has("mine"), "the scope's own thread must carry it, or this test proves nothing");
        assertFalse(byMsg.get("after the scope").has("mine"), "the scope outlived run()");
    }

    @Test
    void valuesAreCapturedWhenTheScopeStarts() {
        StringBuilder mutable = new StringBuilder("before");
        LogContext.Scope scope = LogContext.where("v", mutable);
        scope.run(() -> {
            mutable.setLength(0);
            mutable.append("changed inside");
            log.info("m");
        });
        assertEquals("before", out.only().get("v").asText());
    }
}
