package fastlog.internal.render.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import fastlog.internal.json.JsonOutput;

/**
 * What ConsoleText lets through: nothing a terminal acts on, nothing that ends a line; and
 * quoting that splits back unambiguously (a seeded random round trip over the whole UTF-16
 * range, lone surrogates included).
 */
class ConsoleTextTest {

    private static String value(String s) {
        return write(s, true, 100_000);
    }

    private static String text(String s) {
        return write(s, false, 100_000);
    }

    private static String write(String s, boolean asValue, int max) {
        JsonOutput out = new JsonOutput(16, max);
        ConsoleText t = new ConsoleText(max);
        if (asValue) {
            t.writeValue(out, s);
        } else {
            t.writeText(out, s);
        }
        return decode(out.array(), out.size());
    }

    private static String decode(byte[] b, int n) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8", e);
        }
    }

    @Test
    void plainValuesAreBareAndOthersQuoted() {
        assertEquals("abc", value("abc"));
        assertEquals("/api/orders?id=7".contains("=") ? "\"/api/orders?id=7\"" : "", value("/api/orders?id=7"));
        assertEquals("\"a b\"", value("a b"));
        assertEquals("\"\"", value(""));
        assertEquals("\"say \\\"hi\\\"\"", value("say \"hi\""));
        assertEquals("\"C:\\\\tmp\"", value("C:\\tmp"));
        assertEquals("\"a\\nb\"", value("a\nb"));
        assertEquals("h\u00e9llo-\u4e16\u754c-\ud83d\ude00", value("h\u00e9llo-\u4e16\u754c-\ud83d\ude00"));
    }

    @Test
    void messagesAreEscapedButNotQuoted() {
        assertEquals("a b \"q\" C:\\tmp", text("a b \"q\" C:\\tmp"));
        assertEquals("line1\\nline2\\r\\t\\u001b[31m", text("line1\nline2\r\t\u001b[31m"));
    }

    @Test
    void dangerousCharactersAreEscaped() {
        assertEquals("\\u0000\\u0007\\u007f\\u0085\\u009b", text("\u0000\u0007\u007f\u0085\u009b"));
        assertEquals("\\u2028\\u2029", text("\u2028\u2029"));
        assertEquals("\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c",
                text("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"));
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacter() {
        assertEquals("a\ufffdb\ufffd", text("a\ud800b\udc00"));
        assertEquals("\ud83d\ude00", text("\ud83d\ude00"));
    }

    @Test
    void longTextIsCutNeverInsideAPair() {
        assertEquals("abcdefghijklmno\u2026", write("abcdefghijklmnopqrstuvwxyz", false, 15));
        assertEquals("abcdefghijklmn\u2026", write("abcdefghijklmn\ud83d\ude00xyz", false, 15));
    }

    @Test
    void nestedJsonKeepsItsEscapesAndLosesC1AndBidi() {
        JsonOutput json = new JsonOutput(16, 1000);
        json.writeString("a\u009b\u202e\u2066\u061c\u00e9\u4e16\ud83d\ude00\n");
        JsonOutput out = new JsonOutput(16, 1000);
        new ConsoleText(1000).writeJson(out, json.array(), 0, json.size());
        assertEquals("\"a\\u009b\\u202e\\u2066\\u061c\u00e9\u4e16\ud83d\ude00\\n\"", decode(out.array(), out.size()));
    }

    /** Every char a terminal could act on, or that could end a line, in what ConsoleText writes. */
    private static boolean dangerous(int cp) {
        return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029
                || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    @Test
    void randomTextRoundTripsAndNeverCarriesAControl() {
        SplittableRandom random = new SplittableRandom(20261130);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(10);
                char c = pick < 3 ? (char) random.nextInt(0x100)               // ASCII, C0, C1, Latin-1
                        : pick < 5 ? " \"=\\".charAt(random.nextInt(4))       // what forces quotes
                        : pick < 6 ? (char) (0x2000 + random.nextInt(0x80))   // separators, bidi
                        : pick < 8 ? (char) (0xD800 + random.nextInt(0x800))  // surrogates, often lone
                        : (char) random.nextInt(0x10000);
                b.append(c);
            }
            String s = b.toString();
            String written = value(s);
            written.codePoints().forEach(cp -> assertFalse(dangerous(cp),
                    () -> "U+" + Integer.toHexString(cp) + " written for " + escapeForMessage(s)));
            assertEquals(wellFormed(s), unquote(written), () -> "round trip of " + escapeForMessage(s));
            if (!written.startsWith("\"")) {
                assertFalse(written.isEmpty() || written.contains(" ") || written.contains("="), written);
            }
        }
    }

    /** The value as written, read back: quotes removed and escapes undone. */
    private static String unquote(String w) {
        if (!w.startsWith("\"")) {
            assertFalse(w.contains("\\"), w); // an escape forces quotes
            return w;
        }
        assertTrue(w.length() >= 2 && w.endsWith("\""), w);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < w.length() - 1; i++) {
            char c = w.charAt(i);
            if (c != '\\') {
                assertFalse(c == '"', w);
                b.append(c);
                continue;
            }
            char e = w.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    b.append((char) Integer.parseInt(w.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("bad escape in " + w);
            }
        }
        return b.toString();
    }

    private static String wellFormed(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return b.toString();
    }

    private static String escapeForMessage(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
        return b.toString();
    }
}
