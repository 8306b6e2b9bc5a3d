package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.FullQueuePolicy;
import fastlog.api.Level;
import fastlog.api.Logger;
import fastlog.api.Stats;

/**
 * Logging from inside logging while the queue is full (a tiny queue in front of an output that
 * blocks until the test opens it): a toString() that logs, on the caller's thread, and a
 * getMessage() that logs, on fastlog's writer thread. Nothing deadlocks: every wait is bounded
 * by a generous 60 s join, and every event is accounted for. Also: a producer with its interrupt
 * flag set still waits for room, loses nothing, and keeps its flag.
 */
class ReentrancyTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private final Logger log = Fastlog.logger("reliability.reentrant");
    private CapturedOutput out;

    @BeforeEach
    void level() {
        Fastlog.setLevel(Level.INFO);
    }

    @AfterEach
    void openTheGate() {
        if (out != null) {
            out.open(); // never leave fastlog's writer blocked for the next test
        }
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    /** A value whose toString() logs an "inner" event (on the thread that captures it). */
    private final class LogsInToString {
        final int i;

        LogsInToString(int i) {
            this.i = i;
        }

        @Override
        public String toString() {
            log.info("inner", "i", i);
            return "value " + i;
        }
    }

    @ParameterizedTest(name = "{0} thread")
    @ValueSource(strings = {"platform", "virtual"})
    void toStringThatLogsWhileTheQueueIsFullDoesNotDeadlock(String kind) throws Exception {
        out = CapturedOutput.install(true, c -> c.queueCapacity(16));
        int n = OVER_ONE_WRITE / 2; // each iteration logs two lines
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = (kind.equals("virtual") ? Thread.ofVirtual() : Thread.ofPlatform()).unstarted(() -> {
            for (int i = 0; i < n; i++) {
                log.info("outer", "i", i, "v", new LogsInToString(i));
            }
        });
        producer.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        producer.start();
        awaitWaiting(producer, "the producer should be waiting for room: the output is blocked");
        out.open();
        join(producer);
        assertEquals(null, failure.get());
        List<JsonNode> lines = out.lines();
        assertEquals(2 * n, lines.size());
        for (int i = 0; i < n; i++) {
            JsonNode inner = lines.get(2 * i);
            JsonNode outer = lines.get(2 * i + 1);
            assertEquals("inner", inner.get("msg").asText(), "toString() ran, and logged, before the outer call claimed room");
            assertEquals(i, inner.get("i").asInt());
            assertEquals("outer", outer.get("msg").asText());
            assertEquals("value " + i, outer.get("v").asText());
        }
        assertEquals(0, Fastlog.stats().eventsDropped());
    }

    @Test
    void toStringThatLogsUnderDropPolicyReturnsAtOnce() throws Exception {
        out = CapturedOutput.install(true, c -> c.queueCapacity(16).fullQueuePolicy(FullQueuePolicy.DROP));
        int n = 2_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < n; i++) {
                log.info("outer", "i", i, "v", new LogsInToString(i));
            }
        });
        join(producer); // while the output is still blocked
        out.open();
        List<JsonNode> lines = out.lines();
        long events = lines.stream().filter(l -> l.get("logger").asText().equals(log.name())).count();
        long reported = lines.stream().filter(l -> l.get("logger").asText().equals("fastlog"))
                .mapToLong(l -> l.get("dropped").asLong()).sum();
        Stats s = Fastlog.stats();
        assertAll(
                () -> assertTrue(s.eventsDropped() > 0),
                () -> assertEquals(2L * n, events + s.eventsDropped(), "written + dropped = logged"),
                () -> assertEquals(s.eventsDropped(), reported, "every drop is reported in the stream"));
    }

    /** getMessage() runs on the writer thread, while it renders; this one logs 1,000 events. */
    @SuppressWarnings("serial")
    static final class LoggingMessage extends RuntimeException {
        final Logger log;
        final int events;
        final AtomicBoolean called = new AtomicBoolean();

        LoggingMessage(Logger log, int events) {
            this.log = log;
            this.events = events;
        }

        @Override
        public String getMessage() {
            if (called.compareAndSet(false, true)) {
                for (int i = 0; i < events; i++) {
                    log.info("from getMessage", "i", i);
                }
            }
            return "logged " + events + " events";
        }
    }

    @Test
    void getMessageThatLogsWhileTheQueueIsFullNeverWaitsForItself() throws Exception {
        out = CapturedOutput.install(true, c -> c.queueCapacity(16));
        int n = 1_000;
        LoggingMessage e = new LoggingMessage(log, n);
        Thread producer = Thread.ofPlatform().start(() -> {
            log.error("boom", e);
            for (int i = 0; i < OVER_ONE_WRITE; i++) {
                log.info("filler", "i", i); // keeps the queue full while the writer renders
            }
        });
        awaitWaiting(producer, "the producer should be waiting for room: the output is blocked");
        out.open();
        join(producer);
        Thread flusher = Thread.ofPlatform().start(() -> {
            Fastlog.flush();
            Fastlog.flush(); // the second writes what getMessage() staged during the first
        });
        join(flusher);
        List<JsonNode> lines = out.lines();
        long fromGetMessage = lines.stream().filter(l -> l.get("msg").asText().equals("from getMessage")).count();
        long fillers = lines.stream().filter(l -> l.get("msg").asText().equals("filler")).count();
        long reported = lines.stream().filter(l -> l.get("logger").asText().equals("fastlog"))
                .mapToLong(l -> l.get("dropped").asLong()).sum();
        Stats s = Fastlog.stats();
        assertAll(
                () -> assertTrue(e.called.get(), "the writer rendered the exception"),
                () -> assertEquals(OVER_ONE_WRITE, fillers),
                () -> assertTrue(lines.stream().anyMatch(l -> l.get("msg").asText().equals("boom")
                        && l.get("exception").get("message").asText().equals("logged 1000 events"))),
                () -> assertEquals(n, fromGetMessage + s.eventsDropped(),
                        "events logged by the writer itself are written or counted as dropped"),
                () -> assertEquals(s.eventsDropped(), reported, "and the drops are reported in the stream"));
    }

    @Test
    void interruptedProducerStillWaitsLosesNothingAndKeepsItsInterrupt() throws Exception {
        out = CapturedOutput.install(true, c -> c.queueCapacity(16));
        int n = OVER_ONE_WRITE;
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread producer = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            for (int i = 0; i < n; i++) {
                log.info("e", "i", i);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(300);
        assertTrue(producer.isAlive(), "an interrupted producer still waits for room (BLOCK loses nothing)");
        out.open();
        join(producer);
        List<JsonNode> lines = out.lines();
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, lines.get(i).get("i").asInt());
        }
        assertTrue(stillInterrupted.get(), "fastlog does not swallow the caller's interrupt");
    }

    /**
     * README: under BLOCK "a virtual thread parks ...; a platform thread parks". With its
     * interrupt flag set, LockSupport.park returns at once, so a wait loop that does not clear
     * (and later restore) the flag spins on a core (or, for a virtual thread, on a carrier).
     * Sampled thread state tells the two apart regardless of machine load: a parked thread shows
     * WAITING/TIMED_WAITING even while queued for a CPU; a spinning one shows RUNNABLE.
     */
    @ParameterizedTest(name = "{0} thread")
    @ValueSource(strings = {"platform", "virtual"})
    void interruptedProducerWaitingForRoomParksInsteadOfSpinning(String kind) throws Exception {
        out = CapturedOutput.install(true, c -> c.queueCapacity(16));
        Thread producer = (kind.equals("virtual") ? Thread.ofVirtual() : Thread.ofPlatform()).start(() -> {
            Thread.currentThread().interrupt();
            for (int i = 0; i < OVER_ONE_WRITE; i++) {
                log.info("e", "i", i);
            }
        });
        Thread.sleep(300);
        int samples = 200;
        int parked = 0;
        for (int i = 0; i < samples && producer.isAlive(); i++) {
            Thread.State s = producer.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                parked++;
            }
            Thread.sleep(2);
        }
        boolean wasWaiting = producer.isAlive();
        out.open();
        join(producer);
        assertTrue(wasWaiting, "the producer should have been waiting for room");
        assertTrue(parked >= samples / 2, "an interrupted producer waiting for room was parked in only " + parked
                + " of " + samples + " samples: it spins (RUNNABLE) instead of parking");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Events enough for more than the writer's 1 MiB write threshold: with the output blocked, the
     * writer is stuck in a write before the producer is done, however fast it renders, so the
     * producer must wait for room. With a few hundred events a writer that kept up let the producer
     * finish without ever waiting, and the tests that expect it to wait failed now and then.
     */
    private static final int OVER_ONE_WRITE = 20_000;

    private static void join(Thread t) throws InterruptedException {
        if (!t.join(GENEROUS)) {
            StringBuilder sb = new StringBuilder();
            for (StackTraceElement f : t.getStackTrace()) {
                sb.append("\n\tat ").append(f);
            }
            fail("deadlock: " + t + " did not finish within " + GENEROUS + ", state " + t.getState() + sb);
        }
    }

    /** Waits until {@code t} is parked (waiting for room), at most 30 s. */
    private static void awaitWaiting(Thread t, String message) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (;;) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                Thread.sleep(100); // and stays there
                if (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING) {
                    return;
                }
            }
            assertFalse(t.getState() == Thread.State.TERMINATED, message);
            if (System.nanoTime() - deadline > 0) {
                fail(message + " (state " + t.getState() + ")");
            }
            Thread.sleep(10);
        }
    }
}
