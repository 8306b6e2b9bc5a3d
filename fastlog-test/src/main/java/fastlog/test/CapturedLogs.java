package fastlog.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import fastlog.api.Level;

/**
 * The events a test captured, and filtered views of them. Inject it as a parameter of a test,
 * {@code @BeforeEach} or {@code @AfterEach} method (or a {@code @TestFactory}) of a class that
 * uses {@link CaptureLogs} or {@link FastlogCapture}:
 *
 * <pre>{@code
 * @Test
 * void declinedPaymentIsLogged(CapturedLogs logs) {
 *     checkout.pay(order);
 *     logs.assertThat().hasEvent(Level.WARN, "payment failed").withField("order_id", 42);
 *     assertEquals(1, logs.forLogger("com.acme.payments").atLeast(Level.WARN).size());
 * }
 * }</pre>
 *
 * <p>Every read ({@link #events()}, {@link #size()}, {@link #assertThat()}...) first flushes
 * fastlog ({@code Fastlog.flush()}), so an event logged before the read is there. Events are in
 * the order fastlog wrote them: two events of one thread in the order it logged them; events of
 * different threads in fastlog's output order, which need not be the order of the calls (fastlog
 * stages each CPU's events apart). Which
 * events a test receives is its {@link CaptureMode}. A read fails (AssertionError, with the line)
 * if fastlog wrote a line since the test began that cannot be parsed.
 *
 * <p>Views are immutable: {@link #forLogger}, {@link #atLevel}, {@link #atLeast},
 * {@link #withMessage}, {@link #withField} and {@link #matching} each return a new view that
 * adds a condition; each read of a view reads the test's events again. Safe to use from any
 * thread.
 *
 * <p>What a value in {@link LogEvent#fields()} is: a JSON object is a {@code Map<String, Object>}
 * (in line order), an array a {@code List<Object>}, a string a {@code String}, an integer a
 * {@code Long} (a {@code BigInteger} beyond 64 bits), another number a {@code Double} (a
 * {@code BigDecimal} when no double has its exact value), true/false a {@code Boolean}, null null.
 * Comparisons in {@code withField} are by value: {@code withField("order_id", 42)} matches
 * {@code 42L}.
 */
public final class CapturedLogs {

    private final TestCapture capture;
    private final Predicate<LogEvent> filter;
    private final String description;

    CapturedLogs(TestCapture capture) {
        this(capture, e -> true, "");
    }

    private CapturedLogs(TestCapture capture, Predicate<LogEvent> filter, String description) {
        this.capture = capture;
        this.filter = filter;
        this.description = description;
    }

    TestCapture capture() {
        return capture;
    }

    /** The conditions of this view, e.g. {@code "of logger com.acme at WARN"}; empty for all events. */
    String description() {
        return description;
    }

    // ------------------------------------------------------------------------- reading

    /** The events of this view (a snapshot, after a flush). */
    public List<LogEvent> events() {
        List<LogEvent> out = new ArrayList<>();
        for (LogEvent e : capture.read()) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** The events of this view at exactly {@code level}. */
    public List<LogEvent> events(Level level) {
        return atLevel(level).events();
    }

    /** The messages of this view's events, in order. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        for (LogEvent e : events()) {
            out.add(e.message());
        }
        return out;
    }

    /** How many events this view has. */
    public int size() {
        return events().size();
    }

    public boolean isEmpty() {
        return events().isEmpty();
    }

    /**
     * The one event of this view.
     *
     * @throws AssertionError if there are none or more than one (the message lists them)
     */
    public LogEvent single() {
        List<LogEvent> events = events();
        if (events.size() != 1) {
            throw Report.failure("Expected exactly one event, but there " + (events.size() == 0 ? "were none." : "were " + events.size() + "."),
                    this, events);
        }
        return events.get(0);
    }

    /** Fluent assertions on this view's events. */
    public LogAssert assertThat() {
        return new LogAssert(this);
    }

    /**
     * Waits until this view has at least {@code count} events, for code that logs from the test's
     * scope asynchronously (a task wrapped with {@link #inScope}, a fork that is still running).
     *
     * @return the view's events once there are enough
     * @throws AssertionError if {@code timeout} passes first (the message lists what there was)
     */
    public List<LogEvent> awaitAtLeast(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<LogEvent> events = events();
            if (events.size() >= count) {
                return events;
            }
            if (System.nanoTime() - deadline > 0) {
                throw Report.failure("Expected at least " + count + " events within " + timeout + ", but there were "
                        + events.size() + ".", this, events);
            }
            LockSupport.parkNanos(5_000_000L);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + count + " events");
            }
        }
    }

    // ------------------------------------------------------------------------- views

    /** The events of logger {@code name} and of the loggers below it at a dot ({@code "com.acme"} covers {@code "com.acme.db"}). */
    public CapturedLogs forLogger(String name) {
        Objects.requireNonNull(name, "name");
        return and(e -> e.logger().equals(name) || e.logger().startsWith(name) && e.logger().startsWith(".", name.length()),
                "of logger " + name);
    }

    /** The events of logger {@code type.getName()} and below. */
    public CapturedLogs forLogger(Class<?> type) {
        return forLogger(type.getName());
    }

    /** The events at exactly {@code level}. */
    public CapturedLogs atLevel(Level level) {
        Objects.requireNonNull(level, "level");
        return and(e -> e.level() == level, "at " + level);
    }

    /** The events at {@code level} or more severe. */
    public CapturedLogs atLeast(Level level) {
        Objects.requireNonNull(level, "level");
        return and(e -> e.level().compareTo(level) >= 0, "at " + level + " or above");
    }

    /** The events whose message is exactly {@code message}. */
    public CapturedLogs withMessage(String message) {
        return and(e -> Objects.equals(e.message(), message), "with message " + Values.show(message));
    }

    /** The events whose message contains {@code text}. */
    public CapturedLogs withMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        return and(e -> e.message() != null && e.message().contains(text), "with a message containing " + Values.show(text));
    }

    /** The events that have field {@code key} with a value matching {@code expected} (see {@link CapturedLogs} on values). */
    public CapturedLogs withField(String key, Object expected) {
        Objects.requireNonNull(key, "key");
        return and(e -> e.hasField(key) && Values.matches(expected, e.field(key)), "with " + key + "=" + Values.show(expected));
    }

    /** The events that match {@code condition}; {@code description} names it in failure messages. */
    public CapturedLogs matching(String description, Predicate<LogEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        return and(condition, Objects.requireNonNull(description, "description"));
    }

    private CapturedLogs and(Predicate<LogEvent> more, String what) {
        Predicate<LogEvent> base = filter;
        return new CapturedLogs(capture, e -> base.test(e) && more.test(e), description.isEmpty() ? what : description + ", " + what);
    }

    // ------------------------------------------------------------------------- control

    /**
     * Forgets every event the test captured so far (after a flush), in every view of it; for a
     * test that asserts on what one step logs.
     */
    public void clear() {
        capture.clear();
    }

    /** Which events this test receives. */
    public CaptureMode mode() {
        return capture.mode();
    }

    /**
     * {@code task}, running in this test's scope: hand it to an executor or a thread, and what it
     * logs is this test's (in {@link CaptureMode#TEST_SCOPE}, events of threads outside the scope
     * are not). The task may run after the test ended; its events are then not captured.
     */
    public Runnable inScope(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> capture.scope().run(task);
    }

    /** {@code task}, called in this test's scope; see {@link #inScope(Runnable)}. */
    public <T> Callable<T> inScope(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> capture.scope().call(task::call);
    }

    /** The events of this view, listed as in failure messages. */
    @Override
    public String toString() {
        return Report.listing(this, events());
    }
}
