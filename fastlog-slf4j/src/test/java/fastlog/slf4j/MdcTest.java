package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.ThreadFields;

/** SLF4J's MDC contract over fastlog's per-thread fields, and MDC fields on every event of the thread. */
@Timeout(60) // every test waits for the writer (flush)
class MdcTest {

    private final Logger log = LoggerFactory.getLogger("test.slf4j.mdc");
    private final fastlog.api.Logger native_ = Fastlog.logger("test.fastlog.mdc");
    private final MDCAdapter adapter = MDC.getMDCAdapter();
    private Captured out;

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        MDC.clear();
        out = Captured.start();
    }

    @AfterEach
    void clear() {
        MDC.clear();
        while (adapter.popByKey("stack") != null) {
            // empty
        }
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void putGetRemoveClear() {
        assertNull(MDC.get("a"));
        assertNull(MDC.getCopyOfContextMap(), "a thread without entries has no map (as Logback)");
        MDC.put("a", "1");
        MDC.put("b", "2");
        MDC.put("a", "3"); // keeps its place
        MDC.put("n", null);
        assertEquals("3", MDC.get("a"));
        assertNull(MDC.get("n"));
        assertNull(MDC.get("missing"));
        Map<String, String> copy = MDC.getCopyOfContextMap();
        assertEquals(List.of("a", "b", "n"), new ArrayList<>(copy.keySet()));
        copy.put("c", "changed copy");
        assertNull(MDC.get("c"), "the copy is a copy");
        MDC.remove("b");
        MDC.remove("missing");
        assertEquals(new HashMap<>(Map.of("a", "3")), withoutNulls(MDC.getCopyOfContextMap()));
        MDC.clear();
        assertNull(MDC.getCopyOfContextMap());
        assertTrue(ThreadFields.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> MDC.put(null, "x")); // SLF4J's own check
        assertThrows(IllegalArgumentException.class, () -> adapter.put(null, "x"));
        assertNull(adapter.get(null));
        adapter.remove(null);
    }

    private static Map<String, String> withoutNulls(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void setContextMap() {
        MDC.put("old", "x");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("z", "1");
        m.put("a", "2");
        m.put(null, "skipped");
        MDC.setContextMap(m);
        assertEquals(List.of("z", "a"), new ArrayList<>(MDC.getCopyOfContextMap().keySet()));
        assertNull(MDC.get("old"));
        m.put("z", "changed");
        assertEquals("1", MDC.get("z"), "setContextMap copies");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) Map.of("n", 42);
        MDC.setContextMap(raw);
        assertEquals("42", MDC.get("n"));
        MDC.setContextMap(Map.of());
        assertNull(MDC.getCopyOfContextMap());
        MDC.put("x", "y");
        MDC.setContextMap(null);
        assertNull(MDC.getCopyOfContextMap());
        assertTrue(ThreadFields.isEmpty());
    }

    @Test
    void putCloseable() {
        try (MDC.MDCCloseable c = MDC.putCloseable("request_id", "r-1")) {
            log.info("inside");
        }
        log.info("outside");
        List<JsonNode> lines = out.lines();
        assertEquals("r-1", lines.get(0).get("request_id").asText());
        assertFalse(lines.get(1).has("request_id"));
        assertTrue(ThreadFields.isEmpty());
    }

    @Test
    void mdcFieldsAreOnSlf4jAndFastlogEvents() {
        MDC.put("request_id", "r-7f3a");
        MDC.put("tenant", "acme");
        log.info("via slf4j {}", 1);
        log.atInfo().addKeyValue("status", 200).log("fluent");
        native_.info("via fastlog.api", "status", 200);
        MDC.remove("tenant");
        native_.info("after remove");
        List<JsonNode> lines = out.lines();
        assertEquals(4, lines.size());
        for (JsonNode line : lines.subList(0, 3)) {
            assertEquals("r-7f3a", line.get("request_id").asText(), line::toString);
            assertEquals("acme", line.get("tenant").asText(), line::toString);
            assertEquals(List.of("request_id", "tenant"), Captured.fieldKeys(line).subList(0, 2), "MDC fields come first");
        }
        assertEquals(List.of("request_id"), Captured.fieldKeys(lines.get(3)));
    }

    @Test
    @Timeout(30)
    void perThreadAndNotInherited() throws Exception {
        MDC.put("owner", "main");
        AtomicReference<String> seen = new AtomicReference<>("unset");
        Thread t = Thread.ofVirtual().start(() -> {
            seen.set(MDC.get("owner"));
            MDC.put("owner", "child");
            log.info("child");
        });
        t.join();
        log.info("parent");
        assertNull(seen.get());
        assertEquals("main", MDC.get("owner"));
        Map<String, String> owners = new HashMap<>();
        out.lines().forEach(l -> owners.put(l.get("msg").asText(), l.get("owner").asText()));
        assertEquals(Map.of("child", "child", "parent", "main"), owners);
    }

    /** Many virtual threads changing their MDC while logging: every line carries its own thread's entries. */
    @Test
    @Timeout(60)
    void noCrossTalkBetweenThreads() throws Exception {
        int threads = 200;
        int events = 50;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String id = "t" + t;
            started.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < events; i++) {
                    MDC.put("thread", id);
                    MDC.put("seq", Integer.toString(i));
                    log.info("{} {}", id, i);
                    if (i % 3 == 0) {
                        MDC.clear(); // empty again: the thread drops its state, then puts anew
                    }
                    Thread.yield();
                }
                MDC.clear();
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        List<JsonNode> lines = out.lines();
        assertEquals(threads * events, lines.size());
        Map<String, Integer> next = new HashMap<>();
        for (JsonNode line : lines) {
            String[] msg = line.get("msg").asText().split(" ");
            assertEquals(msg[0], line.get("thread").asText(), line::toString);
            assertEquals(msg[1], line.get("seq").asText(), line::toString);
            int seq = Integer.parseInt(msg[1]);
            assertEquals(next.getOrDefault(msg[0], 0), seq, "per-thread order");
            next.put(msg[0], seq + 1);
        }
    }

    @Test
    void deques() {
        assertNull(adapter.popByKey("stack"));
        assertNull(adapter.getCopyOfDequeByKey("stack"));
        adapter.pushByKey("stack", "a");
        adapter.pushByKey("stack", "b");
        adapter.pushByKey("stack", null);
        adapter.pushByKey("other", "o");
        adapter.pushByKey(null, "ignored");
        Deque<String> copy = adapter.getCopyOfDequeByKey("stack");
        assertEquals(3, copy.size());
        assertNull(copy.peekFirst(), "top first");
        assertEquals("a", copy.peekLast());
        copy.clear();
        assertEquals(3, adapter.getCopyOfDequeByKey("stack").size(), "a copy");
        assertEquals(1, FastlogMDCAdapter.threadsWithDeques());
        log.info("deques are not written");
        assertNull(adapter.popByKey("stack"));
        assertEquals("b", adapter.popByKey("stack"));
        assertEquals(new ArrayDeque<>(List.of("a")).toString(), adapter.getCopyOfDequeByKey("stack").toString());
        MDC.clear(); // the entries, not the deques (as Logback)
        assertEquals("a", adapter.popByKey("stack"));
        assertNull(adapter.popByKey("stack"));
        assertNull(adapter.getCopyOfDequeByKey("stack"));
        assertEquals(1, FastlogMDCAdapter.threadsWithDeques(), "'other' is still there");
        adapter.clearDequeByKey("other");
        adapter.clearDequeByKey("never");
        adapter.clearDequeByKey(null);
        assertNull(adapter.popByKey(null));
        assertNull(adapter.getCopyOfDequeByKey(null));
        assertEquals(0, FastlogMDCAdapter.threadsWithDeques(), "an emptied thread keeps no deque state");
        JsonNode line = out.only();
        assertEquals(List.of(), Captured.fieldKeys(line));
    }

    @Test
    @Timeout(30)
    void dequesOfEndedThreadsAreSwept() throws Exception {
        assertEquals(0, FastlogMDCAdapter.threadsWithDeques());
        Thread t = Thread.ofVirtual().start(() -> adapter.pushByKey("stack", "left behind"));
        t.join();
        assertEquals(1, FastlogMDCAdapter.threadsWithDeques());
        FastlogMDCAdapter.sweepDeadThreads();
        assertEquals(0, FastlogMDCAdapter.threadsWithDeques());
    }

    /**
     * A thread that never touches the MDC, and one whose MDC became empty, keep no state: no MDC
     * entry in fastlog's registry, no deque state, and no ThreadLocal map at all (the field
     * {@code Thread.threadLocals} stays null, read while the threads are alive and parked).
     */
    @Test
    @Timeout(30)
    void threadsKeepNoStateAfterTheirMdcBecameEmpty() throws Exception {
        CountDownLatch logged = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        Runnable never = () -> {
            log.info("never touched the MDC {}", 1);
            await(logged, release);
        };
        Runnable putRemove = () -> {
            MDC.put("request_id", "r-1");
            log.info("with MDC {}", 2);
            log.atInfo().addKeyValue("k", 1).log("fluent");
            MDC.remove("request_id");
            await(logged, release);
        };
        Runnable pushPop = () -> {
            adapter.pushByKey("stack", "x");
            MDC.setContextMap(Map.of("a", "b"));
            MDC.clear();
            adapter.popByKey("stack");
            await(logged, release);
        };
        List<Thread> threads = List.of(Thread.ofVirtual().start(never), Thread.ofVirtual().start(putRemove),
                Thread.ofPlatform().start(pushPop));
        assertTrue(logged.await(20, TimeUnit.SECONDS));
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            assertNull(ThreadLocals.of(t), () -> t + " has a ThreadLocal map");
        }
        assertEquals(0, FastlogMDCAdapter.threadsWithDeques());
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        List<JsonNode> lines = out.lines();
        assertEquals(3, lines.size());
        assertEquals(2, lines.stream().filter(l -> l.has("request_id")).count());
    }

    private static void await(CountDownLatch logged, CountDownLatch release) {
        logged.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
