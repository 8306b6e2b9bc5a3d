package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.internal.context.ThreadFieldsStore;

/** Per-thread fields (the MDC model): what lines carry, precedence, and that no state stays behind. */
class ThreadFieldsTest {

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.fields");

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = CapturedLog.start();
    }

    @AfterEach
    void clear() {
        ThreadFields.clear();
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
    void everyEventOfTheThreadCarriesItsFieldsUntilRemoved() {
        ThreadFields.put("request_id", "r-1");
        ThreadFields.put("user", null);
        log.info("one");
        log.info("two", "status", 200);
        log.info("three", "a", 1, "b", 2, "c", 3, "d", 4);
        ThreadFields.remove("request_id");
        ThreadFields.remove("user");
        log.info("after");
        List<JsonNode> lines = out.lines();
        assertEquals(4, lines.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("r-1", lines.get(i).get("request_id").asText(), lines.get(i)::toString);
            assertTrue(lines.get(i).get("user").isNull());
        }
        assertEquals(List.of("ts", "level", "logger", "msg", "request_id", "user", "status"), keys(lines.get(1)));
        assertEquals(4, lines.get(2).get("d").asInt());
        assertFalse(lines.get(3).has("request_id"));
    }

    @Test
    void theCloserToTheCallTheHigherThePrecedence() {
        ThreadFields.put("k", "thread");
        ThreadFields.put("only_thread", "t");
        Logger bound = log.with("k", "bound").with("only_bound", "b");
        LogContext.where("k", "scoped").where("only_scoped", "s").run(() -> {
            bound.info("call wins", "k", "call");
            bound.info("bound wins");
            log.info("scoped wins");
        });
        log.info("thread field");
        List<JsonNode> lines = out.lines();
        assertEquals("call", lines.get(0).get("k").asText());
        assertEquals("bound", lines.get(1).get("k").asText());
        assertEquals("scoped", lines.get(2).get("k").asText());
        assertEquals("thread", lines.get(3).get("k").asText());
        JsonNode all = lines.get(0);
        assertEquals("t", all.get("only_thread").asText());
        assertEquals("s", all.get("only_scoped").asText());
        assertEquals("b", all.get("only_bound").asText());
        // Each key once, written where it was last given.
        assertEquals(List.of("ts", "level", "logger", "msg", "only_thread", "only_scoped", "only_bound", "k"),
                keys(all));
    }

    @Test
    void mapOperationsFollowTheMdcContract() {
        assertTrue(ThreadFields.isEmpty());
        assertNull(ThreadFields.copy(), "a thread without fields has no map at all");
        ThreadFields.put("a", "1");
        ThreadFields.put("b", "2");
        ThreadFields.put("a", "3"); // keeps its place
        assertEquals("3", ThreadFields.get("a"));
        assertEquals(List.of("a", "b"), new ArrayList<>(ThreadFields.copy().keySet()));
        Map<String, String> replacement = new LinkedHashMap<>();
        replacement.put("x", "9");
        replacement.put(null, "skipped");
        ThreadFields.replaceAll(replacement);
        assertEquals(Map.of("x", "9"), ThreadFields.copy());
        ThreadFields.replaceAll(Map.of());
        assertTrue(ThreadFields.isEmpty());
        assertNull(ThreadFields.get(null));
        ThreadFields.remove(null);
        ThreadFields.remove("absent");
        assertThrows(NullPointerException.class, () -> ThreadFields.put(null, "v"));
    }

    @Test
    void aRawMapWithAValueWhoseToStringThrowsNeverThrowsIntoTheCaller() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) Map.of("k", bad, "n", 42);
        ThreadFields.replaceAll(raw);
        assertTrue(ThreadFields.get("k").startsWith("<toString() threw java.lang.IllegalStateException"),
                ThreadFields.get("k"));
        assertEquals("42", ThreadFields.get("n"));
        log.info("raw");
        assertEquals("42", out.only().get("n").asText());
    }

    @Test
    void aThreadThatNeverUsesFieldsOrEmptiedThemKeepsNothing() throws Exception {
        int before = ThreadFieldsStore.threadsWithFields();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                if (n % 2 == 0) {
                    ThreadFields.put("request_id", "r-" + n);
                    log.info("with");
                    ThreadFields.remove("request_id");
                } else {
                    log.info("without");
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(before, ThreadFieldsStore.threadsWithFields(), "emptied fields leave no entry");
        List<JsonNode> lines = out.lines();
        assertEquals(200, lines.size());
        assertEquals(100, lines.stream().filter(l -> l.has("request_id")).count());
    }

    @Test
    void fieldsLeftOnAThreadThatEndedAreForgottenByTheWriter() throws Exception {
        int before = ThreadFieldsStore.threadsWithFields();
        Thread t = Thread.ofPlatform().start(() -> ThreadFields.put("leaked", "yes"));
        t.join();
        assertEquals(before + 1, ThreadFieldsStore.threadsWithFields());
        // The writer sweeps once a second while it runs passes: keep it busy until the entry goes.
        for (int i = 0; i < 300 && ThreadFieldsStore.threadsWithFields() > before; i++) {
            log.info("tick");
            Thread.sleep(20);
        }
        assertEquals(before, ThreadFieldsStore.threadsWithFields());
    }
}
