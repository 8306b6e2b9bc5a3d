package fastlog.internal.render.console;

import fastlog.internal.json.JsonOutput;

/**
 * Writes user text (messages, keys, string values, exception messages) into a console line as
 * UTF-8, so that no text can end the line, start a forged one, or reach the terminal as a
 * control sequence.
 *
 * <p>Escaped as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}: every C0 control
 * (ESC included, so no ANSI sequence passes), DEL, every C1 control (U+0080-U+009F: some
 * terminals act on them), U+2028/U+2029 (line and paragraph separators), and the bidirectional
 * formatting characters (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069), which can make a line
 * display in an order that hides what it says. A lone UTF-16 surrogate becomes U+FFFD, as in
 * JSON output. Text longer than {@code maxStringLength} chars is cut (never inside a pair) and
 * ends with "…".
 *
 * <p>{@link #writeValue} also quotes, logfmt style: a value that is empty or holds a space, a
 * quote, {@code =}, a backslash or anything escaped is written {@code "..."} with {@code \"} and
 * {@code \\}, so {@code key=value} pairs always split back unambiguously. A message
 * ({@link #writeText}) is not quoted; its backslashes stay as they are.
 *
 * <p>Single-threaded: owned by the renderer.
 */
public final class ConsoleText {

    private static final byte[] HEX = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    /** Per ASCII char: 0 plain, 'q' plain but forces quotes in a value, else the escape (see {@link #escape}). */
    private static final byte[] ASCII = new byte[128];
    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII[c] = 'u';
        }
        ASCII['\n'] = 'n';
        ASCII['\r'] = 'r';
        ASCII['\t'] = 't';
        ASCII[0x7F] = 'u';
        ASCII[' '] = 'q';
        ASCII['='] = 'q';
        ASCII['"'] = '"';
        ASCII['\\'] = '\\';
    }
    private static final int CHUNK_CHARS = 2048;

    private final int maxStringLength;
    private char[] chars = new char[64];
    private byte[] bytes = new byte[64 * 6 + 8];

    public ConsoleText(int maxStringLength) {
        this.maxStringLength = maxStringLength;
    }

    /** Whether {@code c} is written as an escape (outside ASCII). */
    static boolean escapedAboveAscii(int c) {
        return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Message text: escaped, not quoted. */
    public void writeText(JsonOutput out, CharSequence s) {
        write(out, s, false);
    }

    /** A value or key: escaped, and quoted when it must be (see the class comment). */
    public void writeValue(JsonOutput out, CharSequence s) {
        write(out, s, needsQuotes(s));
    }

    /** Whether {@link #writeValue} quotes {@code s}. */
    public boolean needsQuotes(CharSequence s) {
        int n = Math.min(s.length(), maxStringLength);
        if (n == 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? ASCII[c] != 0 : (escapedAboveAscii(c) || Character.isSurrogate(c) && !validPairAt(s, i))) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                i++; // a valid pair
            }
        }
        return false;
    }

    private static boolean validPairAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return false; // a low surrogate reached here has no high half before it
    }

    private void write(JsonOutput out, CharSequence s, boolean quoted) {
        int len = s.length();
        int limit = len;
        if (len > maxStringLength) {
            limit = maxStringLength;
            if (limit > 0 && Character.isHighSurrogate(s.charAt(limit - 1)) && Character.isLowSurrogate(s.charAt(limit))) {
                limit--; // never split a pair
            }
        }
        if (quoted) {
            out.writeByte('"');
        }
        int i = 0;
        while (i < limit) {
            int end = Math.min(limit, i + CHUNK_CHARS);
            i = encodeChunk(out, s, i, end, limit, quoted);
        }
        if (limit < len) {
            out.writeByte(0xE2); // U+2026 HORIZONTAL ELLIPSIS
            out.writeByte(0x80);
            out.writeByte(0xA6);
        }
        if (quoted) {
            out.writeByte('"');
        }
    }

    /** Encodes {@code [from, end)} (plus the low half of a pair straddling {@code end}); returns where it stopped. */
    private int encodeChunk(JsonOutput out, CharSequence s, int from, int end, int limit, boolean quoted) {
        int copyEnd = Math.min(end + 1, limit);
        int n = copyEnd - from;
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
            bytes = new byte[chars.length * 6 + 8];
        }
        char[] c = chars;
        if (s instanceof String str) {
            str.getChars(from, copyEnd, c, 0);
        } else {
            for (int k = 0; k < n; k++) {
                c[k] = s.charAt(from + k);
            }
        }
        byte[] b = bytes;
        int p = 0;
        int count = end - from;
        int k = 0;
        for (; k < count; k++) {
            char ch = c[k];
            if (ch < 0x80) {
                byte e = ASCII[ch];
                if (e == 0 || e == 'q' || (!quoted && (e == '"' || e == '\\'))) {
                    b[p++] = (byte) ch;
                } else {
                    p = escape(b, p, ch, e);
                }
            } else if (ch < 0x800) {
                if (ch <= 0x9F || ch == 0x061C) {
                    p = escape(b, p, ch, (byte) 'u');
                } else {
                    b[p++] = (byte) (0xC0 | (ch >> 6));
                    b[p++] = (byte) (0x80 | (ch & 0x3F));
                }
            } else if (Character.isSurrogate(ch)) {
                char low;
                if (Character.isHighSurrogate(ch) && k + 1 < n && Character.isLowSurrogate(low = c[k + 1])) {
                    int cp = Character.toCodePoint(ch, low);
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                    k++;
                } else {
                    b[p++] = (byte) 0xEF; // U+FFFD: a lone surrogate has no UTF-8 form
                    b[p++] = (byte) 0xBF;
                    b[p++] = (byte) 0xBD;
                }
            } else if (escapedAboveAscii(ch)) {
                p = escape(b, p, ch, (byte) 'u');
            } else {
                b[p++] = (byte) (0xE0 | (ch >> 12));
                b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        out.writeRaw(b, 0, p);
        return from + k;
    }

    /** {@code \n}-style for e in n, r, t, quote, backslash; {@code \}{@code uXXXX} for 'u'. */
    private static int escape(byte[] b, int p, char ch, byte e) {
        b[p++] = '\\';
        if (e != 'u') {
            b[p++] = e;
            return p;
        }
        b[p++] = 'u';
        b[p++] = HEX[(ch >> 12) & 0xF];
        b[p++] = HEX[(ch >> 8) & 0xF];
        b[p++] = HEX[(ch >> 4) & 0xF];
        b[p++] = HEX[ch & 0xF];
        return p;
    }

    /**
     * Copies compact JSON made by the JSON writer (a nested value), escaping what JSON leaves
     * as is but a terminal must not see: C1 controls and bidirectional formatting characters
     * (only possible inside JSON strings, where {@code \}{@code uXXXX} keeps the JSON valid).
     * C0 controls, DEL and U+2028/2029 are escaped by the JSON writer already.
     */
    public void writeJson(JsonOutput out, byte[] json, int from, int to) {
        int run = from;
        for (int i = from; i < to; i++) {
            int b0 = json[i] & 0xFF;
            if (b0 < 0xC2) {
                continue;
            }
            int cp = -1;
            int width = 0;
            if (b0 == 0xC2 && i + 1 < to && (json[i + 1] & 0xFF) <= 0x9F) {
                cp = json[i + 1] & 0x3F | 0x80;
                width = 2;
            } else if (b0 == 0xD8 && i + 1 < to && (json[i + 1] & 0xFF) == 0x9C) {
                cp = 0x061C;
                width = 2;
            } else if (b0 == 0xE2 && i + 2 < to) {
                int c = ((json[i + 1] & 0x3F) << 6) | (json[i + 2] & 0x3F) | 0x2000;
                if ((json[i + 1] & 0xFF) >= 0x80 && (json[i + 1] & 0xFF) <= 0x81 && escapedAboveAscii(c)) {
                    cp = c;
                    width = 3;
                }
            }
            if (cp >= 0) {
                out.writeRaw(json, run, i - run);
                byte[] b = bytes;
                int p = escape(b, 0, (char) cp, (byte) 'u');
                out.writeRaw(b, 0, p);
                i += width - 1;
                run = i + 1;
            }
        }
        out.writeRaw(json, run, to - run);
    }
}
