package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test harness: restarts fastlog with output into memory and parses what it wrote. Every line
 * must be strict UTF-8 and one JSON object without duplicate keys, ending in a newline.
 */
final class CapturedLog {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private CapturedLog() {
    }

    static CapturedLog start() {
        return start(c -> { });
    }

    static CapturedLog start(Consumer<Configuration> settings) {
        Fastlog.shutdown();
        CapturedLog log = new CapturedLog();
        Configuration c = Fastlog.configure().output(log.out);
        settings.accept(c);
        c.apply();
        return log;
    }

    /** Flushes, then parses every line written so far. */
    List<JsonNode> lines() {
        Fastlog.flush();
        return parse(out.toByteArray());
    }

    /** What was written so far, without flushing. */
    byte[] bytes() {
        return out.toByteArray();
    }

    /** The single line written so far. */
    JsonNode only() {
        List<JsonNode> lines = lines();
        assertEquals(1, lines.size(), () -> "expected one line, got " + lines);
        return lines.get(0);
    }

    static List<JsonNode> parse(byte[] bytes, DeserializationFeature feature) {
        return parse(bytes, JSON.copy().enable(feature));
    }

    static List<JsonNode> parse(byte[] bytes) {
        return parse(bytes, JSON);
    }

    private static List<JsonNode> parse(byte[] bytes, ObjectMapper json) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8", e);
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (text.isEmpty()) {
            return nodes;
        }
        if (!text.endsWith("\n")) {
            fail("output does not end with a newline: ..." + text.substring(Math.max(0, text.length() - 200)));
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            try {
                JsonNode node = json.readTree(line);
                if (node == null || !node.isObject()) {
                    fail("line is not a JSON object: " + line);
                }
                nodes.add(node);
            } catch (Exception e) {
                throw new AssertionError("line does not parse: " + abbreviate(line), e);
            }
        }
        return nodes;
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
}
