package fastlog.jdk;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.api.Fastlog;

/**
 * Test harness: restarts fastlog with its output in memory and parses every line it wrote. Each
 * line must be strict UTF-8, one JSON object without duplicate keys, ending in a newline. The
 * JVM's other loggers (JUnit's JUL, JDK internals through System.Logger) may log into the same
 * output, so tests select lines by logger name.
 */
final class Captured {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Captured() {
    }

    static Captured start() {
        Fastlog.shutdown();
        Captured c = new Captured();
        Fastlog.configure().output(c.out).apply();
        return c;
    }

    /** Flushes, then parses every line written so far. */
    List<JsonNode> lines() {
        Fastlog.flush();
        return parse(out.toByteArray());
    }

    /** The lines of loggers whose name is {@code name} or starts with {@code name + "."}. */
    List<JsonNode> lines(String name) {
        List<JsonNode> selected = new ArrayList<>();
        for (JsonNode line : lines()) {
            String logger = line.path("logger").asText();
            if (logger.equals(name) || logger.startsWith(name + ".")) {
                selected.add(line);
            }
        }
        return selected;
    }

    /** The messages of {@link #lines(String)}, in order. */
    List<String> messages(String name) {
        List<String> msgs = new ArrayList<>();
        for (JsonNode line : lines(name)) {
            JsonNode msg = line.get("msg");
            msgs.add(msg == null || msg.isNull() ? null : msg.asText());
        }
        return msgs;
    }

    static List<JsonNode> parse(byte[] bytes) {
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
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    fail("line is not a JSON object: " + line);
                }
                nodes.add(node);
            } catch (Exception e) {
                throw new AssertionError("line does not parse: " + line, e);
            }
        }
        return nodes;
    }
}
