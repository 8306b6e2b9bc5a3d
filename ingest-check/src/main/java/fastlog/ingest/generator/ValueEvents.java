package fastlog.ingest.generator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import fastlog.api.Level;

/**
 * Scalars: every primitive through the typed overloads and boxed through the varargs form,
 * BigInteger/BigDecimal, NaN and the infinities, the five levels, strings with the fuzz test's
 * characters, very long strings and messages, control characters and invalid UTF-16. Each value
 * kind has its own key ({@code v_long}, {@code v_double}, ...): a search index maps a field to one
 * type, so one key with two kinds would be a mapping conflict in any backend.
 */
final class ValueEvents {

    private ValueEvents() {
    }

    static void log(Events ev, TrickyText tricky) {
        // integers: typed long overload (int, short, byte and char widen to long), then boxed
        ev.at("long").info("typed long", "v_long", 42L);
        ev.at("long").info("int widens", "v_long", Integer.MIN_VALUE);
        ev.at("long").info("short and byte widen", "v_long", (short) -7, "v_long2", (byte) 8);
        ev.at("long").info("char widens to its code", "v_long", 'x');
        ev.at("long").info("extremes", "v_long", Long.MIN_VALUE, "v_long2", Long.MAX_VALUE);
        ev.at("long").info("boxed", new Object[] {"v_long", Integer.valueOf(7), "v_long2", Long.valueOf(-1),
                "v_long3", Short.valueOf((short) 3), "v_long4", Byte.valueOf((byte) 4)});
        // doubles: typed, float widening, boxed, extremes
        ev.at("double").info("typed double", "v_double", 1.5);
        ev.at("double").info("float widens", "v_double", 1.1f);
        ev.at("double").info("boxed float and double", new Object[] {"v_double", (Object) 1.1f, "v_double2", Double.valueOf(2.5)});
        ev.at("double").info("extremes", "v_double", Double.MAX_VALUE, "v_double2", Double.MIN_VALUE);
        ev.at("double").info("negative zero and tiny", "v_double", -0.0, "v_double2", 1e-300);
        ev.at("double").info("integral double", "v_double", 3.0, "v_double2", 1e21);
        // NaN and the infinities are written as strings: the numeric field needs ignore_malformed
        ev.at("non-finite").info("NaN", "v_double", Double.NaN);
        ev.at("non-finite").info("infinities", "v_double", Double.POSITIVE_INFINITY, "v_double2", Double.NEGATIVE_INFINITY);
        ev.at("non-finite").info("float NaN boxed", new Object[] {"v_double", (Object) Float.NaN});
        // big numbers
        ev.at("bignum").info("BigInteger", new Object[] {"v_bigint", BigInteger.valueOf(42),
                "v_bigint2", BigInteger.TWO.pow(64), "v_bigint3", BigInteger.TEN.pow(30).negate()});
        ev.at("bignum").info("BigInteger beyond double", "v_bigint", BigInteger.TEN.pow(400));
        ev.at("bignum").info("BigDecimal", new Object[] {"v_bigdec", new BigDecimal("1.00000000000000000000000000001"),
                "v_bigdec2", new BigDecimal("-0.000"), "v_bigdec3", new BigDecimal("1E+30")});
        ev.at("bignum").info("BigDecimal beyond double", "v_bigdec", new BigDecimal("1E+400"));
        // booleans, null, characters
        ev.at("bool").info("booleans", "v_bool", true, "v_bool2", Boolean.FALSE);
        ev.at("null").info("null value", "v_null", null);
        ev.at("null").info(null);
        ev.at("character").info("Character and char[]", new Object[] {"v_char", (Object) 'x', "v_chars", new char[] {'p', 'w'}});
        // JDK value types: their ISO/toString form
        ev.at("jdk-values").info("enum, UUID, time", new Object[] {"v_enum", TimeUnit.SECONDS,
                "v_uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                "v_instant", Instant.parse("2026-11-30T12:00:00.123456789Z"), "v_date", LocalDate.of(2026, 11, 30),
                "v_duration", Duration.ofMillis(1500),
                "v_zoned", ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneId.of("Europe/Paris"))});
        // the five levels
        for (Level level : Level.values()) {
            ev.at("level").log(level, "level " + level, "v_long", level.ordinal());
        }
        // strings: the fuzz test's characters, in values and messages
        for (int i = 0; i < 60; i++) {
            ev.at("string-tricky").info(tricky.next(), "v_str", tricky.next(), "v_str2", tricky.next());
        }
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        controls.append("\u007f\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF\"\\/");
        ev.at("string-controls").info("controls: " + controls, "v_str", controls.toString());
        ev.at("string-utf16").info("invalid UTF-16", new Object[] {"v_str", "lone high \uD800 end",
                "v_str2", "lone low \uDC00 end", "v_str3", "reversed \uDC00\uD800 pair", "v_str4", "pair \uD83D\uDE00 ok",
                "v_str5", "\uD800"});
        ev.at("string-unicode").info("日本語 é 😀 \u0000 in a message", "v_str", "Ünïcödé 日本 😀 \u00e9");
        ev.at("string-long").info("100,000-char value, cut at maxStringLength", "v_str", tricky.text(100_000));
        ev.at("string-long").info("x".repeat(100_000));
        ev.at("string-long").info("many 4-byte chars", "v_str", "😀".repeat(40_000));
        ev.at("string-empty").info("", "v_str", "");
    }
}
