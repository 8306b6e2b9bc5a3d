package fastlog.internal.json;

import java.util.Arrays;

/**
 * A growable, reusable byte buffer that writes JSON as UTF-8.
 *
 * <p>Strings are escaped per RFC 8259: quote, backslash and every control character (and DEL,
 * and U+2028/U+2029 so a line stays valid JavaScript). A lone UTF-16 surrogate becomes U+FFFD,
 * so the output is always valid UTF-8. A string longer than {@code maxStringLength} chars is cut
 * (never inside a surrogate pair) and ends with "…".
 *
 * <p>Single-threaded: owned by whoever renders. Nothing here allocates except buffer growth
 * and timestamps outside years 0000-9999.
 *
 * <p>If a {@link CharSequence} throws from {@code length()} or {@code charAt()}, the exception
 * propagates and the buffer may hold part of the string; the caller remembers {@link #size()}
 * before writing a value and rolls back with {@link #truncate}.
 */
public final class JsonOutput {

    private static final byte[] HEX = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    /** Per ASCII char: 0 = copy as is, else the escape letter ('u' meaning {@code \}{@code u00XX}). */
    private static final byte[] ESCAPE = new byte[128];
    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
        ESCAPE[0x7F] = 'u';
    }
    /** "00".."99", two bytes each: halves the divisions when printing numbers. */
    static final byte[] TWO_DIGITS = new byte[200];
    static {
        for (int i = 0; i < 100; i++) {
            TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
            TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }
    private static final long[] LONG_POW10 = new long[19];
    static {
        LONG_POW10[0] = 1;
        for (int i = 1; i < LONG_POW10.length; i++) {
            LONG_POW10[i] = LONG_POW10[i - 1] * 10;
        }
    }
    private static final double[] DOUBLE_POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final float[] FLOAT_POW10 = {1, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f};

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] LONG_MIN = {
        '-', '9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '8'};
    private static final byte[] NAN = {'"', 'N', 'a', 'N', '"'};
    private static final byte[] POSITIVE_INFINITY = {'"', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y', '"'};
    private static final byte[] NEGATIVE_INFINITY = {'"', '-', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y', '"'};
    private static final byte[] NEGATIVE_ZERO = {'-', '0', '.', '0'};

    /**
     * Strings are encoded this many chars at a time, reserving the worst case (6 bytes a char)
     * per chunk rather than for the whole string: a 10 MB string must not reserve 60 MB.
     */
    private static final int CHUNK_CHARS = 4096;
    /** Strings up to this many chars first try {@link #writePlainAscii}; longer ones are rarely all plain. */
    private static final int PLAIN_ASCII_MAX = 256;

    private final int maxStringLength;
    private final TimestampFormat timestamps = new TimestampFormat();
    /** Scratch for {@link #writeDecimalText}: holds one number's text at a time. */
    private final StringBuilder decimalText = new StringBuilder(32);
    /** Scratch for {@link #encodeChunk}: one chunk's chars (grows to CHUNK_CHARS + 1). */
    private char[] chars = new char[32];
    private byte[] buf;
    private int size;

    /**
     * @param initialCapacity bytes to start with; the buffer grows as needed
     * @param maxStringLength longest string written in full, in chars; longer ones are cut
     */
    public JsonOutput(int initialCapacity, int maxStringLength) {
        if (maxStringLength < 0) {
            throw new IllegalArgumentException("maxStringLength < 0: " + maxStringLength);
        }
        this.buf = new byte[Math.max(16, initialCapacity)];
        this.maxStringLength = maxStringLength;
    }

    /** The backing array: bytes {@code [0, size())} are the output. Replaced when it grows. */
    public byte[] array() {
        return buf;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** Rolls back to an earlier {@link #size()}, e.g. after a value failed half-way. */
    public void truncate(int size) {
        if (size < 0 || size > this.size) {
            throw new IllegalArgumentException("size " + size + " outside [0, " + this.size + "]");
        }
        this.size = size;
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed > buf.length) {
            grow(needed);
        }
    }

    private void grow(int needed) {
        if (needed < 0) {
            throw new OutOfMemoryError("JSON buffer over 2 GB");
        }
        int larger = buf.length + (buf.length >> 1);
        buf = Arrays.copyOf(buf, larger < 0 ? needed : Math.max(needed, larger));
    }

    public void writeByte(int b) {
        if (size == buf.length) {
            grow(size + 1);
        }
        buf[size++] = (byte) b;
    }

    public void writeRaw(byte[] bytes) {
        writeRaw(bytes, 0, bytes.length);
    }

    public void writeRaw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
    }

    /** Writes {@code s} as is: the caller guarantees it is ASCII and needs no escaping. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exact for ASCII, no allocation
    public void writeAsciiRaw(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, size);
        size += n;
    }

    public void writeNull() {
        writeRaw(NULL);
    }

    public void writeBoolean(boolean v) {
        writeRaw(v ? TRUE : FALSE);
    }

    /** {@code "key":}, escaped and cut like {@link #writeString}; the caller writes any comma. */
    public void writeKey(String key) {
        writeString(key);
        writeByte(':');
    }

    /**
     * A quoted, escaped JSON string, cut after {@code maxStringLength} chars (see the class
     * comment). A throwing {@code CharSequence} leaves a partial string: roll back with
     * {@link #truncate}.
     */
    public void writeString(CharSequence s) {
        if (s instanceof String str && writePlainAscii(str)) {
            return;
        }
        int len = s.length();
        int limit = len;
        if (len > maxStringLength) {
            limit = maxStringLength;
            if (limit > 0 && Character.isHighSurrogate(s.charAt(limit - 1))
                    && Character.isLowSurrogate(s.charAt(limit))) {
                limit--; // never split a pair
            }
        }
        writeByte('"');
        int i = 0;
        while (i < limit) {
            int end = limit - i > CHUNK_CHARS ? i + CHUNK_CHARS : limit;
            i = encodeChunk(s, i, end, limit);
        }
        ensure(4);
        byte[] b = buf;
        int p = size;
        if (limit < len) {
            b[p++] = (byte) 0xE2; // U+2026 HORIZONTAL ELLIPSIS
            b[p++] = (byte) 0x80;
            b[p++] = (byte) 0xA6;
        }
        b[p++] = '"';
        size = p;
    }

    /**
     * The common string: short, ASCII, nothing to escape. Written straight from {@code charAt}
     * into the buffer with one capacity check, no chunk copy and no call to {@link #encodeChars}.
     * Returns false, having written nothing ({@link #size()} unchanged), at the first char that
     * needs more; the general path then starts over.
     */
    private boolean writePlainAscii(String s) {
        int len = s.length();
        if (len > PLAIN_ASCII_MAX || len > maxStringLength) {
            return false;
        }
        ensure(len + 2);
        byte[] b = buf;
        int p = size;
        b[p] = '"';
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80 || ESCAPE[ch] != 0) {
                return false;
            }
            b[p + 1 + i] = (byte) ch;
        }
        b[p + 1 + len] = '"';
        size = p + 2 + len;
        return true;
    }

    /**
     * Encodes chars {@code [from, end)}, plus the low half of a pair that straddles {@code end}
     * (the 6 bytes reserved for its high half cover the 4 the pair needs). Returns the index
     * after the last char consumed.
     *
     * <p>The chars are first copied into {@link #chars}: a loop over a char[] runs much faster
     * than {@code charAt} on a String (no coder or bounds check per char), and for a String the
     * copy is one bulk {@code getChars}.
     */
    private int encodeChunk(CharSequence s, int from, int end, int limit) {
        int copyEnd = Math.min(end + 1, limit); // one more char: the low half of a straddling pair
        int n = copyEnd - from;
        char[] c = chars;
        if (c.length < n) {
            chars = c = new char[Math.max(n, Math.min(2 * c.length, CHUNK_CHARS + 1))];
        }
        if (s instanceof String str) {
            str.getChars(from, copyEnd, c, 0);
        } else {
            for (int i = 0; i < n; i++) {
                c[i] = s.charAt(from + i);
            }
        }
        ensure((end - from) * 6);
        return from + encodeChars(c, end - from, n);
    }

    /**
     * Encodes {@code c[0, count)}, and {@code c[count]} too if it is the low half of a pair
     * started at {@code c[count - 1]} ({@code available} chars are valid). Returns the chars
     * consumed. The caller has reserved 6 bytes per char.
     */
    private int encodeChars(char[] c, int count, int available) {
        byte[] b = buf;
        int p = size;
        int i = 0;
        // The common case: a run of plain ASCII.
        while (i < count) {
            char ch = c[i];
            if (ch >= 0x80 || ESCAPE[ch] != 0) {
                break;
            }
            b[p++] = (byte) ch;
            i++;
        }
        for (; i < count; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                byte e = ESCAPE[ch];
                if (e == 0) {
                    b[p++] = (byte) ch;
                } else if (e == 'u') {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[ch >> 4];
                    b[p++] = HEX[ch & 0xF];
                } else {
                    b[p++] = '\\';
                    b[p++] = e;
                }
            } else if (ch < 0x800) {
                b[p++] = (byte) (0xC0 | (ch >> 6));
                b[p++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                char low;
                if (Character.isHighSurrogate(ch) && i + 1 < available
                        && Character.isLowSurrogate(low = c[i + 1])) {
                    int cp = Character.toCodePoint(ch, low);
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                    i++;
                } else {
                    b[p++] = (byte) 0xEF; // U+FFFD: a lone surrogate has no UTF-8 form
                    b[p++] = (byte) 0xBF;
                    b[p++] = (byte) 0xBD;
                }
            } else if (ch == '\u2028' || ch == '\u2029') {
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = '2';
                b[p++] = '0';
                b[p++] = '2';
                b[p++] = ch == '\u2028' ? (byte) '8' : (byte) '9';
            } else {
                b[p++] = (byte) (0xE0 | (ch >> 12));
                b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        size = p;
        return i;
    }

    /** A JSON integer, without allocation. */
    public void writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            writeRaw(LONG_MIN); // the one value whose negation overflows
            return;
        }
        ensure(20);
        byte[] b = buf;
        int p = size;
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        int end = p + digits(v);
        int q = end;
        while (v >= 100) {
            long div = v / 100;
            int two = (int) (v - div * 100) << 1;
            b[--q] = TWO_DIGITS[two + 1];
            b[--q] = TWO_DIGITS[two];
            v = div;
        }
        if (v >= 10) {
            int two = (int) v << 1;
            b[--q] = TWO_DIGITS[two + 1];
            b[--q] = TWO_DIGITS[two];
        } else {
            b[--q] = (byte) ('0' + v);
        }
        size = end;
    }

    /** Decimal digits in {@code v >= 0}: log10 estimated from the bit length, then corrected. */
    private static int digits(long v) {
        long nonZero = v | 1; // 0 has one digit, like 1
        int guess = ((64 - Long.numberOfLeadingZeros(nonZero)) * 1233) >>> 12;
        return guess + (nonZero >= LONG_POW10[guess] ? 1 : 0);
    }

    /**
     * A JSON number that parses back to exactly {@code v}. NaN and the infinities, which JSON
     * cannot express, become the strings "NaN", "Infinity" and "-Infinity".
     *
     * <p>Integral values below 10^15 ({@code 12.0}) and short decimals ({@code 12.5},
     * {@code 0.05}) are written directly; anything else as {@link Double#toString(double)} writes
     * it (its output, e.g. {@code 1.0E-5}, is valid JSON). None of it allocates.
     */
    public void writeDouble(double v) {
        if (v == (long) v && Math.abs(v) < 1e15) {
            if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
                writeRaw(NEGATIVE_ZERO);
                return;
            }
            writeLong((long) v);
            writePointZero();
        } else if (Double.isNaN(v)) {
            writeRaw(NAN);
        } else if (Double.isInfinite(v)) {
            writeRaw(v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
        } else if (!writeShortDecimal(v)) {
            writeDecimalText(v, false);
        }
    }

    /**
     * Writes {@code v} as {@code m / 10^k} for the smallest {@code k <= 9} where that is exact.
     * Why it round-trips: m and 10^k are exact doubles and IEEE division rounds correctly, so
     * {@code m / 10^k == v} means the decimal text, parsed (also correctly rounded), is {@code v}.
     */
    private boolean writeShortDecimal(double v) {
        double abs = Math.abs(v);
        if (!(abs < 1e9) || abs < 1e-3) {
            return false; // outside this range Double.toString would use E notation anyway
        }
        for (int k = 1; k < DOUBLE_POW10.length; k++) {
            double scaled = v * DOUBLE_POW10[k];
            long m = (long) scaled;
            if (m == scaled && m / DOUBLE_POW10[k] == v) {
                writeDecimal(m, k, (long) abs);
                return true;
            }
        }
        return false;
    }

    /**
     * Like {@link #writeDouble}, but with the float's own shortest form ({@code 1.1f} is
     * {@code 1.1}, not {@code 1.100000023841858}), as {@link Float#toString(float)} gives.
     */
    public void writeFloat(float v) {
        if (v == (long) v && Math.abs(v) < 1e15f) {
            if (v == 0 && Float.floatToRawIntBits(v) != 0) {
                writeRaw(NEGATIVE_ZERO);
                return;
            }
            writeLong((long) v);
            writePointZero();
        } else if (Float.isNaN(v)) {
            writeRaw(NAN);
        } else if (Float.isInfinite(v)) {
            writeRaw(v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
        } else if (!writeShortDecimal(v)) {
            writeDecimalText(v, true);
        }
    }

    /**
     * {@link #writeShortDecimal(double)} in float arithmetic. k stays at most 7: then a decimal
     * m / 10^k is never within half a double ulp of a float rounding midpoint (unless exactly
     * on it), so a reader that parses into a double and narrows to float gets {@code v} too.
     */
    private boolean writeShortDecimal(float v) {
        float abs = Math.abs(v);
        if (!(abs < 1e7f) || abs < 1e-3f) {
            return false;
        }
        for (int k = 1; k < FLOAT_POW10.length; k++) {
            float scaled = v * FLOAT_POW10[k];
            long m = (long) scaled;
            if (m == scaled && m / FLOAT_POW10[k] == v) {
                writeDecimal(m, k, (long) abs);
                return true;
            }
        }
        return false;
    }

    /**
     * {@code m / 10^k} in plain decimal, where {@code integer} is the integer part of its
     * absolute value; m is not a multiple of 10^k (integral values are handled before).
     *
     * <p>The caller passes {@code integer} as the truncated |v| because dividing m by a power
     * of ten chosen at run time is a 64-bit division, the slowest instruction of this path. It
     * is the same number: v is m / 10^k rounded to nearest, m / 10^k is not an integer, and every
     * integer in range is a double (a float for k &lt;= 7), so rounding cannot carry v across one.
     */
    private void writeDecimal(long m, int k, long integer) {
        while (m % 10 == 0) {
            m /= 10; // 0.50 -> 0.5: the same rational, so still exact
            k--;
        }
        ensure(1 + 19 + 1 + 18); // sign, integer part, point, k fraction digits (all generous bounds)
        byte[] b = buf;
        int p = size;
        if (m < 0) {
            b[p++] = '-';
            m = -m; // |m| <= 1e18: not Long.MIN_VALUE
        }
        p = putDigits(b, p, integer, digits(integer));
        b[p++] = '.';
        size = putDigits(b, p, m - integer * LONG_POW10[k], k); // exactly k digits: 0.05 keeps its zero
    }

    /** Writes {@code v >= 0} as exactly {@code width} digits (zero-padded) at {@code p}; returns the end. */
    private static int putDigits(byte[] b, int p, long v, int width) {
        int end = p + width;
        int q = end;
        while (q - p >= 2) {
            long div = v / 100;
            int two = (int) (v - div * 100) << 1;
            b[--q] = TWO_DIGITS[two + 1];
            b[--q] = TWO_DIGITS[two];
            v = div;
        }
        if (q > p) {
            b[--q] = (byte) ('0' + v);
        }
        return end;
    }

    /**
     * Appends Double.toString / Float.toString text without allocating: StringBuilder.append
     * writes exactly that text ("as if by String.valueOf") into a buffer that is reused here.
     */
    private void writeDecimalText(double v, boolean isFloat) {
        StringBuilder text = decimalText;
        text.setLength(0);
        if (isFloat) {
            text.append((float) v);
        } else {
            text.append(v);
        }
        int n = text.length();
        ensure(n);
        byte[] b = buf;
        int p = size;
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) text.charAt(i); // digits, '.', '-', 'E': ASCII
        }
        size = p + n;
    }

    private void writePointZero() {
        ensure(2);
        buf[size] = '.';
        buf[size + 1] = '0';
        size += 2;
    }

    /**
     * A quoted UTC RFC 3339 timestamp with exactly six fractional digits,
     * {@code "2026-11-25T09:14:03.512044Z"}. Years outside 0000-9999 take a slower path and are
     * written like {@link java.time.Instant#toString()} does ({@code "+10000-01-01T..."}).
     */
    public void writeTimestamp(long epochMicros) {
        ensure(TimestampFormat.LENGTH);
        int end = timestamps.write(epochMicros, buf, size);
        if (end >= 0) {
            size = end;
        } else {
            writeByte('"');
            writeAsciiRaw(TimestampFormat.formatOutsideFourDigitYears(epochMicros));
            writeByte('"');
        }
    }
}
