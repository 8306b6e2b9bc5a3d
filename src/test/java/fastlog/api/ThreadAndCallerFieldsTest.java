package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The optional per-event fields: the logging thread's name and the caller's location. */
class ThreadAndCallerFieldsTest {

    private final Logger log = Fastlog.logger("test.ambient");

    @BeforeEach
    void level() {
        Fastlog.setLevel(Level.INFO);
    }

    @AfterEach
    void stopEach() {
        Fastlog.shutdown();
        System.clearProperty("fastlog.threadName");
        System.clearProperty("fastlog.callerLocation");
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    /** The line number of the statement after the one that calls this. */
    private static int nextLine() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber() + 1;
    }

    @Test
    void bothAreOffByDefault() {
        CapturedLog out = CapturedLog.start();
        log.info("plain", "thread", "mine", "caller", "me");
        JsonNode line = out.only();
        assertEquals("mine", line.path("thread").asText());
        assertEquals("me", line.path("caller").asText());
        assertFalse(line.has("_thread") || line.has("_caller"), line::toString);
    }

    @Test
    void threadNameIsTheLoggingThreadsAndAnUnnamedThreadShowsItsId() throws Exception {
        CapturedLog out = CapturedLog.start(c -> c.threadName(true));
        log.info("here");
        Thread named = Thread.ofPlatform().name("worker-7").start(() -> log.info("named", "k", 1));
        named.join();
        Thread unnamed = Thread.ofVirtual().start(() -> log.info("unnamed"));
        unnamed.join();
        Thread namedVirtual = Thread.ofVirtual().name("vt-9").start(() -> log.info("named virtual", "a", "b", "c", "d"));
        namedVirtual.join();
        // Lines of different threads come from different stripes: find each by its message, not its place.
        java.util.Map<String, JsonNode> byMsg = new java.util.HashMap<>();
        for (JsonNode l : out.lines()) {
            byMsg.put(l.path("msg").asText(), l);
        }
        assertEquals(4, byMsg.size(), byMsg::toString);
        assertEquals(Thread.currentThread().getName(), byMsg.get("here").path("thread").asText());
        assertEquals("worker-7", byMsg.get("named").path("thread").asText());
        assertEquals("#" + unnamed.threadId(), byMsg.get("unnamed").path("thread").asText());
        assertEquals("vt-9", byMsg.get("named virtual").path("thread").asText());
        assertEquals(List.of("ts", "level", "logger", "msg", "thread", "k"), fieldNames(byMsg.get("named")));
    }

    @Test
    void aUserKeyNamedThreadIsRenamedWhenThreadNamesAreOn() {
        CapturedLog out = CapturedLog.start(c -> c.threadName(true).callerLocation(true));
        log.with("caller", "bound").info("collide", "thread", "mine");
        JsonNode line = out.only(); // no duplicate keys
        assertEquals(Thread.currentThread().getName(), line.path("thread").asText());
        assertEquals("mine", line.path("_thread").asText());
        assertEquals("bound", line.path("_caller").asText());
        assertTrue(line.path("caller").isObject(), line::toString);
    }

    @Test
    void callerLocationIsTheLineThatLogged() {
        CapturedLog out = CapturedLog.start(c -> c.callerLocation(true));
        int first = nextLine();
        log.info("typed", "a", 1);
        int second = nextLine();
        log.info("pairs", "a", 1, "b", 2, "c", 3, "d", 4);
        int third = nextLine();
        log.logPattern(Level.WARN, MessageSyntax.SLF4J, "pattern {}", "x", null);
        int fourth = nextLine();
        log.log(Level.ERROR, "by level");
        List<JsonNode> lines = out.lines();
        int[] expected = {first, second, third, fourth};
        for (int i = 0; i < expected.length; i++) {
            JsonNode caller = lines.get(i).path("caller");
            assertEquals(ThreadAndCallerFieldsTest.class.getName(), caller.path("class").asText(), caller::toString);
            assertEquals("callerLocationIsTheLineThatLogged", caller.path("method").asText());
            assertEquals("ThreadAndCallerFieldsTest.java", caller.path("file").asText());
            assertEquals(expected[i], caller.path("line").asInt(), caller::toString);
        }
        assertEquals(List.of("ts", "level", "logger", "msg", "caller", "a"), fieldNames(lines.get(0)));
    }

    @Test
    void callerLocationFromALambdaOnAVirtualThreadNamesTheLambda() throws Exception {
        CapturedLog out = CapturedLog.start(c -> c.callerLocation(true).threadName(true));
        int[] line = new int[1];
        Thread t = Thread.ofVirtual().start(() -> {
            line[0] = nextLine();
            log.info("from a lambda");
        });
        t.join();
        JsonNode event = out.only();
        assertEquals(ThreadAndCallerFieldsTest.class.getName(), event.path("caller").path("class").asText());
        assertTrue(event.path("caller").path("method").asText().startsWith("lambda$"), event::toString);
        assertEquals(line[0], event.path("caller").path("line").asInt());
        assertEquals("#" + t.threadId(), event.path("thread").asText());
        assertEquals(List.of("ts", "level", "logger", "msg", "thread", "caller"), fieldNames(event));
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
