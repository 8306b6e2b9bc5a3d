package fastlog.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The events that matched a {@link LogAssert#hasEvent} so far; each {@code with...} keeps those
 * that also match its condition and fails if none is left. So
 * {@code hasEvent(WARN, "payment failed").withField("order_id", 42)} asserts that one event has
 * both, and its failure shows the candidates that had the message but not the field.
 */
public final class EventAssert {

    private final LogAssert parent;
    private final CapturedLogs logs;
    private final List<LogEvent> all;
    private final List<LogEvent> matched;
    private final String expectation;

    EventAssert(LogAssert parent, CapturedLogs logs, List<LogEvent> all, List<LogEvent> matched, String expectation) {
        this.parent = parent;
        this.logs = logs;
        this.all = all;
        this.matched = matched;
        this.expectation = expectation;
    }

    /** Keeps the events with field {@code key} matching {@code expected} (see {@link CapturedLogs} on values). */
    public EventAssert withField(String key, Object expected) {
        Objects.requireNonNull(key, "key");
        return narrow("with " + key + "=" + Values.show(expected), e -> e.hasField(key) && Values.matches(expected, e.field(key)),
                e -> e.hasField(key) ? key + "=" + Values.showActual(e.field(key)) : "no field " + key);
    }

    /** Keeps the events with field {@code key} whose value satisfies {@code condition}. */
    public EventAssert withFieldMatching(String key, String description, Predicate<Object> condition) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(condition, "condition");
        return narrow("with " + key + " " + description, e -> e.hasField(key) && condition.test(e.field(key)),
                e -> e.hasField(key) ? key + "=" + Values.showActual(e.field(key)) : "no field " + key);
    }

    /** Keeps the events without field {@code key}. */
    public EventAssert withoutField(String key) {
        Objects.requireNonNull(key, "key");
        return narrow("without field " + key, e -> !e.hasField(key), e -> key + "=" + Values.showActual(e.field(key)));
    }

    /** Keeps the events of logger {@code name} (exactly). */
    public EventAssert withLogger(String name) {
        return narrow("of logger " + name, e -> e.logger().equals(name), e -> "logger " + e.logger());
    }

    /** Keeps the events whose {@code exception} is exactly of {@code type} (by class name). */
    public EventAssert withException(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        return narrow("with exception " + type.getName(), e -> e.exception() != null && e.exception().is(type),
                e -> e.exception() == null ? "no exception" : "exception " + e.exception());
    }

    /** Keeps the events whose {@code exception} is exactly of {@code type} with exactly this message. */
    public EventAssert withException(Class<? extends Throwable> type, String message) {
        Objects.requireNonNull(type, "type");
        return narrow("with exception " + type.getName() + ": " + message,
                e -> e.exception() != null && e.exception().is(type) && Objects.equals(e.exception().message(), message),
                e -> e.exception() == null ? "no exception" : "exception " + e.exception());
    }

    /** Keeps the events whose {@code exception} is of {@code type} or has a cause of that type. */
    public EventAssert withExceptionCausedBy(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        return narrow("with an exception caused by " + type.getName(),
                e -> e.exception() != null && e.exception().isOrCausedBy(type),
                e -> e.exception() == null ? "no exception" : "exception " + causeChain(e.exception()));
    }

    /** Keeps the events that match {@code condition}. */
    public EventAssert matching(String description, Predicate<LogEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        return narrow(description, condition, e -> "did not match");
    }

    /** Exactly one event matched. */
    public EventAssert once() {
        return times(1);
    }

    /** Exactly {@code count} events matched. */
    public EventAssert times(int count) {
        if (matched.size() != count) {
            StringBuilder sb = new StringBuilder("Expected " + expectation + " " + (count == 1 ? "once" : count + " times")
                    + ", but " + matched.size() + " matched:");
            Report.appendEvents(sb, matched);
            throw Report.failure(sb.toString(), logs, all);
        }
        return this;
    }

    /** The first matching event. */
    public LogEvent event() {
        return matched.get(0);
    }

    /** The matching events. */
    public List<LogEvent> events() {
        return List.copyOf(matched);
    }

    /** Back to the assertions on all events. */
    public LogAssert and() {
        return parent;
    }

    private EventAssert narrow(String what, Predicate<LogEvent> condition, java.util.function.Function<LogEvent, String> whyNot) {
        List<LogEvent> kept = new ArrayList<>();
        for (LogEvent e : matched) {
            if (condition.test(e)) {
                kept.add(e);
            }
        }
        String next = expectation + " " + what;
        if (kept.isEmpty()) {
            StringBuilder sb = new StringBuilder("Expected " + next + ", but there was none.\n")
                    .append(matched.size() == 1 ? "The candidate" : "The " + matched.size() + " candidates")
                    .append(" (").append(expectation).append("):");
            int shown = Math.min(matched.size(), Report.MAX_EVENTS_SHOWN);
            for (int i = 0; i < shown; i++) {
                sb.append("\n  - ").append(whyNot.apply(matched.get(i))).append(" in ").append(Report.cut(matched.get(i).toJson()));
            }
            if (matched.size() > shown) {
                sb.append("\n  ... and ").append(matched.size() - shown).append(" more");
            }
            throw Report.failure(sb.toString(), logs, all);
        }
        return new EventAssert(parent, logs, all, kept, next);
    }

    private static String causeChain(LoggedException e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (LoggedException c = e.cause(); c != null; c = c.cause()) {
            sb.append(" <- caused by ").append(c);
        }
        return sb.toString();
    }
}
