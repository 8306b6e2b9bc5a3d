package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fastlog.api.RawJson;
import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.level.Levels;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.value.ValueLimits;

/**
 * Byte-level golden tests of the console format: records laid out by hand as the pipeline stages
 * them, a fixed timestamp (2025-11-25T09:10:43.512044Z) and fixed zones, colour off and on. Each
 * expected line is the exact bytes a terminal receives.
 */
class ConsoleRendererTest {

    private static final ReservedKeys NAMES = new ReservedKeys("ts", "level", "logger", "msg");
    /** 2025-11-25T09:10:43.512044Z. */
    private static final long TS = 1_764_061_843_512_044L;
    private static final String ESC = "\u001b";

    private static ConsoleRenderer renderer(boolean color) {
        return renderer(color, ZoneOffset.UTC, Redaction.DEFAULT);
    }

    private static ConsoleRenderer renderer(boolean color, ZoneId zone, Redaction redaction) {
        return new ConsoleRenderer(NAMES, 100_000, ValueLimits.DEFAULTS, redaction, zone, color);
    }

    /** Everything rendered for one record, decoded as strict UTF-8. */
    static String render(ConsoleRenderer r, String logger, int level, String msg, ContextFrame context, Object... kv) {
        LoggerCore core = new LoggerCore(logger, new LevelSetting(Levels.TRACE));
        int fields = kv.length / 2;
        long[] longs = new long[RecordLayout.slotsFor(fields)];
        Object[] refs = new Object[longs.length];
        refs[0] = core;
        longs[RecordLayout.timestampSlot(0)] = TS;
        refs[RecordLayout.messageSlot(0)] = msg;
        refs[RecordLayout.contextSlot(0)] = context;
        for (int f = 0; f < fields; f++) {
            int k = RecordLayout.keySlot(0, f);
            refs[k] = kv[2 * f];
            Object v = kv[2 * f + 1];
            if (v instanceof Long l) {
                longs[k] = RecordLayout.TAG_LONG;
                longs[k + 1] = l;
            } else if (v instanceof Double d) {
                longs[k] = RecordLayout.TAG_DOUBLE;
                longs[k + 1] = Double.doubleToRawLongBits(d);
            } else {
                longs[k] = RecordLayout.TAG_OBJECT;
                refs[k + 1] = v;
            }
        }
        JsonOutput out = new JsonOutput(64, 100_000);
        r.render(out, longs, refs, 0, RecordLayout.header(level, fields));
        return utf8(out);
    }

    static String utf8(JsonOutput out) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.array(), 0, out.size())).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8", e);
        }
    }

    @Test
    void plainLineWithoutColour() {
        String line = render(renderer(false), "auth", Levels.INFO, "user login", null,
                "user_id", 48213L, "ms", 12.5, "path", "/api/orders", "name", "Ada Lovelace", "ok", true,
                "none", null, "empty", "");
        assertEquals("09:10:43.512 INFO  auth - user login user_id=48213 ms=12.5 path=/api/orders"
                + " name=\"Ada Lovelace\" ok=true none=null empty=\"\"\n", line);
    }

    @Test
    void everyLevelIsPaddedToFiveColumns() {
        ConsoleRenderer r = renderer(false);
        String[] expected = {"TRACE", "DEBUG", "INFO ", "WARN ", "ERROR"};
        for (int level = 0; level < Levels.COUNT; level++) {
            assertEquals("09:10:43.512 " + expected[level] + " db - m\n", render(r, "db", level, "m", null));
        }
    }

    @Test
    void colouredLineHasTheExactSequences() {
        ConsoleRenderer r = renderer(true);
        assertEquals(ESC + "[2m09:10:43.512" + ESC + "[0m " + ESC + "[32mINFO" + ESC + "[0m  " + ESC + "[36mauth"
                + ESC + "[0m - user login " + ESC + "[2muser_id=" + ESC + "[0m48213\n",
                render(r, "auth", Levels.INFO, "user login", null, "user_id", 48213L));
        String[] sgr = {"35", "34", "32", "33", "1;31"};
        for (int level = 0; level < Levels.COUNT; level++) {
            String line = render(r, "db", level, "m", null);
            assertTrue(line.startsWith(ESC + "[2m09:10:43.512" + ESC + "[0m " + ESC + "[" + sgr[level] + "m"), line);
        }
    }

    @Test
    void localTimeFollowsTheZone() {
        ConsoleRenderer tokyo = renderer(false, ZoneId.of("Asia/Tokyo"), Redaction.DEFAULT);
        assertEquals("18:10:43.512 WARN  x - m\n", render(tokyo, "x", Levels.WARN, "m", null));
        ConsoleRenderer newYork = renderer(false, ZoneId.of("America/New_York"), Redaction.DEFAULT);
        assertEquals("04:10:43.512 WARN  x - m\n", render(newYork, "x", Levels.WARN, "m", null));
    }

    @Test
    void longLoggerNamesAreAbbreviatedLikeLogback() {
        assertEquals("09:10:43.512 INFO  c.a.shop.checkout.PaymentServiceImpl - m\n",
                render(renderer(false), "com.acme.shop.checkout.PaymentServiceImpl", Levels.INFO, "m", null));
    }

    @Test
    void nestedValuesAreCompactJson() {
        String line = render(renderer(false), "app", Levels.INFO, "order placed", null,
                "order", Map.of("id", 7), "items", List.of(1, 2), "raw", RawJson.of("{\"a\": [1, 2]}"),
                "tags", Set.of("x"));
        assertEquals("09:10:43.512 INFO  app - order placed order={\"id\":7} items=[1,2] raw={\"a\":[1,2]}"
                + " tags=[\"x\"]\n", line);
    }

    @Test
    void fieldsKeepTheJsonLinesOrderPrecedenceAndRenaming() {
        ContextFrame scoped = ContextFrame.extend(null, new String[] {"request_id", "user"}, new Object[] {"r-1", "ada"});
        String line = render(renderer(false), "app", Levels.INFO, "m", scoped,
                "user", "bob", "msg", "mine", "user", "carol");
        assertEquals("09:10:43.512 INFO  app - m request_id=r-1 _msg=mine user=carol\n", line);
    }

    @Test
    void redactedKeysAndPatternsAreMasked() {
        Redaction redaction = new Redaction(Redaction.DEFAULT_KEYS, List.of(Pattern.compile("Bearer\\s+\\S+")), "****");
        String line = render(renderer(false, ZoneOffset.UTC, redaction), "app", Levels.INFO, "auth Bearer abc", null,
                "password", "hunter2", "header", "Bearer xyz");
        assertEquals("09:10:43.512 INFO  app - auth **** password=**** header=****\n", line);
    }

    @Test
    void numbersThatJsonQuotesAreBareHere() {
        String line = render(renderer(false), "n", Levels.INFO, "m", null,
                "nan", Double.NaN, "inf", Double.NEGATIVE_INFINITY, "big", new java.math.BigDecimal("1.50"),
                "f", 1.5f, "min", Long.MIN_VALUE);
        assertEquals("09:10:43.512 INFO  n - m nan=NaN inf=-Infinity big=1.50 f=1.5 min=-9223372036854775808\n", line);
    }

    @Test
    void exceptionsFollowTheLineIndented() {
        IllegalStateException e = new IllegalStateException("card declined");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.acme.Pay", "charge", "Pay.java", 42),
            new StackTraceElement("com.acme.Api", "handle", "Api.java", 7)});
        java.io.IOException cause = new java.io.IOException("timeout");
        cause.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.acme.Gateway", "call", "Gateway.java", 9),
            new StackTraceElement("com.acme.Api", "handle", "Api.java", 7)});
        e.initCause(cause);
        String out = render(renderer(false), "pay", Levels.ERROR, "payment failed", null,
                "order", 17L, "exception", e);
        assertEquals("09:10:43.512 ERROR pay - payment failed order=17\n"
                + "    java.lang.IllegalStateException: card declined\n"
                + "        at com.acme.Pay.charge(Pay.java:42)\n"
                + "        at com.acme.Api.handle(Api.java:7)\n"
                + "    Caused by: java.io.IOException: timeout\n"
                + "        at com.acme.Gateway.call(Gateway.java:9)\n"
                + "        ... 1 more\n", out);
    }

    @Test
    void anExceptionUnderAnotherKeyIsHeadedByItsKey() {
        RuntimeException e = new RuntimeException("boom\nINFO forged");
        e.setStackTrace(new StackTraceElement[0]);
        String out = render(renderer(false), "pay", Levels.ERROR, "failed", null, "error", e, "after", 1L);
        assertEquals("09:10:43.512 ERROR pay - failed after=1\n"
                + "    error: java.lang.RuntimeException: boom\\nINFO forged\n", out);
    }

    @Test
    void internalLinesUseTheSameLayout() {
        JsonOutput out = new JsonOutput(64, 1000);
        renderer(false).renderInternal(out, TS, Levels.WARN, "fastlog dropped events: the queue was full",
                new String[] {"dropped", "dropped_total"}, new long[] {3, 10});
        assertEquals("09:10:43.512 WARN  fastlog - fastlog dropped events: the queue was full dropped=3"
                + " dropped_total=10\n", utf8(out));
    }

    @Test
    void textCannotForgeALineOrReachTheTerminal() {
        String evil = "ok\nINFO  forged\r\u001b[31mred\u001b]0;title\u0007\u009b1m\u2028\u202eevil\u0000";
        String out = render(renderer(true), "x\u001b[2Jlogger", Levels.INFO, evil, null, evil, evil,
                "nested", Map.of("k", evil));
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out);
        assertTrue(out.endsWith("\n"));
        String withoutOurStyles = out.replaceAll("\u001b\\[(0|2|32|36)m", "");
        for (char c : withoutOurStyles.substring(0, withoutOurStyles.length() - 1).toCharArray()) {
            assertFalse(c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u202e',
                    () -> "raw control U+" + Integer.toHexString(c) + " in " + out);
        }
        assertTrue(out.contains("ok\\nINFO  forged\\r\\u001b[31mred\\u001b]0;title\\u0007\\u009b1m\\u2028\\u202eevil\\u0000"), out);
        assertTrue(out.contains("nested=" + ESC + "[0m{\"k\":\"ok\\nINFO  forged\\r\\u001b[31mred\\u001b]0;title\\u0007"
                + "\\u009b1m\\u2028\\u202eevil\\u0000\"}"), out);
    }

    @Test
    void aValueThatCannotBeRenderedLeavesAValidLine() {
        // A CharSequence staged directly (only fastlog's own code does this) whose charAt throws.
        CharSequence bad = new CharSequence() {
            public int length() { return 3; }
            public char charAt(int i) { throw new IllegalStateException("no"); }
            public CharSequence subSequence(int s, int e) { return this; }
            @Override public String toString() { throw new IllegalStateException("no"); }
        };
        String out = render(renderer(false), "x", Levels.INFO, "m", null, "bad", bad, "good", 1L);
        assertEquals("09:10:43.512 INFO  x - m bad=\"<unrenderable value: java.lang.IllegalStateException>\" good=1\n", out);
    }
}
