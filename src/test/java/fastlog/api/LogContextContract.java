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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.internal.context.ContextSlots;

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

    @Test
    void aScopeHoldsItsThreadsSlotAndFreesItEvenWhenTheOpThrows() throws Exception {
        AtomicLong heldInside = new AtomicLong(-1);
        AtomicLong heldInNested = new AtomicLong(-1);
        AtomicLong heldAfter = new AtomicLong(-1);
        AtomicLong id = new AtomicLong();
        Thread t = Thread.ofVirtual().start(() -> {
            id.set(Thread.currentThread().threadId());
            int slot = ContextSlots.SHARED.slot(id.get());
            try {
                LogContext.where("a", 1).run(() -> {
                    heldInside.set(ContextSlots.SHARED.holder(slot));
                    LogContext.where("b", 2).run(() -> {
                        heldInNested.set(ContextSlots.SHARED.holder(slot));
                        log.info("nested");
                        throw new IllegalStateException("thrown inside both scopes");
                    });
                });
            } catch (IllegalStateException expected) {
                heldAfter.set(ContextSlots.SHARED.holder(slot));
                log.info("after");
            }
        });
        t.join();
        assertEquals(id.get(), heldInside.get(), "the thread holds its (free) slot inside its scope");
        assertEquals(id.get(), heldInNested.get(), "a nested scope keeps the slot");
        assertEquals(0, heldAfter.get(), "the slot is free once the scope has thrown");
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("ts", "level", "logger", "msg", "a", "b"), keys(lines.get(0)));
        assertEquals(List.of("ts", "level", "logger", "msg"), keys(lines.get(1)));
    }

    /**
     * A thread whose context slot another thread holds (found among fresh virtual threads by
     * thread id) keeps its fields through the mechanism alone, nested scopes included, and
     * neither thread sees the other's.
     */
    @Test
    void aThreadWhoseSlotIsHeldByAnotherCarriesOnlyItsOwnFields() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> LogContext.where("who", "holder").run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            log.info("holder inside");
        }));
        holding.await();
        int slot = ContextSlots.SHARED.slot(holder.threadId());
        assertEquals(holder.threadId(), ContextSlots.SHARED.holder(slot), "the holder must hold its slot, or this test proves nothing");

        AtomicReference<Thread> colliding = new AtomicReference<>();
        AtomicLong slotHolderDuringScope = new AtomicLong(-1);
        for (int tries = 0; colliding.get() == null; tries++) {
            assertTrue(tries < 200 * ContextSlots.SHARED.slots(), "no thread id fell on the holder's slot");
            Thread t = Thread.ofVirtual().start(() -> {
                if (ContextSlots.SHARED.slot(Thread.currentThread().threadId()) != slot) {
                    return;
                }
                colliding.set(Thread.currentThread());
                log.info("colliding before");
                LogContext.where("who", "colliding").where("n", 1).run(() -> {
                    slotHolderDuringScope.set(ContextSlots.SHARED.holder(slot));
                    log.info("colliding outer");
                    LogContext.where("n", 2).run(() -> log.info("colliding inner"));
                    log.info("colliding outer again");
                });
                log.info("colliding after");
            });
            t.join();
        }
        release.countDown();
        holder.join();
        assertEquals(holder.threadId(), slotHolderDuringScope.get(), "the slot was the holder's while the colliding thread was in its scope");

        Map<String, JsonNode> byMsg = new HashMap<>();
        for (JsonNode line : out.lines()) {
            assertNull(byMsg.put(line.get("msg").asText(), line), "logged once: " + line);
        }
        assertEquals(List.of("ts", "level", "logger", "msg"), keys(byMsg.get("colliding before")));
        assertEquals("colliding", byMsg.get("colliding outer").get("who").asText());
        assertEquals(1, byMsg.get("colliding outer").get("n").asInt());
        assertEquals(2, byMsg.get("colliding inner").get("n").asInt());
        assertEquals("colliding", byMsg.get("colliding inner").get("who").asText());
        assertEquals(1, byMsg.get("colliding outer again").get("n").asInt());
        assertEquals(List.of("ts", "level", "logger", "msg"), keys(byMsg.get("colliding after")));
        assertEquals(List.of("ts", "level", "logger", "msg", "who"), keys(byMsg.get("holder inside")));
        assertEquals("holder", byMsg.get("holder inside").get("who").asText());
    }
}
