package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strict reading of fastlog output: the bytes must be valid UTF-8 (malformed input is an error,
 * not replaced), and every line one JSON object without duplicate keys.
 */
final class Ndjson {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Complete lines, and whatever followed the last newline (empty if the output ended cleanly). */
    record Parsed(List<JsonNode> lines, String cutTail) {
    }

    private Ndjson() {
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8", e);
        }
    }

    /** Every line; the output must be empty or end with a newline. */
    static List<JsonNode> parse(byte[] bytes) {
        Parsed p = parseAllowingCutTail(bytes);
        if (!p.cutTail().isEmpty()) {
            fail("output does not end with a newline: ..." + abbreviate(p.cutTail()));
        }
        return p.lines();
    }

    /**
     * Every complete line must parse; text after the last newline is returned, not parsed. Only
     * for a process killed by the OS while another of its threads was inside write(2): the
     * kernel may then have stored part of that one write.
     */
    static Parsed parseAllowingCutTail(byte[] bytes) {
        String text = strictUtf8(bytes);
        int end = text.lastIndexOf('\n') + 1;
        List<JsonNode> nodes = new ArrayList<>();
        int from = 0;
        while (from < end) {
            int nl = text.indexOf('\n', from);
            nodes.add(parseLine(text.substring(from, nl)));
            from = nl + 1;
        }
        return new Parsed(nodes, text.substring(end));
    }

    static JsonNode parseLine(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("line does not parse: " + abbreviate(line), e);
        }
        if (node == null || !node.isObject()) {
            fail("line is not a JSON object: " + abbreviate(line));
        }
        return node;
    }

    static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "...(" + s.length() + " chars)" : s;
    }
}
