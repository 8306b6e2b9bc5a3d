package fastlog.ingest.generator;

import java.util.Random;

/**
 * Seeded random text with the character mix of fastlog's FuzzTest ({@code FuzzTest.Gen.text}):
 * printable ASCII, quotes and backslashes, C0 controls and DEL, U+2028/2029/0085/FEFF/FFFD/FFFF,
 * other BMP characters, supplementary characters, and lone high and low surrogates.
 */
final class TrickyText {

    private final Random rnd;

    TrickyText(long seed) {
        this.rnd = new Random(seed);
    }

    /** Mostly short, sometimes a few hundred chars, as in the fuzz test. */
    String next() {
        int r = rnd.nextInt(100);
        return text(r < 75 ? rnd.nextInt(17) : r < 97 ? 17 + rnd.nextInt(84) : 100 + rnd.nextInt(500));
    }

    /** A key OpenSearch can take by its own rules: not empty, no '.', not a metadata name (README, docs/ingestion-check.md). */
    String key() {
        String k = next().replace('.', '-');
        return "t " + k;
    }

    String text(int len) {
        char[] buf = new char[len + 1];
        int n = 0;
        while (n < len) {
            int r = rnd.nextInt(100);
            if (r < 35) {
                buf[n++] = (char) (0x20 + rnd.nextInt(0x5F));
            } else if (r < 40) {
                buf[n++] = rnd.nextBoolean() ? '"' : '\\';
            } else if (r < 48) {
                int c = rnd.nextInt(0x21);
                buf[n++] = (char) (c == 0x20 ? 0x7F : c);
            } else if (r < 51) {
                buf[n++] = "\u2028\u2029\u0085\uFEFF\uFFFD\uFFFF".charAt(rnd.nextInt(6));
            } else if (r < 66) {
                char c;
                do {
                    c = (char) (0x80 + rnd.nextInt(0xFF80));
                } while (Character.isSurrogate(c));
                buf[n++] = c;
            } else if (r < 80) {
                n += Character.toChars(0x10000 + rnd.nextInt(0x100000), buf, n); // may end one past len
            } else if (r < 90) {
                buf[n++] = (char) (0xD800 + rnd.nextInt(0x400)); // lone high (unless a low follows)
            } else {
                buf[n++] = (char) (0xDC00 + rnd.nextInt(0x400)); // lone low
            }
        }
        return new String(buf, 0, n);
    }
}
