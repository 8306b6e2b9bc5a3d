package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Numbers parse back exactly; timestamps match java.time's formatting everywhere. */
class JsonNumbersAndTimeTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final long SEED = 42L;
    private static final DateTimeFormatter RFC3339_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static String text(JsonOutput out) {
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    @Test
    void longsIncludingExtremes() {
        JsonOutput out = new JsonOutput(8, 100);
        long[] values = {0, 1, -1, 9, 10, 99, 100, -100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (long v : values) {
            out.reset();
            out.writeLong(v);
            assertEquals(Long.toString(v), text(out));
        }
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, -p, -p + 1}) {
                out.reset();
                out.writeLong(v);
                assertEquals(Long.toString(v), text(out));
            }
        }
        Random r = new Random(SEED);
        for (int i = 0; i < 100_000; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            out.reset();
            out.writeLong(v);
            assertEquals(Long.toString(v), text(out), "seed " + SEED);
        }
    }

    private static double randomDouble(Random r, int i) {
        return switch (i % 6) {
            case 0 -> Double.longBitsToDouble(r.nextLong());
            case 1 -> (double) r.nextInt(1_000_000) * (r.nextBoolean() ? 1 : -1);
            case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            case 3 -> r.nextInt(100_000_000) / Math.pow(10, r.nextInt(10)) * (r.nextBoolean() ? 1 : -1);
            case 4 -> (double) (r.nextLong() >> r.nextInt(64));
            default -> r.nextGaussian();
        };
    }

    @Test
    void doublesParseBackExactly() throws Exception {
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        for (int i = 0; i < 200_000; i++) {
            double v = randomDouble(r, i);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            out.reset();
            out.writeDouble(v);
            String json = text(out);
            JsonNode parsed = JACKSON.readTree(json);
            assertTrue(parsed.isNumber(), () -> "seed " + SEED + ": not a number: " + json);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(parsed.doubleValue()),
                    () -> "seed " + SEED + ": " + v + " written as " + json);
        }
    }

    @Test
    void specialAndShortDoubles() {
        JsonOutput out = new JsonOutput(8, 100);
        assertDouble(out, Double.NaN, "\"NaN\"");
        assertDouble(out, Double.POSITIVE_INFINITY, "\"Infinity\"");
        assertDouble(out, Double.NEGATIVE_INFINITY, "\"-Infinity\"");
        assertDouble(out, 0.0, "0.0");
        assertDouble(out, -0.0, "-0.0");
        assertDouble(out, 12.0, "12.0");
        assertDouble(out, -12.0, "-12.0");
        assertDouble(out, 1e14, "100000000000000.0");
        assertDouble(out, 999_999_999_999_999.0, "999999999999999.0");
        assertDouble(out, 1e15, "1.0E15");
        assertDouble(out, 1e-5, "1.0E-5");
        assertDouble(out, Double.MIN_VALUE, "4.9E-324");
        assertDouble(out, Double.MAX_VALUE, "1.7976931348623157E308");
        for (double d : new double[] {12.5, 0.05, -3.25, 0.1, 0.3, 1234.5678, 0.001, -0.125, 9_999.5, 0.000123,
            1_234_567.125, 0.1 + 0.2, 1.0 / 3}) {
            assertDouble(out, d, Double.toString(d));
        }
        // Plain notation up to 1e9 (Double.toString switches to E notation at 1e7).
        assertDouble(out, 123_456_789.125, "123456789.125");
        assertDouble(out, -10_000_000.5, "-10000000.5");
    }

    @Test
    void numbersOutsideThePlainRangeAreWrittenAsJavaWritesThem() {
        // writeDouble/writeFloat format these through a reused StringBuilder; the text must be
        // exactly Double.toString's / Float.toString's.
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d) && (Math.abs(d) < 1e-3 || Math.abs(d) >= 1e15)) {
                assertDouble(out, d, Double.toString(d));
            }
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f) && (Math.abs(f) < 1e-3f || Math.abs(f) >= 1e15f)) {
                assertFloat(out, f, Float.toString(f));
            }
        }
    }

    /**
     * Short decimals whose value lies just below or above an integer, up to 1e9 and with up to
     * nine decimals (float: 1e7 and seven): the written integer part is the value's, and the
     * text is the value's exact decimal. The writer takes the integer part from the double
     * itself, not from dividing the decimal's digits, so these are where the two could differ.
     */
    @Test
    void shortDecimalsNextToAnIntegerKeepTheirIntegerPart() {
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        int shortPath = 0;
        for (int i = 0; i < 100_000; i++) {
            long integer = switch (i % 4) {
                case 0 -> r.nextInt(10);
                case 1 -> 999_999_999L - r.nextInt(10);
                case 2 -> (long) Math.pow(10, r.nextInt(9)) - r.nextInt(2);
                default -> r.nextInt(1_000_000_000);
            };
            int k = 1 + r.nextInt(9);
            long pow = (long) Math.pow(10, k);
            long fraction = r.nextBoolean() ? 1 + r.nextInt(9) : pow - 1 - r.nextInt(9); // .000001 or .999999
            BigDecimal unsigned = BigDecimal.valueOf(integer * pow + fraction, k);
            BigDecimal decimal = r.nextBoolean() ? unsigned.negate() : unsigned;
            double v = decimal.doubleValue();
            out.reset();
            out.writeDouble(v);
            String text = text(out);
            BigDecimal written = new BigDecimal(text);
            assertEquals(v, written.doubleValue(), () -> decimal + " -> " + v + " written as " + text);
            if (!text.contains("E") && !text.endsWith(".0")) {
                shortPath++; // plain notation with a fraction: written by the short-decimal path
            }
            assertEquals(new BigDecimal(v).toBigInteger(), written.toBigInteger(),
                    () -> decimal + " -> " + v + " written as " + text);

            float f = decimal.floatValue();
            if (Math.abs(f) < 1e7f && k <= 7) {
                out.reset();
                out.writeFloat(f);
                String ftext = text(out);
                assertEquals(f, Float.parseFloat(ftext), () -> decimal + " -> " + f + "f written as " + ftext);
                assertEquals(new BigDecimal(f).toBigInteger(), new BigDecimal(ftext).toBigInteger(),
                        () -> decimal + " -> " + f + "f written as " + ftext);
            }
        }
        assertTrue(shortPath > 50_000, "too few cases took the short-decimal path: " + shortPath);
    }

    private static void assertDouble(JsonOutput out, double v, String expected) {
        out.reset();
        out.writeDouble(v);
        assertEquals(expected, text(out), () -> "writeDouble(" + v + ")");
    }

    @Test
    void floatsParseBackExactly() throws Exception {
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        for (int i = 0; i < 200_000; i++) {
            float v = switch (i % 4) {
                case 0 -> Float.intBitsToFloat(r.nextInt());
                case 1 -> r.nextInt(100_000) / (float) Math.pow(10, r.nextInt(8));
                case 2 -> (float) (r.nextDouble() * Math.pow(10, r.nextInt(20) - 10));
                default -> (float) r.nextGaussian();
            };
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                continue;
            }
            out.reset();
            out.writeFloat(v);
            String json = text(out);
            JsonNode parsed = JACKSON.readTree(json);
            assertTrue(parsed.isNumber(), () -> "seed " + SEED + ": not a number: " + json);
            assertEquals(Float.floatToIntBits(v), Float.floatToIntBits(Float.parseFloat(json)),
                    () -> "seed " + SEED + ": " + v + " written as " + json);
            if (!json.equals(Float.toString(v))) {
                // Only the allocation-free forms may differ from Float.toString, and those must
                // also survive a reader that parses into a double and narrows.
                assertEquals(Float.floatToIntBits(v), Float.floatToIntBits((float) parsed.doubleValue()),
                        () -> "seed " + SEED + ": " + v + " written as " + json);
            }
        }
        assertFloat(out, Float.NaN, "\"NaN\"");
        assertFloat(out, Float.POSITIVE_INFINITY, "\"Infinity\"");
        assertFloat(out, Float.NEGATIVE_INFINITY, "\"-Infinity\"");
        assertFloat(out, -0.0f, "-0.0");
        assertFloat(out, 1.1f, "1.1");
        assertFloat(out, 0.1f, "0.1");
        assertFloat(out, 12f, "12.0");
        assertFloat(out, 3.4028235E38f, "3.4028235E38");
        assertFloat(out, 1.0E-10f, "1.0E-10");
    }

    private static void assertFloat(JsonOutput out, float v, String expected) {
        out.reset();
        out.writeFloat(v);
        assertEquals(expected, text(out), () -> "writeFloat(" + v + ")");
    }

    private static String expectedTimestamp(long micros) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        return '"' + RFC3339_MICROS.format(instant) + '"';
    }

    @Test
    void timestampsMatchJavaTime() {
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        long min = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        long max = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        long base = Instant.parse("2026-11-25T09:14:03Z").getEpochSecond() * 1_000_000L;
        for (int i = 0; i < 300_000; i++) {
            long micros = switch (i % 4) {
                case 0 -> min + (long) (r.nextDouble() * (max - min));
                case 1 -> base + r.nextInt(3_000_000) - 1_500_000;  // around second boundaries, cached prefix
                case 2 -> r.nextInt(4_000_000) - 2_000_000L;        // around the epoch, negative too
                default -> base + (long) i * 1_000_000L + r.nextInt(3) - 1; // each second's first/last micro
            };
            out.reset();
            out.writeTimestamp(micros);
            assertEquals(expectedTimestamp(micros), text(out), "seed " + SEED + " micros " + micros);
        }
    }

    @Test
    void timestampFormsAreFixedWidth() {
        JsonOutput out = new JsonOutput(8, 100);
        out.writeTimestamp(Instant.parse("2026-11-25T09:14:03.512044Z").toEpochMilli() * 1000 + 44);
        assertEquals("\"2026-11-25T09:14:03.512044Z\"", text(out));
        out.reset();
        out.writeTimestamp(0);
        assertEquals("\"1970-01-01T00:00:00.000000Z\"", text(out));
        out.reset();
        out.writeTimestamp(-1);
        assertEquals("\"1969-12-31T23:59:59.999999Z\"", text(out));
    }

    /**
     * The timestamp is written in 8-byte words, some overlapping: at every offset it must land whole
     * and leave the bytes before and after it alone, both from the cached second and from a newly
     * computed one. The buffer starts at its 16-byte minimum, so for offsets up to 15 it grows to end
     * exactly where the first timestamp ends.
     */
    @Test
    void timestampsAtAnyOffsetLeaveTheBytesAroundThem() {
        long second = Instant.parse("2026-11-25T09:14:03Z").getEpochSecond() * 1_000_000L;
        long[] times = {second + 512_044, second + 999_999, second + 1_000_000, second + 7};
        for (int offset = 0; offset <= 40; offset++) {
            JsonOutput out = new JsonOutput(1, 100);
            StringBuilder expected = new StringBuilder();
            for (long micros : times) {
                for (int i = 0; i < offset; i++) {
                    out.writeByte('a' + i % 26);
                    expected.append((char) ('a' + i % 26));
                }
                out.writeTimestamp(micros);
                expected.append(expectedTimestamp(micros));
            }
            out.writeByte('!');
            expected.append('!');
            assertEquals(expected.toString(), text(out), "offset " + offset);
        }
    }

    @Test
    void timestampsAtAndBeyondFourDigitYears() {
        JsonOutput out = new JsonOutput(8, 100);
        long year0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        long year10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        long[] edges = {year0, year0 - 1, year0 + 1, year10000, year10000 - 1, year10000 + 1,
            Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
            Instant.parse("1600-02-29T12:00:00Z").getEpochSecond() * 1_000_000L,
            Instant.parse("2000-02-29T23:59:59.999999Z").getEpochSecond() * 1_000_000L + 999_999};
        for (long micros : edges) {
            out.reset();
            out.writeTimestamp(micros);
            assertEquals(expectedTimestamp(micros), text(out), "micros " + micros);
        }
        out.reset();
        out.writeTimestamp(year0 - 1);
        assertEquals("\"-0001-12-31T23:59:59.999999Z\"", text(out));
        out.reset();
        out.writeTimestamp(year10000);
        assertEquals("\"+10000-01-01T00:00:00.000000Z\"", text(out));
        // A wide timestamp right after a cached one, and the cached second again after it.
        out.reset();
        out.writeTimestamp(year10000 - 1);
        out.writeTimestamp(year10000);
        out.writeTimestamp(year10000 - 2);
        assertEquals("\"9999-12-31T23:59:59.999999Z\"\"+10000-01-01T00:00:00.000000Z\"\"9999-12-31T23:59:59.999998Z\"",
                text(out));
    }
}
