package fastlog.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import fastlog.api.LogContext;

/**
 * The events captured for one test, in the order fastlog wrote them (so two events of one thread
 * are in the order it logged them).
 *
 * <p>Concurrency: the sink's thread adds, test threads read and clear; the lock guards the list.
 */
final class TestCapture {

    private final CaptureHub hub;
    private final long id;
    private final CaptureMode mode;
    private final String testName;
    private final int failuresAtStart;
    private final int generation;
    private final LogContext.Scope scope;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayList<LogEvent> events = new ArrayList<>();
    private final Set<String> overlapping = ConcurrentHashMap.newKeySet();
    private final Object owner;

    TestCapture(CaptureHub hub, long id, CaptureMode mode, String testName, int failuresAtStart, int generation,
            Object owner) {
        this.hub = hub;
        this.owner = owner;
        this.id = id;
        this.mode = mode;
        this.testName = testName;
        this.failuresAtStart = failuresAtStart;
        this.generation = generation;
        this.scope = LogContext.where(CaptureHub.TEST_ID_KEY, id);
    }

    /** The extension instance that opened this capture (a test may have two registered). */
    Object owner() {
        return owner;
    }

    long id() {
        return id;
    }

    CaptureMode mode() {
        return mode;
    }

    String testName() {
        return testName;
    }

    int failuresAtStart() {
        return failuresAtStart;
    }

    int generation() {
        return generation;
    }

    /** The scope whose events this capture receives (in TIME_WINDOW mode too, for clarity of the lines). */
    LogContext.Scope scope() {
        return scope;
    }

    void add(LogEvent e) {
        lock.lock();
        try {
            events.add(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Flushes fastlog, fails on lines that could not be parsed since the test began, then returns
     * a copy of the events.
     */
    List<LogEvent> read() {
        hub.flush();
        List<CaptureHub.Failure> failures = hub.failuresSince(failuresAtStart);
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (CaptureHub.Failure f : failures) {
                sb.append(CaptureHub.describe(f)).append('\n');
            }
            sb.setLength(sb.length() - 1);
            throw new AssertionError(sb.toString());
        }
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the events captured so far (after writing everything logged before the call). */
    void clear() {
        hub.flush();
        lock.lock();
        try {
            events.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Notes that {@code other} ran while this time-window capture was open. */
    void overlappedBy(TestCapture other) {
        if (mode == CaptureMode.TIME_WINDOW && other != this) {
            overlapping.add(other.testName);
        }
    }

    /** Tests that ran while this TIME_WINDOW capture was open (their events may be in it). */
    Set<String> overlapping() {
        return new TreeSet<>(overlapping);
    }
}
