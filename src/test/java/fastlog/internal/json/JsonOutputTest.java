package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The buffer itself: growth, marks, raw writes, and the plain-ASCII string path against the general one. */
class JsonOutputTest {

    private static String text(JsonOutput out) {
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    @Test
    void growsFromATinyBufferAndKeepsEverything() {
        JsonOutput out = new JsonOutput(0, 100);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            out.writeLong(i);
            out.writeByte(',');
            expected.append(i).append(',');
        }
        assertEquals(expected.toString(), text(out));
    }

    @Test
    void rawWrites() throws Exception {
        JsonOutput out = new JsonOutput(16, 100);
        out.writeAsciiRaw("{\"k\":");
        out.writeRaw(new byte[] {'x', '[', '1', ']', 'y'}, 1, 3);
        out.writeRaw(new byte[] {','});
        out.writeAsciiRaw("\"n\":");
        out.writeNull();
        out.writeAsciiRaw(",\"t\":");
        out.writeBoolean(true);
        out.writeAsciiRaw(",\"f\":");
        out.writeBoolean(false);
        out.writeByte('}');
        String json = "{\"k\":[1],\"n\":null,\"t\":true,\"f\":false}";
        assertEquals(json, text(out));
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(out.array(), out.size()));
    }

    @Test
    void truncateRollsBackAndResetEmpties() {
        JsonOutput out = new JsonOutput(16, 100);
        out.writeAsciiRaw("[1");
        int mark = out.size();
        out.writeAsciiRaw(",2,3");
        out.truncate(mark);
        out.writeByte(']');
        assertEquals("[1]", text(out));
        assertThrows(IllegalArgumentException.class, () -> out.truncate(out.size() + 1));
        assertThrows(IllegalArgumentException.class, () -> out.truncate(-1));
        out.reset();
        assertEquals(0, out.size());
        out.writeString("again");
        assertEquals("\"again\"", text(out));
    }

    @Test
    void negativeMaxStringLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new JsonOutput(16, -1));
    }

    /**
     * Short plain-ASCII strings take a path of their own; at its edges (length 256 and 257, the
     * cut length, a char needing more as the last one) the output is what the general path
     * writes, and an abandoned attempt leaves nothing behind.
     */
    @Test
    void plainAsciiPathAgreesWithTheGeneralPathAtItsEdges() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String a256 = "a".repeat(256);
        String[] samples = {"", "x", "/api/orders", a256, a256 + "b", "ends in newline\n", "ends in \u00e9",
                "ends in quote\"", "ends in DEL\u007f", "ends in \u2028", "ctrl\u0001", "a".repeat(255) + "\u00e9"};
        for (String s : samples) {
            JsonOutput string = new JsonOutput(1, 1000); // tiny: every path has to grow the buffer
            string.writeAsciiRaw("[");
            string.writeString(s);
            string.writeAsciiRaw("]");
            JsonOutput general = new JsonOutput(1, 1000);
            general.writeAsciiRaw("[");
            general.writeString(new StringBuilder(s)); // not a String: always the general path
            general.writeAsciiRaw("]");
            assertEquals(text(general), text(string), "sample of length " + s.length());
            assertEquals(s, json.readTree(text(string)).get(0).textValue(), "sample of length " + s.length());
        }
        JsonOutput cut = new JsonOutput(16, 5);
        cut.writeString("abcdefgh"); // longer than the cut: the general path adds the ellipsis
        assertEquals("\"abcde\u2026\"", text(cut));
        JsonOutput exact = new JsonOutput(16, 5);
        exact.writeString("abcde");
        assertEquals("\"abcde\"", text(exact));
    }
}
