package fastlog.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch microseconds as {@code "2026-11-25T09:14:03.512044Z"} (quotes included). The
 * quoted date-and-seconds prefix is cached for the last second seen, so consecutive events cost
 * only the six digits of microseconds; a new second is computed with integer arithmetic
 * (days-to-civil), no java.time objects. Not thread-safe: one per {@link JsonOutput}.
 */
final class TimestampFormat {

    /** Bytes written by {@link #write}: quote, 27 chars of timestamp, quote. */
    static final int LENGTH = 29;

    /** Same text as the fast path, for years that need a sign or more than four digits. */
    private static final DateTimeFormatter WIDE_YEARS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_800L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** {@code "yyyy-mm-ddThh:mm:ss.} for {@link #cachedSecondMicros}. */
    private final byte[] prefix = new byte[21];
    /** Start of the cached second in micros; a timestamp within it needs no division. */
    private long cachedSecondMicros = Long.MIN_VALUE;

    /**
     * Writes the quoted timestamp at {@code b[p]} (room for {@link #LENGTH} bytes required) and
     * returns the end position, or returns -1 without writing if the year is outside 0000-9999.
     */
    int write(long epochMicros, byte[] b, int p) {
        long offset = epochMicros - cachedSecondMicros;
        if (offset >= 0 && offset < MICROS_PER_SECOND && cachedSecondMicros != Long.MIN_VALUE) {
            return writeWithPrefix((int) offset, b, p);
        }
        long second = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
        if (second < MIN_SECOND || second >= MAX_SECOND) {
            return -1;
        }
        formatPrefix(second);
        cachedSecondMicros = second * MICROS_PER_SECOND;
        return writeWithPrefix((int) (epochMicros - cachedSecondMicros), b, p);
    }

    /** The timestamp, unquoted, for years outside 0000-9999 ({@code +10000-01-01T00:00:00.000000Z}). */
    static String formatOutsideFourDigitYears(long epochMicros) {
        long second = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
        long micros = Math.floorMod(epochMicros, MICROS_PER_SECOND);
        return WIDE_YEARS.format(Instant.ofEpochSecond(second, micros * 1000));
    }

    private int writeWithPrefix(int micros, byte[] b, int p) {
        System.arraycopy(prefix, 0, b, p, prefix.length);
        p += prefix.length;
        int hi = micros / 10_000;
        int rest = micros - hi * 10_000;
        int mid = rest / 100;
        int lo = rest - mid * 100;
        byte[] digits = JsonOutput.TWO_DIGITS;
        b[p] = digits[2 * hi];
        b[p + 1] = digits[2 * hi + 1];
        b[p + 2] = digits[2 * mid];
        b[p + 3] = digits[2 * mid + 1];
        b[p + 4] = digits[2 * lo];
        b[p + 5] = digits[2 * lo + 1];
        b[p + 6] = 'Z';
        b[p + 7] = '"';
        return p + 8;
    }

    private void formatPrefix(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // civil_from_days (H. Hinnant): eras of 400 years, years starting on March 1st so the
        // leap day is last and month lengths follow a fixed (153 * m + 2) / 5 pattern.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        byte[] b = prefix;
        b[0] = '"';
        put2(b, 1, year / 100);
        put2(b, 3, year % 100);
        b[5] = '-';
        put2(b, 6, month);
        b[8] = '-';
        put2(b, 9, day);
        b[11] = 'T';
        put2(b, 12, secondOfDay / 3600);
        b[14] = ':';
        put2(b, 15, secondOfDay / 60 % 60);
        b[17] = ':';
        put2(b, 18, secondOfDay % 60);
        b[20] = '.';
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = JsonOutput.TWO_DIGITS[2 * v];
        b[at + 1] = JsonOutput.TWO_DIGITS[2 * v + 1];
    }
}
