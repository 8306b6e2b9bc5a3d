package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Tests running at the same time never see each other's events: with JUnit's parallel execution
 * (this build's own, and a run of {@link Example} with 4 threads that waits until 4 tests really
 * overlap), each test logs from its own thread, from virtual threads in its scope and through
 * SLF4J, while other threads log the same messages outside any scope.
 */
class ParallelIsolationTest {

    static final int REPETITIONS = 8;
    static final int OWN = 100;
    static final int VIRTUAL_THREADS = 4;
    static final int PER_VIRTUAL_THREAD = 50;
    static final int SLF4J = 20;

    @Test
    void fourTestsAtOnceEachSeeOnlyTheirOwnEvents() {
        Example.running.set(0);
        Example.maxRunning.set(0);
        var results = Kit.run(Example.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
        assertEquals(List.of(), Kit.failures(results));
        results.testEvents().assertStatistics(s -> s.started(REPETITIONS).succeeded(REPETITIONS));
        assertTrue(Example.maxRunning.get() >= 2, "the tests did not overlap: " + Example.maxRunning.get());
    }

    /** The same body in this build's own parallel run, beside every other test class. */
    @CaptureLogs
    @RepeatedTest(REPETITIONS)
    void manyTestsAtOnceInThisBuild(RepetitionInfo rep, CapturedLogs logs) throws InterruptedException {
        body(rep.getCurrentRepetition() + 1000, logs);
    }

    /** Logs from every kind of thread, then checks the test sees exactly its own events, each thread's in order. */
    static void body(int me, CapturedLogs logs) throws InterruptedException {
        Logger log = Fastlog.logger("parallel.Worker");
        org.slf4j.Logger slf4j = LoggerFactory.getLogger("parallel.Slf4j");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < VIRTUAL_THREADS; t++) {
            int thread = t + 1;
            threads.add(Thread.ofVirtual().start(logs.inScope(() -> {
                for (int i = 0; i < PER_VIRTUAL_THREAD; i++) {
                    log.info("work", "test", me, "thread", thread, "i", i);
                }
            })));
            // The same events outside the scope: nobody's.
            threads.add(Thread.ofVirtual().start(() -> log.info("work", "test", me, "thread", -1, "i", 0)));
        }
        for (int i = 0; i < OWN; i++) {
            log.info("work", "test", me, "thread", 0, "i", i);
            if (i < SLF4J) {
                slf4j.atInfo().addKeyValue("test", me).addKeyValue("thread", 0).addKeyValue("i", i).log("slf4j work");
            }
            if (i % 25 == 0) {
                Thread.yield();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        List<LogEvent> events = logs.events();
        if (events.size() != OWN + SLF4J + VIRTUAL_THREADS * PER_VIRTUAL_THREAD) {
            java.util.Set<String> seen = new java.util.TreeSet<>();
            for (LogEvent e : events) {
                seen.add(e.logger() + "/" + e.field("thread") + "/" + e.field("i"));
            }
            java.util.Set<String> missing = new java.util.TreeSet<>();
            for (int i = 0; i < OWN; i++) {
                missing.add("parallel.Worker/0/" + i);
            }
            for (int i = 0; i < SLF4J; i++) {
                missing.add("parallel.Slf4j/0/" + i);
            }
            for (int t = 1; t <= VIRTUAL_THREADS; t++) {
                for (int i = 0; i < PER_VIRTUAL_THREAD; i++) {
                    missing.add("parallel.Worker/" + t + "/" + i);
                }
            }
            missing.removeAll(seen);
            throw new AssertionError("test " + me + ": " + events.size() + " events, missing " + missing + ", stats "
                    + Fastlog.stats());
        }
        Map<String, Long> next = new HashMap<>();
        for (LogEvent e : events) {
            assertEquals((long) me, e.field("test"), () -> "test " + me + " saw " + e.toJson());
            String stream = e.logger() + "/" + e.field("thread");
            long i = (Long) e.field("i");
            assertEquals(next.getOrDefault(stream, 0L), i, () -> "order of " + stream);
            next.put(stream, i + 1);
            assertTrue((Long) e.field("thread") >= 0, e::toJson);
        }
    }

    @KitOnly
    @CaptureLogs
    static class Example {

        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger maxRunning = new AtomicInteger();
        static final CyclicBarrier fourAtOnce = new CyclicBarrier(4);

        @RepeatedTest(REPETITIONS)
        void eachSeesOnlyItsOwn(RepetitionInfo rep, CapturedLogs logs) throws InterruptedException {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                try {
                    fourAtOnce.await(10, TimeUnit.SECONDS); // all four log at the same time
                } catch (BrokenBarrierException | TimeoutException e) {
                    // fewer ran at once than hoped for; the outer test checks maxRunning
                }
                body(rep.getCurrentRepetition(), logs);
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
