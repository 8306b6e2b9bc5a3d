package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.LogContext;

/**
 * One precedence rule for every source of fields: call > bound ({@code with}) > scoped
 * ({@code LogContext}) > MDC. A line never holds a key twice; the winner is written where it was
 * last given; reserved keys are never overwritten.
 */
@Timeout(60) // every test waits for the writer (flush)
class PrecedenceTest {

    private final Logger slf4j = LoggerFactory.getLogger("test.slf4j.precedence");
    private final fastlog.api.Logger fl = Fastlog.logger("test.fastlog.precedence");
    private Captured out;

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = Captured.start();
    }

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void callOverBoundOverScopedOverMdc() {
        MDC.put("k", "mdc");
        MDC.put("only_mdc", "m");
        LogContext.where("k", "scoped").where("only_scoped", "s").run(() -> {
            fastlog.api.Logger bound = fl.with("k", "bound").with("only_bound", "b");
            bound.info("fastlog call", "k", "call");
            bound.info("fastlog bound");
            fl.info("fastlog scoped");
            slf4j.atInfo().addKeyValue("k", "call").log("slf4j call");
            slf4j.info("slf4j scoped {}", 1);
        });
        fl.info("fastlog mdc");
        slf4j.info("slf4j mdc");
        Map<String, JsonNode> byMsg = new HashMap<>();
        for (JsonNode line : out.lines()) {
            byMsg.put(line.get("msg").asText(), line);
        }
        assertEquals(7, byMsg.size());
        Map<String, String> expected = Map.of("fastlog call", "call", "fastlog bound", "bound",
                "fastlog scoped", "scoped", "slf4j call", "call", "slf4j scoped 1", "scoped",
                "fastlog mdc", "mdc", "slf4j mdc", "mdc");
        expected.forEach((msg, k) -> assertEquals(k, byMsg.get(msg).get("k").asText(), msg));
        // written where it was last given: MDC first, then scoped, bound, call
        assertEquals(List.of("only_mdc", "only_scoped", "only_bound", "k"), Captured.fieldKeys(byMsg.get("fastlog call")));
        assertEquals(List.of("only_mdc", "only_scoped", "k", "only_bound"), Captured.fieldKeys(byMsg.get("fastlog bound")));
        assertEquals(List.of("only_mdc", "only_scoped", "k"), Captured.fieldKeys(byMsg.get("slf4j call")));
        assertEquals(List.of("only_mdc", "k", "only_scoped"), Captured.fieldKeys(byMsg.get("slf4j scoped 1")));
        assertEquals(List.of("k", "only_mdc"), Captured.fieldKeys(byMsg.get("slf4j mdc")));
    }

    @Test
    void reservedKeysAreNeverOverwritten() {
        MDC.put("msg", "from mdc");
        MDC.put("level", "from mdc");
        slf4j.atWarn().addKeyValue("logger", "from call").addKeyValue("ts", 1).log("real message");
        JsonNode line = out.only();
        assertEquals("real message", line.get("msg").asText());
        assertEquals("WARN", line.get("level").asText());
        assertEquals("test.slf4j.precedence", line.get("logger").asText());
        assertEquals("from mdc", line.get("_msg").asText());
        assertEquals("from mdc", line.get("_level").asText());
        assertEquals("from call", line.get("_logger").asText());
        assertEquals(1, line.get("_ts").asInt());
    }
}
