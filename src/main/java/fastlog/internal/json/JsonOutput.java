package fastlog.internal.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable, reusable byte buffer that writes JSON as UTF-8.
 *
 * <p>Strings are escaped per RFC 8259 (quote, backslash and every control character; also
 * U+2028/U+2029 so lines stay safe for JavaScript consumers); a lone UTF-16 surrogate becomes
 * U+FFFD, so the output is always valid UTF-8. Strings longer than {@code maxStringLength} chars
 * are cut (never inside a surrogate pair) and end with "…".
 *
 * <p>Single-threaded: owned by whoever holds the consumer role. If a {@link CharSequence}
 * throws while being read, the exception propagates and the buffer holds a partial value; the
 * caller rolls back with {@link #truncate}.
 */
public final class JsonOutput {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII char: 0 = copy, otherwise the escape letter (or 'u' for \\u00XX). */
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
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int maxStringLength;
    private final TimestampFormat timestamps = new TimestampFormat();
    private byte[] buf;
    private int size;

    public JsonOutput(int initialCapacity, int maxStringLength) {
        this.buf = new byte[Math.max(16, initialCapacity)];
        this.maxStringLength = maxStringLength;
    }

    public byte[] array() {
        return buf;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** Rolls back to an earlier {@link #size()}. */
    public void truncate(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("mark " + mark + " outside [0, " + size + "]");
        }
        size = mark;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed > buf.length) {
            if (needed < 0) {
                throw new OutOfMemoryError("JSON buffer over 2 GB");
            }
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length + (buf.length >> 1)));
        }
    }

    public void writeByte(int b) {
        ensure(1);
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

    /** Writes an ASCII string as is: the caller guarantees it needs no escaping. */
    public void writeAsciiRaw(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, size); // deprecated but exact for ASCII, and allocation-free
        size += n;
    }

    public void writeNull() {
        writeRaw(NULL);
    }

    public void writeBoolean(boolean v) {
        writeRaw(v ? TRUE : FALSE);
    }

    /** {@code "key":} */
    public void writeKey(String key) {
        writeString(key);
        writeByte(':');
    }

    /** A quoted, escaped JSON string (see the class comment for the rules). */
    public void writeString(CharSequence s) {
        int len = s.length();
        int limit = Math.min(len, maxStringLength);
        if (limit < len && limit > 0 && Character.isHighSurrogate(s.charAt(limit - 1))
                && Character.isLowSurrogate(s.charAt(limit))) {
            limit--; // never split a pair
        }
        // Worst case 6 bytes per char (\\u00XX); 3 bytes for any other BMP char.
        ensure(limit * 6 + 8);
        byte[] b = buf;
        int p = size;
        b[p++] = '"';
        int i = 0;
        if (s instanceof String str) {
            // Fast path: a run of plain ASCII.
            while (i < limit) {
                char c = str.charAt(i);
                if (c >= 128 || ESCAPE[c] != 0) {
                    break;
                }
                b[p++] = (byte) c;
                i++;
            }
        }
        for (; i < limit; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                byte e = ESCAPE[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else if (e == 'u') {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                } else {
                    b[p++] = '\\';
                    b[p++] = e;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low;
                if (Character.isHighSurrogate(c) && i + 1 < limit
                        && Character.isLowSurrogate(low = s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, low);
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                    i++;
                } else {
                    b[p++] = (byte) 0xEF; // U+FFFD for a lone surrogate
                    b[p++] = (byte) 0xBF;
                    b[p++] = (byte) 0xBD;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = '2';
                b[p++] = '0';
                b[p++] = '2';
                b[p++] = c == '\u2028' ? (byte) '8' : (byte) '9';
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        if (limit < len) {
            b[p++] = (byte) 0xE2; // U+2026 HORIZONTAL ELLIPSIS
            b[p++] = (byte) 0x80;
            b[p++] = (byte) 0xA6;
        }
        b[p++] = '"';
        size = p;
    }

    private static final byte[] TWO_DIGITS = new byte[200];
    static {
        for (int i = 0; i < 100; i++) {
            TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
            TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** A JSON integer, written without allocation, two digits per division. */
    public void writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            writeRaw(LONG_MIN);
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

    private static int digits(long v) {
        long limit = 10;
        for (int d = 1; d < 19; d++) {
            if (v < limit) {
                return d;
            }
            limit *= 10;
        }
        return 19;
    }

    /**
     * A JSON number that parses back to the same double; NaN and the infinities, which JSON
     * cannot express, become the strings "NaN", "Infinity", "-Infinity".
     */
    public void writeDouble(double v) {
        if (Double.isNaN(v)) {
            writeAsciiRaw("\"NaN\"");
        } else if (Double.isInfinite(v)) {
            writeAsciiRaw(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else if (v == (long) v && Math.abs(v) < 1e15 && (v != 0 || 1 / v > 0)) {
            writeLong((long) v); // integral values without allocation: 12.0 -> 12.0
            writeByte('.');
            writeByte('0');
        } else if (!writeShortDecimal(v)) {
            writeAsciiRaw(Double.toString(v)); // shortest repr that round-trips; valid JSON
        }
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final long[] LONG_POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};

    /**
     * Writes {@code v} as {@code m / 10^k} for the smallest {@code k <= 9} where that is exact,
     * without allocating (12.5, 0.25, -3.1415). Exactness: m and 10^k are exact doubles and IEEE
     * division rounds correctly, so {@code m / 10^k == v} means the decimal text parses back to
     * exactly {@code v}.
     */
    private boolean writeShortDecimal(double v) {
        if (!(Math.abs(v) < 1e9) || Math.abs(v) < 1e-3) {
            return false;
        }
        for (int k = 1; k < POW10.length; k++) {
            double scaled = v * POW10[k];
            long m = (long) scaled;
            if (m == scaled && m / POW10[k] == v) {
                long abs = Math.abs(m);
                if (m < 0) {
                    writeByte('-');
                }
                writeLong(abs / LONG_POW10[k]);
                writeByte('.');
                long frac = abs % LONG_POW10[k];
                for (long p = LONG_POW10[k - 1]; p > frac && p > 1; p /= 10) {
                    writeByte('0');
                }
                writeLong(frac);
                return true;
            }
        }
        return false;
    }

    /** Like {@link #writeDouble}, with the float's own shortest representation (1.1f is 1.1). */
    public void writeFloat(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            writeDouble(v);
        } else {
            writeAsciiRaw(Float.toString(v));
        }
    }

    /** A quoted UTC RFC 3339 timestamp with six fractional digits. */
    public void writeTimestamp(long epochMicros) {
        ensure(32);
        size = timestamps.write(epochMicros, buf, size);
    }
}
