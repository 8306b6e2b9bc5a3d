package fastlog.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import fastlog.api.Fastlog;
import fastlog.api.Logger;
import fastlog.api.Schema;

/**
 * The one place fastlog's output goes while tests capture it, and the open captures it is routed
 * to. One per JVM ({@link #global()}).
 *
 * <h2>How an event finds its test</h2>
 * Installing routes fastlog's output, once per JVM, to a {@link LineSink}
 * ({@code Fastlog.shutdown()}, then {@code Fastlog.configure().output(sink).apply()}). Every
 * line is parsed and looked at for the hidden field {@value #TEST_ID_KEY}: a scoped capture
 * receives the lines carrying its id, each open time-window capture receives every line. A line
 * that does not parse is recorded, with the line, as a failure that every capture open at that
 * time reports.
 *
 * <h2>Checking the route</h2>
 * Code may reconfigure fastlog behind the capture's back ({@code Fastlog.shutdown()} and
 * {@code configure().apply()} from another test). So opening and closing a capture log a probe
 * event (logger {@value #PROBE_LOGGER}, field {@value #PROBE_KEY}: a number), flush, and check
 * that the sink saw it: at open a missing probe re-installs the sink; at close it fails the test,
 * as does a re-install during the test, since events may have gone elsewhere. The probe lines are
 * never shown to a test.
 *
 * <h2>Concurrency</h2>
 * {@link #accept} and {@link #failed} are called by the sink, one thread at a time. Opening,
 * closing and reading happen on test threads, any number at once: the maps and lists are
 * concurrent, installing holds {@code installLock}.
 */
final class CaptureHub {

    /** The hidden scoped field naming the test (a number); taken out of what a test sees. */
    static final String TEST_ID_KEY = "_fastlog_test";
    /** The probe's field (a number). */
    static final String PROBE_KEY = "_fastlog_test_probe";
    /** The probe's logger. */
    static final String PROBE_LOGGER = "fastlog.test.probe";

    private static final CaptureHub GLOBAL = new CaptureHub(true);

    /** A line that could not be parsed, and why. */
    record Failure(String line, String reason) {
    }

    private final boolean routesFastlog;
    private final ConcurrentHashMap<Long, TestCapture> scoped = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<TestCapture> windows = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong probesSent = new AtomicLong();
    private final AtomicLong probeSeen = new AtomicLong();
    private final ReentrantLock installLock = new ReentrantLock();
    private final Logger probeLogger = Fastlog.logger(PROBE_LOGGER);
    private volatile LineSink sink;
    private volatile int generation;

    /** @param routesFastlog false for a hub that only parses what its sink is given (tests of this class) */
    CaptureHub(boolean routesFastlog) {
        this.routesFastlog = routesFastlog;
    }

    static CaptureHub global() {
        return GLOBAL;
    }

    // ----------------------------------------------------------------- test threads

    /** Starts capturing for one test, installing the sink first if needed. */
    TestCapture open(CaptureMode mode, String testName) {
        return open(mode, testName, null);
    }

    /** Starts capturing for one test, installing the sink first if needed; {@code owner} opened it. */
    TestCapture open(CaptureMode mode, String testName, Object owner) {
        int gen = routesFastlog ? ensureInstalled() : generation;
        TestCapture c = new TestCapture(this, ids.incrementAndGet(), mode, testName, failures.size(), gen, owner);
        for (TestCapture other : openCaptures()) {
            other.overlappedBy(c);
            c.overlappedBy(other);
        }
        if (mode == CaptureMode.TIME_WINDOW) {
            flush(); // what was logged before the test began is not the test's
            windows.add(c);
        } else {
            scoped.put(c.id(), c);
        }
        return c;
    }

    /**
     * Stops capturing for {@code c} after writing everything logged so far.
     *
     * @return what went wrong while it was open (empty if nothing did)
     */
    List<String> close(TestCapture c) {
        List<String> problems = new ArrayList<>();
        if (routesFastlog && !probe()) {
            problems.add("fastlog's output was taken away from the capture during the test (some code called "
                    + "Fastlog.shutdown() and Fastlog.configure()...apply()): events may be missing");
        } else if (!routesFastlog) {
            flush();
        }
        if (routesFastlog && generation != c.generation()) {
            problems.add("the capture had to be re-installed during the test (some code reconfigured fastlog): "
                    + "events may be missing");
        }
        scoped.remove(c.id(), c);
        windows.remove(c);
        for (Failure f : failuresSince(c.failuresAtStart())) {
            problems.add(describe(f));
        }
        return problems;
    }

    /** Writes everything logged so far (by any thread) through the sink. */
    void flush() {
        if (routesFastlog) {
            Fastlog.flush();
        }
    }

    List<Failure> failuresSince(int index) {
        List<Failure> all = new ArrayList<>(failures);
        return index >= all.size() ? List.of() : all.subList(index, all.size());
    }

    static String describe(Failure f) {
        String line = f.line();
        String shown = line.length() <= 4000 ? line
                : line.substring(0, 4000) + "… (" + line.length() + " chars in all)";
        return "fastlog wrote a line that fastlog-test cannot parse: " + f.reason() + "\n  line: " + shown;
    }

    private List<TestCapture> openCaptures() {
        List<TestCapture> all = new ArrayList<>(scoped.values());
        all.addAll(windows);
        return all;
    }

    /** Installs the sink if the probe does not come back through it; returns the generation in use. */
    private int ensureInstalled() {
        if (probe()) {
            return generation;
        }
        installLock.lock();
        try {
            if (!probe()) {
                install();
                if (!probe()) {
                    throw new IllegalStateException("fastlog-test: fastlog's output does not reach the capture "
                            + "after installing it (is some code reconfiguring fastlog concurrently?)");
                }
            }
            return generation;
        } finally {
            installLock.unlock();
        }
    }

    private void install() {
        initializeSlf4j();
        LineSink s = new LineSink(this);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            Fastlog.shutdown();
            try {
                // The default layout whatever FASTLOG_SCHEMA says: LogEvent parses ts, level, logger, msg.
                Fastlog.configure().schema(Schema.DEFAULT).output(s).apply();
                sink = s;
                generation++; // under installLock
                return;
            } catch (IllegalStateException startedConcurrently) {
                last = startedConcurrently; // a first event started fastlog between the two calls
                LockSupport.parkNanos(1_000_000L);
            }
        }
        throw new IllegalStateException("fastlog-test: cannot route fastlog's output to the capture", last);
    }

    /**
     * Initializes SLF4J now, if it is present, before any test captures. While SLF4J initializes,
     * it hands out substitute loggers, records the events other threads log through them, and
     * replays them later from the initializing thread: outside the scope of the test that logged
     * them, so they would be lost to it (or be another test's). Reflection keeps SLF4J optional.
     */
    private static void initializeSlf4j() {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), CaptureHub.class.getClassLoader()};
        for (ClassLoader loader : loaders) {
            try {
                Class.forName("org.slf4j.LoggerFactory", true, loader).getMethod("getILoggerFactory").invoke(null);
                return;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException absentOrBroken) {
                // no SLF4J here: nothing to initialize
            }
        }
    }

    /** Logs a probe, flushes, and says whether it came back through our sink. */
    private boolean probe() {
        if (sink == null) {
            return false; // nothing installed yet: do not start fastlog on stdout just to probe it
        }
        long n = probesSent.incrementAndGet();
        probeLogger.error("fastlog-test probe", PROBE_KEY, n);
        Fastlog.flush();
        return probeSeen.get() >= n;
    }

    // ----------------------------------------------------------------- the sink's thread

    /** One line from the sink (without its newline). */
    void accept(String line) {
        LogEvent.Parsed p;
        try {
            p = LogEvent.parse(line);
        } catch (RuntimeException | StackOverflowError e) {
            failed(line, e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        if (p.probe() != null && PROBE_LOGGER.equals(p.event().logger())) {
            if (p.probe() instanceof Long n) {
                probeSeen.accumulateAndGet(n, Math::max);
            }
            return;
        }
        if (p.testId() instanceof Long id) {
            TestCapture owner = scoped.get(id);
            if (owner != null) {
                owner.add(p.event());
            }
        }
        for (TestCapture w : windows) {
            w.add(p.event());
        }
    }

    /** A line that could not be read. */
    void failed(String line, String reason) {
        failures.add(new Failure(line, reason));
    }

    /** The sink fastlog writes to (null before the first capture); for tests of the capture itself. */
    LineSink sink() {
        return sink;
    }
}
