package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.Logger;

/**
 * TIME_WINDOW: every event written between the test's start and end, from any thread; nothing
 * from before it started. Isolated, as the mode asks: with other tests running it would see
 * theirs too ({@link #aWindowBesideAParallelTestSeesItsEventsAndSaysSo} shows that, and the note
 * in the failure message). Its own tests run one after the other (SAME_THREAD) for the same reason.
 */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
@CaptureLogs(CaptureMode.TIME_WINDOW)
class TimeWindowTest {

    private static final Logger log = Fastlog.logger("window.Job");

    @BeforeAll
    static void beforeTheWindow() throws Exception {
        Thread.ofPlatform().start(() -> log.info("before the window")).join();
    }

    @BeforeEach
    void inTheWindow() {
        log.info("before each");
    }

    @Test
    void seesEventsOfEveryThread(CapturedLogs logs) throws Exception {
        assertEquals(CaptureMode.TIME_WINDOW, logs.mode());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> log.warn("from a pool thread", "n", 1)).get();
        } finally {
            pool.shutdown();
        }
        Thread.ofVirtual().start(() -> log.info("from a plain virtual thread")).join();
        log.info("from the test");
        // Across threads, events are in fastlog's output order, not necessarily the order of the calls.
        assertEquals(List.of("before each", "from a plain virtual thread", "from a pool thread", "from the test"),
                logs.messages().stream().sorted().toList());
        logs.assertThat().containsMessagesInOrder("before each", "from the test"); // one thread: in order
        logs.assertThat().hasEvent(Level.WARN, "from a pool thread").withField("n", 1);
        assertTrue(logs.events().stream().noneMatch(e -> e.hasField(CaptureHub.TEST_ID_KEY)));
    }

    @Test
    void aWindowBesideAParallelTestSeesItsEventsAndSaysSo() {
        var results = Kit.run(Overlap.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));
        assertEquals(List.of(), Kit.failures(results));
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @KitOnly
    static class Overlap {

        static final CyclicBarrier bothRunning = new CyclicBarrier(2);
        static final CyclicBarrier scopedLogged = new CyclicBarrier(2);

        @Test
        @CaptureLogs
        void scoped(CapturedLogs logs) throws Exception {
            await(bothRunning);
            log.info("from the scoped test");
            await(scopedLogged);
            assertEquals(List.of("from the scoped test"), logs.messages());
        }

        @Test
        @CaptureLogs(CaptureMode.TIME_WINDOW)
        void window(CapturedLogs logs) throws Exception {
            await(bothRunning);
            await(scopedLogged);
            logs.assertThat().hasEvent("from the scoped test");
            AssertionError e = assertThrows(AssertionError.class, () -> logs.assertThat().hasEvent("not logged"));
            assertTrue(e.getMessage().contains("Note: in TIME_WINDOW mode these tests ran at the same time and their "
                    + "events may be here: Overlap.scoped(CapturedLogs)"), e.getMessage());
        }

        private static void await(CyclicBarrier b) throws InterruptedException, BrokenBarrierException, TimeoutException {
            b.await(20, TimeUnit.SECONDS);
        }
    }
}
