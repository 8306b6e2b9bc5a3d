package fastlog.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    /** Eight bytes at a time into a byte[], lowest address first, at any offset. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@link JsonOutput#TWO_DIGITS} as one 16-bit value per number 00..99, first digit in the low byte. */
    private static final long[] PAIRS = new long[100];
    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[i] = JsonOutput.TWO_DIGITS[2 * i] | JsonOutput.TWO_DIGITS[2 * i + 1] << 8;
        }
    }
    /** The bytes {@code Z"} after the six digits, at bytes 6 and 7 of the last word. */
    private static final long ZULU_QUOTE = (long) 'Z' << 48 | (long) '"' << 56;

    /** {@code "yyyy-mm-ddThh:mm:ss.} for {@link #cachedSecondMicros}. */
    private final byte[] prefix = new byte[21];
    /** {@link #prefix}'s bytes 0-7, 8-15 and 13-20 (the last two overlap), written as three words. */
    private long prefix0;
    private long prefix1;
    private long prefix2;
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

    /**
     * Four 8-byte stores: the cached prefix as three overlapping words, then the six digits with
     * {@code Z"} as one word. Against a 21-byte copy and eight byte stores: about 4 ns less per
     * 3-field line (bench/results/ab-timestamp-words-*-2026-12-02.json).
     */
    private int writeWithPrefix(int micros, byte[] b, int p) {
        LONGS.set(b, p, prefix0);
        LONGS.set(b, p + 8, prefix1);
        LONGS.set(b, p + 13, prefix2);
        int hi = micros / 10_000;
        int rest = micros - hi * 10_000;
        int mid = rest / 100;
        int lo = rest - mid * 100;
        LONGS.set(b, p + 21, PAIRS[hi] | PAIRS[mid] << 16 | PAIRS[lo] << 32 | ZULU_QUOTE);
        return p + LENGTH;
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
        prefix0 = (long) LONGS.get(b, 0);
        prefix1 = (long) LONGS.get(b, 8);
        prefix2 = (long) LONGS.get(b, 13);
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = JsonOutput.TWO_DIGITS[2 * v];
        b[at + 1] = JsonOutput.TWO_DIGITS[2 * v + 1];
    }
}
