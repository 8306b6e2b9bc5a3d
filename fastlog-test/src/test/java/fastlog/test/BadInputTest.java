package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/** What users throw at a logger, captured and parsed: many events, huge strings, control characters, nested values. */
@CaptureLogs
class BadInputTest {

    private static final Logger log = Fastlog.logger("bad.Input");

    record Point(int x, String label) {
    }

    @Test
    void tenThousandEventsAllCapturedInOrder(CapturedLogs logs) {
        for (int i = 0; i < 10_000; i++) {
            log.info("event", "i", i, "payload", "p" + i);
        }
        List<LogEvent> events = logs.events();
        assertEquals(10_000, events.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals((long) i, events.get(i).field("i"));
            assertEquals("p" + i, events.get(i).field("payload"));
        }
        assertEquals(10_000, logs.withMessage("event").size());
    }

    @Test
    void hugeStringsAreCutByFastlogAndParsed(CapturedLogs logs) {
        String huge = "0123456789".repeat(100_000); // 1,000,000 chars
        log.info(huge, "value", huge);
        LogEvent e = logs.single();
        String value = (String) e.field("value");
        assertTrue(value.endsWith("…"), () -> value.substring(value.length() - 20));
        assertTrue(value.length() > 60_000 && value.length() < huge.length(), () -> "length " + value.length());
        assertTrue(huge.startsWith(value.substring(0, value.length() - 1)));
        assertTrue(e.message().endsWith("…"));
    }

    @Test
    void controlCharactersQuotesSurrogatesAndLineSeparators(CapturedLogs logs) {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            sb.append(c);
        }
        sb.append('\u007f').append('\u2028').append('\u2029').append("\"quoted\" back\\slash / ")
                .append(new String(Character.toChars(0x1F600))).append(" é 中文");
        String nasty = sb.toString();
        String loneSurrogate = "a\uD800b";
        log.warn(nasty, nasty, nasty, "lone", loneSurrogate, "{\"forged\":1}\n{\"line\":2}", "x");
        LogEvent e = logs.single();
        assertEquals(nasty, e.message());
        assertEquals(nasty, e.field(nasty));
        assertEquals("a\uFFFDb", e.field("lone"));
        assertEquals("x", e.field("{\"forged\":1}\n{\"line\":2}"));
        logs.assertThat().hasEvent(nasty).withField(nasty, nasty).withField("lone", "a\uFFFDb").once();
    }

    @Test
    void nestedValues(CapturedLogs logs) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", 42);
        order.put("items", List.of(Map.of("sku", "A-1", "qty", 2), Map.of("sku", "B-7", "qty", 1)));
        order.put("note", null);
        List<Object> list = new ArrayList<>(List.of(1, "two", 3.5));
        Point point = new Point(3, "p");
        log.info("nested", "order", order, "list", list, "point", point);
        LogEvent e = logs.single();
        // Maps, lists and records: JSON objects and arrays where fastlog renders them so (its
        // structured values), else their toString() text. Either way the field matches the value.
        logs.assertThat().hasEvent("nested").withField("order", order).withField("list", list).withField("point", point);
        if (e.field("order") instanceof Map<?, ?>) {
            assertEquals("B-7", e.field("order", "items", "1", "sku"));
            assertEquals(2L, e.field("order", "items", "0", "qty"));
        } else {
            assertEquals(order.toString(), e.field("order"));
        }
    }

    @Test
    void deeplyNestedExceptions(CapturedLogs logs) {
        Throwable t = new IllegalStateException("level 0");
        for (int i = 1; i < 20; i++) {
            t = new RuntimeException("level " + i, t);
        }
        Throwable withSuppressed = new IllegalArgumentException("top", t);
        for (int i = 0; i < 10; i++) {
            withSuppressed.addSuppressed(new IllegalStateException("suppressed " + i));
        }
        log.error("deep", withSuppressed);
        LoggedException x = logs.single().exception();
        int depth = 0;
        LoggedException last = x;
        for (LoggedException c = x; c != null; c = c.cause()) {
            depth++;
            last = c;
        }
        assertTrue(depth > 2 && depth <= 21, "depth " + depth);
        assertTrue(last.truncated() || last.is(IllegalStateException.class), last::toString);
        assertEquals(8, x.suppressed().size(), "fastlog writes at most 8");
        assertInstanceOf(List.class, x.json().get("suppressed"));
    }

    @Test
    void oddArgumentsAndFailingToString(CapturedLogs logs) {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        log.info("odd", "k", 1, "dangling");
        log.info("throws", "v", bad);
        logs.assertThat().hasEvent("odd").withField("_extra", "dangling")
                .and().hasEvent("throws").withFieldMatching("v", "mentioning the failed toString()",
                        v -> v instanceof String s && s.startsWith("<toString() threw java.lang.IllegalStateException"));
    }
}
