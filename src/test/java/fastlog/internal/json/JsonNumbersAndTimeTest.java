package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Numbers parse back exactly; timestamps match java.time's formatting everywhere. */
class JsonNumbersAndTimeTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final long SEED = 42L;
    private static final DateTimeFormatter RFC3339_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static String text(JsonOutput out) {
        return new String(out.array(), 0, out.size(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void longsIncludingExtremes() {
        JsonOutput out = new JsonOutput(8, 100);
        long[] values = {0, 1, -1, 9, 10, 99, 100, 999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, Integer.MIN_VALUE};
        for (long v : values) {
            out.reset();
            out.writeLong(v);
            assertEquals(Long.toString(v), text(out));
        }
        Random r = new Random(SEED);
        for (int i = 0; i < 100_000; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            out.reset();
            out.writeLong(v);
            assertEquals(Long.toString(v), text(out), "seed " + SEED);
        }
    }

    @Test
    void doublesParseBackExactly() throws Exception {
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> (double) r.nextInt(1_000_000) * (r.nextBoolean() ? 1 : -1);
                case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                default -> r.nextGaussian();
            };
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            out.reset();
            out.writeDouble(v);
            String json = text(out);
            double parsed = JACKSON.readTree(json).doubleValue();
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(parsed), "seed " + SEED + ": " + json);
        }
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            out.reset();
            out.writeDouble(v);
            assertEquals(v > 0 ? "\"Infinity\"" : v < 0 ? "\"-Infinity\"" : "\"NaN\"", text(out));
        }
        out.reset();
        out.writeDouble(-0.0);
        assertEquals("-0.0", text(out));
        out.reset();
        out.writeDouble(12.0);
        assertEquals("12.0", text(out));
        for (double d : new double[] {12.5, 0.05, -3.25, 0.1, 1234.5678, 0.001, -0.125, 9_999.5}) {
            out.reset();
            out.writeDouble(d);
            assertEquals(Double.toString(d), text(out), "short decimals print like Double.toString");
        }
        out.reset();
        out.writeFloat(1.1f);
        assertEquals("1.1", text(out));
    }

    @Test
    void timestampsMatchJavaTime() {
        JsonOutput out = new JsonOutput(8, 100);
        Random r = new Random(SEED);
        long min = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        long max = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        long base = Instant.parse("2026-11-25T09:14:03Z").getEpochSecond() * 1_000_000L;
        for (int i = 0; i < 200_000; i++) {
            long micros = switch (i % 3) {
                case 0 -> min + (long) (r.nextDouble() * (max - min));
                case 1 -> base + r.nextInt(3_000_000) - 1_500_000; // around second boundaries, cached prefix
                default -> r.nextInt(4_000_000) - 2_000_000L;      // around the epoch, negative too
            };
            out.reset();
            out.writeTimestamp(micros);
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
            assertEquals('"' + RFC3339_MICROS.format(instant) + '"', text(out), "seed " + SEED + " micros " + micros);
        }
    }
}
