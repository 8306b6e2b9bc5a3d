package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * The promise of TEST_SCOPE, both halves: what runs in the test's scope is captured (its thread,
 * tasks wrapped with inScope, virtual threads among them, every kind of test method), and what
 * runs outside it (plain threads, executors, @BeforeAll) is not.
 */
@CaptureLogs
class ScopeBoundaryTest {

    private static final Logger log = Fastlog.logger("scope.Boundary");
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
        log.info("before all");   // outside every test's scope: nobody's
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void eventsOfThreadsOutsideTheScopeAreNotCaptured(CapturedLogs logs) throws Exception {
        log.info("mine");
        Thread platform = Thread.ofPlatform().start(() -> log.info("plain platform thread"));
        Thread virtual = Thread.ofVirtual().start(() -> log.info("plain virtual thread"));
        pool.submit(() -> log.info("executor thread")).get();
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            perTask.submit(() -> log.info("virtual-thread executor")).get();
        }
        platform.join();
        virtual.join();
        assertEquals(List.of("mine"), logs.messages());
    }

    @Test
    void tasksWrappedInTheScopeAreCaptured(CapturedLogs logs) throws Exception {
        pool.submit(logs.inScope(() -> log.info("runnable on the pool"))).get();
        String result = pool.submit(logs.inScope(() -> {
            log.info("callable on the pool");
            return "done";
        })).get();
        assertEquals("done", result);
        Thread.ofVirtual().start(logs.inScope(() -> log.info("virtual thread"))).join();
        // Events of different threads are in fastlog's output order, not necessarily the order of the calls.
        assertEquals(List.of("callable on the pool", "runnable on the pool", "virtual thread"), logs.messages().stream().sorted().toList());
    }

    @Test
    void aThousandVirtualThreadsInTheScope(CapturedLogs logs) throws Exception {
        int threads = 1_000;
        int perThread = 5;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofVirtual().start(logs.inScope(() -> {
                for (int i = 0; i < perThread; i++) {
                    log.info("step", "thread", id, "i", i);
                }
            })));
            Thread.ofVirtual().start(() -> log.info("step", "thread", -1, "i", 0)); // outside: not captured
        }
        for (Thread t : started) {
            t.join();
        }
        List<LogEvent> events = logs.events();
        assertEquals(threads * perThread, events.size());
        Map<Long, Long> next = new HashMap<>();
        for (LogEvent e : events) {
            long thread = (Long) e.field("thread");
            long i = (Long) e.field("i");
            assertTrue(thread >= 0, e::toString);
            assertEquals(next.getOrDefault(thread, 0L), i, () -> "per-thread order of thread " + thread);
            next.put(thread, i + 1);
        }
        assertEquals(threads, next.size());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTestRunOnASeparateThreadByTimeout(CapturedLogs logs) {
        log.info("on the timeout's thread", "thread", Thread.currentThread().getName());
        logs.assertThat().hasEvent("on the timeout's thread").once();
    }

    @RepeatedTest(3)
    void eachRepetitionIsATestOfItsOwn(RepetitionInfo rep, CapturedLogs logs) {
        log.info("repetition " + rep.getCurrentRepetition());
        assertEquals(List.of("repetition " + rep.getCurrentRepetition()), logs.messages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "c"})
    void eachInvocationIsATestOfItsOwn(String value, CapturedLogs logs) {
        log.info("value " + value);
        assertEquals(List.of("value " + value), logs.messages());
    }

    @TestFactory
    @Execution(ExecutionMode.SAME_THREAD) // the dynamic tests one after the other: each checks those before it
    Stream<DynamicTest> dynamicTestsShareTheFactorysCapture(CapturedLogs logs) {
        log.info("factory");
        return IntStream.range(0, 3).mapToObj(i -> DynamicTest.dynamicTest("dynamic " + i, () -> {
            log.info("dynamic " + i);
            List<String> expected = new ArrayList<>(List.of("factory"));
            IntStream.rangeClosed(0, i).forEach(j -> expected.add("dynamic " + j));
            assertEquals(expected, logs.messages());
        }));
    }

    @Test
    void beforeAllIsNotInAnyTest(CapturedLogs logs) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(1);
        assertTrue(logs.withMessage("before all").isEmpty(), logs::toString);
    }
}
