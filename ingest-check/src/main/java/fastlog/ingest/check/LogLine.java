package fastlog.ingest.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * One line of the generator's output: its text, the object OpenSearch's own parser reads from it
 * (strict duplicate detection, as the node applies it), and its leaves by dotted path, which is how
 * a search index sees {@code {"a.b":1}} and {@code {"a":{"b":1}}} alike.
 *
 * @param dottedDuplicates paths that occur more than once once dotted keys and nested objects are
 *     merged, e.g. {@code "log.level"} beside {@code "log":{"level":...}}: OpenSearch accepts such a
 *     line but keeps two values for one field, so the check refuses it
 * @param parseError why the line is not one JSON object without repeated keys, or null
 */
record LogLine(int number, String text, Map<String, Object> source, Map<String, Object> leaves,
               List<String> dottedDuplicates, String parseError) {

    /** Reads a file of NDJSON, which must be strict UTF-8. */
    static List<LogLine> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String all;
        try {
            all = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not valid UTF-8: " + e);
        }
        if (!all.isEmpty() && !all.endsWith("\n")) {
            throw new IOException(file + " does not end with a newline: its last line is cut");
        }
        List<LogLine> lines = new ArrayList<>();
        if (all.isEmpty()) {
            return lines;
        }
        String[] texts = all.substring(0, all.length() - 1).split("\n", -1);
        for (int i = 0; i < texts.length; i++) {
            lines.add(parse(i + 1, texts[i]));
        }
        return lines;
    }

    /** A line that is not one JSON object (or repeats a key) gets an empty source and its error. */
    static LogLine parse(int number, String text) {
        Map<String, Object> source;
        try {
            source = XContentHelper.convertToMap(JsonXContent.jsonXContent, text, true);
        } catch (RuntimeException e) {
            return new LogLine(number, text, Map.of(), Map.of(), List.of(), String.valueOf(e.getMessage()));
        }
        Map<String, Object> leaves = new LinkedHashMap<>();
        List<String> dups = new ArrayList<>();
        flatten(source, "", leaves, dups);
        return new LogLine(number, text, source, leaves, dups, null);
    }

    private static void flatten(Map<?, ?> obj, String prefix, Map<String, Object> leaves, List<String> dups) {
        for (Map.Entry<?, ?> e : obj.entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> m && !m.isEmpty()) {
                flatten(m, path + ".", leaves, dups);
            } else {
                if (leaves.containsKey(path)) {
                    dups.add(path);
                }
                leaves.put(path, e.getValue());
                if (e.getValue() instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof Map<?, ?> m) {
                            flatten(m, path + ".", new LinkedHashMap<>(), dups);
                        }
                    }
                }
            }
        }
    }

    Object leaf(String path) {
        return leaves.get(path);
    }

    long seq() {
        return leaf("ingest_seq") instanceof Number n ? n.longValue() : -1;
    }

    String caseName() {
        return String.valueOf(leaf("ingest_case"));
    }

    boolean isLimitCase() {
        return caseName().startsWith("limit:");
    }

    static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "... (" + s.length() + " chars)" : s;
    }
}
