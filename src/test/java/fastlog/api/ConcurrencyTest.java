package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** Many threads at once: every event arrives exactly once, and each thread's events in order. */
class ConcurrencyTest {

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    /** A wedged pipeline would leave producers waiting for room for ever: the joins are bounded. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void platformAndVirtualThreadsKeepPerThreadOrderWithNothingLostOrDuplicated() throws Exception {
        // A small queue, so producers also wait for room (the blocking policy) along the way.
        CapturedLog out = CapturedLog.start(c -> c.queueCapacity(2_048));
        Logger log = Fastlog.logger("test.concurrency");
        int platformThreads = 8;
        int perPlatform = 20_000;
        int virtualThreads = 10_000;
        int perVirtual = 20;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < platformThreads; t++) {
            String name = "p" + t;
            threads.add(Thread.ofPlatform().daemon().unstarted(() -> run(log, go, name, perPlatform)));
        }
        for (int t = 0; t < virtualThreads; t++) {
            String name = "v" + t;
            threads.add(Thread.ofVirtual().unstarted(() -> run(log, go, name, perVirtual)));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        Map<String, Integer> next = new HashMap<>();
        List<JsonNode> lines = out.lines();
        for (JsonNode line : lines) {
            String thread = line.get("thread").asText();
            int seq = line.get("seq").asInt();
            int expected = next.getOrDefault(thread, 0);
            assertEquals(expected, seq, () -> "thread " + thread + " out of order or duplicated");
            next.put(thread, seq + 1);
        }
        assertEquals(platformThreads + virtualThreads, next.size());
        next.forEach((thread, count) ->
                assertEquals(thread.startsWith("p") ? perPlatform : perVirtual, count, thread));
        assertEquals(platformThreads * perPlatform + virtualThreads * perVirtual, lines.size());
        assertEquals(lines.size(), Fastlog.stats().eventsWritten());
        assertEquals(0, Fastlog.stats().eventsDropped());
    }

    private static void run(Logger log, CountDownLatch go, String name, int count) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        for (int i = 0; i < count; i++) {
            log.info("tick", "thread", name, "seq", i, "payload", "x".repeat(i % 7));
        }
    }
}
