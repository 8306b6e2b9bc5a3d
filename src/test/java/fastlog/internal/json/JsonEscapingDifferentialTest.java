package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strings written by {@link JsonOutput} parse with Jackson back to the input, with lone
 * surrogates replaced by U+FFFD, and are always valid UTF-8. Seeded: a failure names its seed.
 */
class JsonEscapingDifferentialTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final long SEED = 20261125L;

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
    static String expected(String s) {
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

    @Test
    void randomStringsRoundTripThroughJackson() throws Exception {
        Random r = new Random(SEED);
        JsonOutput out = new JsonOutput(64, Integer.MAX_VALUE / 8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) {
                if (r.nextInt(8) == 0) {
                    b.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a valid pair
                } else {
                    b.append(randomChar(r));
                }
            }
            String s = b.toString();
            out.reset();
            out.writeString(s);
            String json = decodeStrict(out);
            int sample = n;
            String parsed = JACKSON.readTree(json).asText();
            assertEquals(expected(s), parsed, () -> "seed " + SEED + " sample " + sample + " json " + json);
            // The non-String path (CharSequence) must agree byte for byte.
            out.reset();
            out.writeString(new StringBuilder(s));
            assertEquals(json, decodeStrict(out), () -> "CharSequence path differs, seed " + SEED + " sample " + sample);
        }
    }

    @Test
    void everyCodePointRoundTrips() throws Exception {
        JsonOutput out = new JsonOutput(1 << 20, Integer.MAX_VALUE / 8);
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            all.appendCodePoint(cp);
        }
        String s = all.toString();
        out.writeString(s);
        assertEquals(expected(s), JACKSON.readTree(decodeStrict(out)).asText());
    }

    @Test
    void controlCharactersUseShortOrUnicodeEscapes() {
        JsonOutput out = new JsonOutput(16, 100);
        out.writeString("\"\\\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029/");
        assertEquals("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u2028\\u2029/\"", decodeStrict(out));
    }

    @Test
    void longStringsAreCutWithoutSplittingAPair() throws Exception {
        JsonOutput out = new JsonOutput(16, 16);
        out.writeString("a".repeat(15) + "\uD83D\uDE00tail");
        JsonNode cut = JACKSON.readTree(decodeStrict(out));
        assertEquals("a".repeat(15) + "\u2026", cut.asText());
        out.reset();
        out.writeString("b".repeat(16));
        assertEquals("b".repeat(16), JACKSON.readTree(decodeStrict(out)).asText());
        out.reset();
        out.writeString("x".repeat(10 * 1024 * 1024));
        assertEquals("x".repeat(16) + "\u2026", JACKSON.readTree(decodeStrict(out)).asText());
    }

    @Test
    void throwingCharSequencePropagatesAndTruncateRollsBack() {
        JsonOutput out = new JsonOutput(16, 100);
        out.writeAsciiRaw("{\"a\":1");
        int mark = out.size();
        CharSequence bad = new CharSequence() {
            public int length() {
                return 5;
            }

            public char charAt(int i) {
                if (i == 3) {
                    throw new IllegalStateException("boom");
                }
                return 'x';
            }

            public CharSequence subSequence(int a, int b) {
                return "";
            }
        };
        try {
            out.writeString(bad);
        } catch (IllegalStateException expected) {
            out.truncate(mark);
        }
        out.writeByte('}');
        assertEquals("{\"a\":1}", decodeStrict(out));
    }
}
