package fastlog.internal.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch microseconds as {@code "2026-11-25T09:14:03.512044Z"}. The date-and-seconds
 * prefix is cached for the last second seen, so consecutive events cost only the six digits of
 * microseconds; a new second is computed with integer arithmetic (days-to-civil), no java.time.
 */
final class TimestampFormat {

    private static final DateTimeFormatter OUTSIDE_RANGE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_800L;

    /** {@code "yyyy-mm-ddThh:mm:ss.} for {@link #cachedSecond}. */
    private final byte[] prefix = new byte[21];
    private long cachedSecond = Long.MIN_VALUE;
    /** {@link #cachedSecond} in microseconds: a timestamp in the cached second needs no division. */
    private long cachedSecondMicros = Long.MIN_VALUE;

    private static final byte[] TWO_DIGITS = new byte[200];
    static {
        for (int i = 0; i < 100; i++) {
            TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
            TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    int write(long epochMicros, byte[] b, int p) {
        long offset = epochMicros - cachedSecondMicros;
        if (offset >= 0 && offset < 1_000_000L && cachedSecondMicros != Long.MIN_VALUE) {
            return writeCached((int) offset, b, p);
        }
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        if (second < MIN_SECOND || second >= MAX_SECOND) {
            String s = '"' + OUTSIDE_RANGE.format(Instant.ofEpochSecond(second, micros * 1000L)) + '"';
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, b, p, bytes.length);
            return p + bytes.length;
        }
        if (second != cachedSecond) {
            formatPrefix(second);
            cachedSecond = second;
            cachedSecondMicros = second * 1_000_000L;
        }
        return writeCached(micros, b, p);
    }

    private int writeCached(int micros, byte[] b, int p) {
        System.arraycopy(prefix, 0, b, p, prefix.length);
        p += prefix.length;
        int hi = micros / 10_000;
        int rest = micros - hi * 10_000;
        int mid = rest / 100;
        int lo = rest - mid * 100;
        b[p] = TWO_DIGITS[2 * hi];
        b[p + 1] = TWO_DIGITS[2 * hi + 1];
        b[p + 2] = TWO_DIGITS[2 * mid];
        b[p + 3] = TWO_DIGITS[2 * mid + 1];
        b[p + 4] = TWO_DIGITS[2 * lo];
        b[p + 5] = TWO_DIGITS[2 * lo + 1];
        b[p + 6] = 'Z';
        b[p + 7] = '"';
        return p + 8;
    }

    private void formatPrefix(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // Howard Hinnant's days_from_civil inverse.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (m <= 2 ? y + 1 : y);
        byte[] b = prefix;
        b[0] = '"';
        put4(b, 1, year);
        b[5] = '-';
        put2(b, 6, m);
        b[8] = '-';
        put2(b, 9, d);
        b[11] = 'T';
        put2(b, 12, secOfDay / 3600);
        b[14] = ':';
        put2(b, 15, secOfDay / 60 % 60);
        b[17] = ':';
        put2(b, 18, secOfDay % 60);
        b[20] = '.';
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    private static void put4(byte[] b, int at, int v) {
        put2(b, at, v / 100);
        put2(b, at + 2, v % 100);
    }
}
