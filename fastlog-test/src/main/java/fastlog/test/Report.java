package fastlog.test;

import java.util.List;
import java.util.Set;

/** Failure messages: what was expected, then the captured events, numbered, as JSON. */
final class Report {

    /** Events listed in full in a failure message; the rest are counted. */
    static final int MAX_EVENTS_SHOWN = 60;
    /** Longest event shown, in chars; longer ones are cut. */
    static final int MAX_EVENT_CHARS = 600;

    private Report() {
    }

    static AssertionError failure(String expectation, CapturedLogs view, List<LogEvent> events) {
        return new AssertionError(expectation + "\n" + listing(view, events));
    }

    /** The events of {@code view}, with a heading that says whose they are and which filter applies. */
    static String listing(CapturedLogs view, List<LogEvent> events) {
        TestCapture c = view.capture();
        StringBuilder sb = new StringBuilder();
        sb.append("Captured ").append(events.size()).append(events.size() == 1 ? " event" : " events");
        if (!view.description().isEmpty()) {
            sb.append(' ').append(view.description());
        }
        sb.append(" for test ").append(c.testName()).append(" (").append(c.mode()).append(")");
        sb.append(events.isEmpty() ? "." : ":");
        appendEvents(sb, events);
        if (c.mode() == CaptureMode.TIME_WINDOW) {
            Set<String> others = c.overlapping();
            if (!others.isEmpty()) {
                sb.append("\nNote: in TIME_WINDOW mode these tests ran at the same time and their events may be here: ")
                        .append(String.join(", ", others));
            }
        }
        return sb.toString();
    }

    static void appendEvents(StringBuilder sb, List<LogEvent> events) {
        int shown = Math.min(events.size(), MAX_EVENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(cut(events.get(i).toJson()));
        }
        if (events.size() > shown) {
            sb.append("\n  ... and ").append(events.size() - shown).append(" more");
        }
    }

    static String cut(String text) {
        return text.length() <= MAX_EVENT_CHARS ? text
                : text.substring(0, MAX_EVENT_CHARS) + "… (" + text.length() + " chars)";
    }
}
