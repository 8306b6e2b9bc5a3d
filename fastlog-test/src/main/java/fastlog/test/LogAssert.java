package fastlog.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import fastlog.api.Level;
import fastlog.test.internal.json.Json;

/**
 * Fluent assertions on the events of a {@link CapturedLogs} view, from
 * {@link CapturedLogs#assertThat()}. Each assertion reads the events again (after a flush); a
 * failure is an AssertionError that says what was expected and lists the captured events.
 *
 * <pre>{@code
 * logs.assertThat()
 *     .hasNoEventsAtLeast(Level.ERROR)
 *     .hasEvent(Level.WARN, "payment failed").withField("order_id", 42).withException(IOException.class)
 *     .and()
 *     .containsMessagesInOrder("cart loaded", "payment failed");
 * }</pre>
 */
public final class LogAssert {

    private final CapturedLogs logs;

    LogAssert(CapturedLogs logs) {
        this.logs = logs;
    }

    /** There is an event at {@code level} with exactly this message; narrow it further with the returned object. */
    public EventAssert hasEvent(Level level, String message) {
        Objects.requireNonNull(level, "level");
        return hasEventMatching(level + " " + Json.write(message),
                e -> e.level() == level && Objects.equals(e.message(), message));
    }

    /** There is an event with exactly this message, at any level. */
    public EventAssert hasEvent(String message) {
        return hasEventMatching(Json.write(message), e -> Objects.equals(e.message(), message));
    }

    /** There is an event that matches {@code condition}; {@code description} names it in the failure message. */
    public EventAssert hasEventMatching(String description, Predicate<LogEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        List<LogEvent> all = logs.events();
        List<LogEvent> found = new ArrayList<>();
        for (LogEvent e : all) {
            if (condition.test(e)) {
                found.add(e);
            }
        }
        if (found.isEmpty()) {
            throw Report.failure("Expected an event " + description + ", but there was none.", logs, all);
        }
        return new EventAssert(this, logs, all, found, "an event " + description);
    }

    /** There is no event at {@code level} with this message. */
    public LogAssert hasNoEvent(Level level, String message) {
        Objects.requireNonNull(level, "level");
        return hasNoEventMatching(level + " " + Json.write(message),
                e -> e.level() == level && Objects.equals(e.message(), message));
    }

    /** There is no event that matches {@code condition}. */
    public LogAssert hasNoEventMatching(String description, Predicate<LogEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        List<LogEvent> all = logs.events();
        List<LogEvent> found = all.stream().filter(condition).toList();
        if (!found.isEmpty()) {
            StringBuilder sb = new StringBuilder("Expected no event " + description + ", but there "
                    + (found.size() == 1 ? "was 1:" : "were " + found.size() + ":"));
            Report.appendEvents(sb, found);
            throw Report.failure(sb.toString(), logs, all);
        }
        return this;
    }

    /** There is no event at {@code level} or more severe (e.g. "nothing went wrong": {@code hasNoEventsAtLeast(WARN)}). */
    public LogAssert hasNoEventsAtLeast(Level level) {
        Objects.requireNonNull(level, "level");
        return hasNoEventMatching("at " + level + " or above", e -> e.level().compareTo(level) >= 0);
    }

    /** There are no events at all. */
    public LogAssert isEmpty() {
        List<LogEvent> all = logs.events();
        if (!all.isEmpty()) {
            throw Report.failure("Expected no events, but there " + (all.size() == 1 ? "was 1." : "were " + all.size() + "."), logs, all);
        }
        return this;
    }

    /** There are exactly {@code count} events. */
    public LogAssert hasSize(int count) {
        List<LogEvent> all = logs.events();
        if (all.size() != count) {
            throw Report.failure("Expected " + count + (count == 1 ? " event" : " events") + ", but there "
                    + (all.size() == 1 ? "was 1." : "were " + all.size() + "."), logs, all);
        }
        return this;
    }

    /** The messages are exactly these, in this order. */
    public LogAssert hasMessages(String... messages) {
        List<LogEvent> all = logs.events();
        List<String> got = all.stream().map(LogEvent::message).toList();
        List<String> want = Arrays.asList(messages);
        if (!got.equals(want)) {
            throw Report.failure("Expected the messages " + Json.write(want) + ", but they were " + Json.write(got) + ".", logs, all);
        }
        return this;
    }

    /** These messages occur in this order, other events possibly between them. */
    public LogAssert containsMessagesInOrder(String... messages) {
        List<LogEvent> all = logs.events();
        int next = 0;
        for (LogEvent e : all) {
            if (next < messages.length && Objects.equals(e.message(), messages[next])) {
                next++;
            }
        }
        if (next < messages.length) {
            throw Report.failure("Expected the messages " + Json.write(Arrays.asList(messages)) + " in this order, but "
                    + Json.write(messages[next]) + (next == 0 ? " was not found." : " was not found after " + Json.write(messages[next - 1]) + "."),
                    logs, all);
        }
        return this;
    }
}
