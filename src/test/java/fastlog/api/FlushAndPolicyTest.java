package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** flush(), the full-queue policies, shutdown, and configuration rules. */
class FlushAndPolicyTest {

    private final Logger log = Fastlog.logger("test.flush");

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    /** An output that blocks every write until released, so the queue fills up. */
    static final class GatedOutput extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bytes.write(b, off, len);
        }
    }

    @Test
    void flushWritesEverythingLoggedBeforeIt() {
        CapturedLog out = CapturedLog.start();
        for (int round = 1; round <= 50; round++) {
            for (int i = 0; i < round; i++) {
                log.info("e", "round", round, "i", i);
            }
            // lines() flushes and then reads the output without waiting for anything else
            assertEquals(round * (round + 1) / 2, out.lines().size());
        }
    }

    /**
     * Each thread checks, right after its own flush() returns, that its event is in the output
     * (checking only at the end would pass even if flush() wrote nothing: lines() flushes too).
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void flushFromManyThreadsEachSeesItsOwnEvents() throws Exception {
        CapturedLog out = CapturedLog.start();
        Thread[] threads = new Thread[64];
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = Thread.ofVirtual().start(() -> {
                log.info("before flush", "t", id);
                Fastlog.flush();
                String line = "\"msg\":\"before flush\",\"t\":" + id + "}\n";
                if (!new String(out.bytes(), StandardCharsets.UTF_8).contains(line)) {
                    missing.add("thread " + id);
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), missing, "events not in the output when their thread's flush() returned");
        assertEquals(64, out.lines().size());
    }

    @Test
    void dropPolicyCountsDropsAndReportsThemInTheStream() throws Exception {
        GatedOutput gated = new GatedOutput();
        Fastlog.shutdown();
        Fastlog.configure().output(gated).queueCapacity(64).fullQueuePolicy(FullQueuePolicy.DROP).apply();
        int logged = 20_000;
        long dropped;
        try {
            for (int i = 0; i < logged; i++) {
                log.info("e", "i", i); // returns promptly even though nothing can be written
            }
            dropped = Fastlog.stats().eventsDropped();
            assertTrue(dropped > 0 && dropped < logged, "dropped " + dropped);
        } finally {
            gated.gate.countDown(); // also on a failure: a writer blocked for good would hang shutdown
        }
        Fastlog.flush();
        List<JsonNode> lines = CapturedLog.parse(gated.bytes.toByteArray());
        long written = lines.stream().filter(l -> l.get("logger").asText().equals("test.flush")).count();
        long reported = lines.stream().filter(l -> l.get("logger").asText().equals("fastlog"))
                .peek(l -> assertEquals("WARN", l.get("level").asText()))
                .mapToLong(l -> l.get("dropped").asLong()).sum();
        assertEquals(dropped, reported);
        assertEquals(logged, written + dropped);
        assertEquals(written, Fastlog.stats().eventsWritten());
    }

    @Test
    void blockPolicyMakesProducersWaitAndLosesNothing() throws Exception {
        GatedOutput gated = new GatedOutput();
        Fastlog.shutdown();
        Fastlog.configure().output(gated).queueCapacity(64).apply();
        int logged = 5_000;
        Thread producer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < logged; i++) {
                log.info("e", "i", i);
            }
        });
        try {
            assertTrue(!producer.join(java.time.Duration.ofMillis(300)), "producer should be waiting for room");
        } finally {
            gated.gate.countDown(); // also on a failure: a writer blocked for good would hang shutdown
        }
        assertTrue(producer.join(java.time.Duration.ofSeconds(30)), "the producer did not finish within 30 s");
        Fastlog.flush();
        List<JsonNode> lines = CapturedLog.parse(gated.bytes.toByteArray());
        assertEquals(logged, lines.size());
        for (int i = 0; i < logged; i++) {
            assertEquals(i, lines.get(i).get("i").asInt());
        }
        assertEquals(0, Fastlog.stats().eventsDropped());
    }

    @Test
    void eventsLoggedAfterShutdownAreWrittenSynchronously() {
        CapturedLog out = CapturedLog.start();
        log.info("before");
        Fastlog.shutdown();
        Fastlog.shutdown(); // idempotent
        log.info("after", "n", 1);
        List<JsonNode> lines = CapturedLog.parse(out.bytes());
        assertEquals(2, lines.size());
        assertEquals("after", lines.get(1).get("msg").asText());
    }

    @Test
    void configureIsRefusedWhileRunning() {
        CapturedLog.start();
        log.info("running");
        assertThrows(IllegalStateException.class, () -> Fastlog.configure().apply());
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().queueCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().fieldNames("a", "a", "b", "c"));
    }

    @Test
    void failingOutputIsCountedAndNeverThrows() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Fastlog.shutdown();
        Fastlog.configure().output(broken).apply();
        for (int i = 0; i < 1_000; i++) {
            log.info("e", "i", i);
        }
        Fastlog.flush();
        Stats s = Fastlog.stats();
        assertTrue(s.writeErrors() >= 1, s.toString());
        assertEquals(1_000, s.eventsLost());
        assertEquals(0, s.eventsWritten());
    }

    @Test
    void partlyFilledBatchesAreWrittenWithoutFlush() throws Exception {
        CapturedLog out = CapturedLog.start();
        log.info("lonely");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.bytes().length == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(1, CapturedLog.parse(out.bytes()).size());
    }

    @Test
    void statsReportCapacityAndDepth() {
        CapturedLog.start(c -> c.queueCapacity(10_000));
        Stats s = Fastlog.stats();
        assertTrue(s.queueCapacity() >= 10_000, s.toString());
        assertEquals(0, s.queueDepth());
    }
}
