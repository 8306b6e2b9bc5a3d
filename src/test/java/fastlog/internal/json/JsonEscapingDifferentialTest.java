package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strings written by {@link JsonOutput} are valid UTF-8 and parse with Jackson back to the input,
 * lone surrogates replaced by U+FFFD. Seeded: a failure names its seed and sample.
 */
class JsonEscapingDifferentialTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final long SEED = 20261125L;
    private static final int UNLIMITED = Integer.MAX_VALUE;

    /** The output as a String; fails unless it is well-formed UTF-8. */
    static String decodeStrict(JsonOutput out) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.array(), 0, out.size())).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }

    /** What the string should read as after a round trip: lone surrogates become U+FFFD. */
    static String expected(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String parse(JsonOutput out) throws Exception {
        return JACKSON.readTree(decodeStrict(out)).textValue();
    }

    private static String render(int maxStringLength, CharSequence s) throws Exception {
        JsonOutput out = new JsonOutput(16, maxStringLength);
        out.writeString(s);
        return parse(out);
    }

    private static char randomChar(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> (char) r.nextInt(0x20);                              // controls
            case 1 -> "\"\\/\u007f\u2028\u2029".charAt(r.nextInt(6));      // specials
            case 2 -> (char) (0xD800 + r.nextInt(0x800));                  // any surrogate, often lone
            case 3 -> (char) (0x80 + r.nextInt(0x780));                    // 2-byte UTF-8
            case 4 -> (char) (0x800 + r.nextInt(0xD000));                  // 3-byte UTF-8 below surrogates
            case 5 -> (char) (0xE000 + r.nextInt(0x2000));                 // above surrogates
            default -> (char) (0x20 + r.nextInt(0x5F));                    // printable ASCII
        };
    }

    private static String randomString(Random r, int length) {
        StringBuilder b = new StringBuilder(length + 1);
        while (b.length() < length) {
            if (r.nextInt(8) == 0) {
                b.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a valid pair
            } else {
                b.append(randomChar(r));
            }
        }
        return b.toString();
    }

    @Test
    void randomStringsRoundTripThroughJackson() throws Exception {
        Random r = new Random(SEED);
        JsonOutput out = new JsonOutput(64, UNLIMITED);
        for (int n = 0; n < 10_000; n++) {
            String s = randomString(r, r.nextInt(40));
            out.reset();
            out.writeString(s);
            String json = decodeStrict(out);
            int sample = n;
            assertEquals(expected(s), JACKSON.readTree(json).textValue(),
                    () -> "seed " + SEED + " sample " + sample + " json " + json);
            // The CharSequence path (no String fast path) must agree byte for byte.
            out.reset();
            out.writeString(new StringBuilder(s));
            assertEquals(json, decodeStrict(out), () -> "CharSequence path differs, seed " + SEED + " sample " + sample);
        }
    }

    @Test
    void longRandomStringsRoundTripAcrossChunks() throws Exception {
        Random r = new Random(SEED + 1);
        JsonOutput out = new JsonOutput(16, UNLIMITED);
        for (int n = 0; n < 50; n++) {
            String s = randomString(r, r.nextInt(20_000));
            out.reset();
            out.writeString(s);
            int sample = n;
            assertEquals(expected(s), parse(out), () -> "seed " + (SEED + 1) + " sample " + sample);
        }
    }

    @Test
    void everyCodePointRoundTrips() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            all.appendCodePoint(cp);
        }
        String s = all.toString();
        assertEquals(expected(s), render(UNLIMITED, s));
        assertEquals(expected(s), render(UNLIMITED, new StringBuilder(s)));
    }

    @Test
    void escapesAreShortOrLowercaseUnicode() {
        JsonOutput out = new JsonOutput(16, 100);
        out.writeString("\"\\\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029/é€");
        assertEquals("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u2028\\u2029/é€\"", decodeStrict(out));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() throws Exception {
        assertEquals("a\uFFFDb\uFFFD\uFFFD", render(100, "a\uDC00b\uD800\uD800"));
        assertEquals("\uFFFD\uD83D\uDE00", render(100, "\uDE00\uD83D\uDE00"));
        assertEquals("x\uFFFD", render(100, "x\uD83D")); // high surrogate at the very end
    }

    @Test
    void pairsStraddlingAnEncodingChunkStayWhole() throws Exception {
        for (int prefix = 4090; prefix < 4100; prefix++) {
            String s = "a".repeat(prefix) + "\uD83D\uDE00" + "\u0001".repeat(5000) + "\uD83D\uDE00";
            assertEquals(s, render(UNLIMITED, s), "prefix " + prefix);
            assertEquals(s, render(UNLIMITED, new StringBuilder(s)), "prefix " + prefix);
        }
    }

    @Test
    void longStringsAreCutWithAnEllipsis() throws Exception {
        assertEquals("b".repeat(16), render(16, "b".repeat(16)));
        assertEquals("b".repeat(16) + "\u2026", render(16, "b".repeat(17)));
        assertEquals("b".repeat(16) + "\u2026", render(16, new StringBuilder("b".repeat(40))));
        assertEquals("\u2026", render(0, "abc"));
        assertEquals("", render(0, ""));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() throws Exception {
        // The 16th char would be the high half of a pair: cut before it.
        String s = "a".repeat(15) + "\uD83D\uDE00tail";
        assertEquals("a".repeat(15) + "\u2026", render(16, s));
        assertEquals("a".repeat(15) + "\u2026", render(16, new StringBuilder(s)));
        // A pair ending exactly at the limit is kept.
        assertEquals("a".repeat(14) + "\uD83D\uDE00\u2026", render(16, s.substring(1)));
        // A lone high surrogate at the cut is just a lone surrogate.
        assertEquals("a".repeat(15) + "\uFFFD\u2026", render(16, "a".repeat(15) + "\uD83Dxyz"));
        assertEquals("\u2026", render(1, "\uD83D\uDE00"));
    }

    @Test
    void tenMegabyteStrings() throws Exception {
        String big = "x".repeat(10 * 1024 * 1024);
        JsonOutput cut = new JsonOutput(16, 65_536);
        cut.writeString(big);
        assertEquals("x".repeat(65_536) + "\u2026", parse(cut));
        assertTrue(cut.array().length < 1 << 20, "cutting must not reserve room for the whole string");

        JsonOutput whole = new JsonOutput(16, UNLIMITED);
        whole.writeString(big);
        assertEquals(big.length() + 2, whole.size());
        assertTrue(whole.array().length < 3 * big.length(), "reserves per chunk, not 6 bytes per char up front");
        assertEquals(big, parse(whole));
    }

    @Test
    void keys() throws Exception {
        JsonOutput out = new JsonOutput(16, 100);
        out.writeByte('{');
        out.writeKey("a\"b\n");
        out.writeLong(1);
        out.writeByte(',');
        out.writeRaw("\"pre\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBoolean(true);
        out.writeByte('}');
        assertEquals("{\"a\\\"b\\n\":1,\"pre\":true}", decodeStrict(out));
        assertEquals(1, JACKSON.readTree(decodeStrict(out)).get("a\"b\n").intValue());
    }

    @Test
    void throwingCharSequencePropagatesAndTruncateRollsBack() {
        for (int failAt : new int[] {-1, 0, 3, 5000}) {
            JsonOutput out = new JsonOutput(16, 100_000);
            out.writeAsciiRaw("{\"a\":1");
            int mark = out.size();
            out.writeByte(',');
            out.writeKey("b");
            assertThrows(IllegalStateException.class, () -> out.writeString(failingAt(failAt)));
            out.truncate(mark);
            out.writeByte('}');
            assertEquals("{\"a\":1}", decodeStrict(out), "fail at " + failAt);
        }
    }

    /** A CharSequence whose {@code length()} (at -1) or {@code charAt(failAt)} throws. */
    private static CharSequence failingAt(int failAt) {
        return new CharSequence() {
            @Override
            public int length() {
                if (failAt < 0) {
                    throw new IllegalStateException("length");
                }
                return 10_000;
            }

            @Override
            public char charAt(int i) {
                if (i == failAt) {
                    throw new IllegalStateException("charAt " + i);
                }
                return 'x';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
