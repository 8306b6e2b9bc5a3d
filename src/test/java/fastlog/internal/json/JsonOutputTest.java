package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The buffer itself: growth, marks, raw writes. */
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
}
