package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;

/**
 * Keys as the renderer writes them: made well-formed and renamed once per distinct key (a cache),
 * compared for duplicates in that form, last value wins. Records are laid out by hand as the
 * pipeline stages them, so these tests reach cases the public API makes awkward (keys that are
 * equal but not the same String, more keys than the cache holds).
 */
class EventRendererTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final ReservedKeys NAMES = new ReservedKeys("ts", "level", "logger", "msg");
    private static final int INFO = 2;

    private final LoggerCore core = new LoggerCore("test", new LevelSetting(INFO));

    /** One rendered line, parsed; the record's fields are key/value pairs (values boxed). */
    private static JsonNode render(EventRenderer renderer, LoggerCore core, ContextFrame context, Object... kv)
            throws Exception {
        int fields = kv.length / 2;
        long[] longs = new long[RecordLayout.slotsFor(fields)];
        Object[] refs = new Object[longs.length];
        refs[0] = core;
        longs[RecordLayout.timestampSlot(0)] = 1_764_061_843_512_044L;
        refs[RecordLayout.messageSlot(0)] = "m";
        refs[RecordLayout.contextSlot(0)] = context;
        for (int f = 0; f < fields; f++) {
            int k = RecordLayout.keySlot(0, f);
            refs[k] = kv[2 * f];
            longs[k] = RecordLayout.TAG_OBJECT;
            refs[k + 1] = kv[2 * f + 1];
        }
        JsonOutput out = new JsonOutput(64, 100_000);
        renderer.render(out, longs, refs, 0, RecordLayout.header(INFO, fields));
        String line = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(out.array(), 0, out.size())).toString();
        assertEquals('\n', line.charAt(line.length() - 1));
        assertEquals(1, line.lines().count(), line);
        return JACKSON.readTree(line);
    }

    private JsonNode render(EventRenderer renderer, Object... kv) throws Exception {
        return render(renderer, core, null, kv);
    }

    private static List<String> userKeys(JsonNode line) {
        List<String> keys = new ArrayList<>();
        line.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("ts", "level", "logger", "msg"), keys.subList(0, 4));
        return keys.subList(4, keys.size());
    }

    @Test
    void equalKeysThatAreDifferentStringsAreDuplicates() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        JsonNode line = render(renderer, "user", 1, "other", 2, new String("user"), 3);
        assertEquals(List.of("other", "user"), userKeys(line));
        assertEquals(3, line.get("user").asInt());
    }

    @Test
    void keysThatEncodeAlikeAreDuplicates() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        // Both lone surrogates are written as U+FFFD, so the line would hold "a\uFFFD" twice.
        JsonNode line = render(renderer, "a\uD800", 1, "b", 2, "a\uDBFF", 3);
        assertEquals(List.of("b", "a\uFFFD"), userKeys(line));
        assertEquals(3, line.get("a\uFFFD").asInt());
    }

    @Test
    void keysCutToTheSamePrefixAreDuplicates() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 8);
        JsonNode line = render(renderer, "abcdefghXX", 1, "abcdefghYY", 2);
        assertEquals(List.of("abcdefgh\u2026"), userKeys(line));
        assertEquals(2, line.get("abcdefgh\u2026").asInt());
    }

    @Test
    void longKeysBeyondTheCacheAreComparedToo() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        String longKey = "k".repeat(500);
        JsonNode line = render(renderer, longKey, 1, "x", 2, "k".repeat(500), 3);
        assertEquals(List.of("x", longKey), userKeys(line));
        assertEquals(3, line.get(longKey).asInt());
    }

    @Test
    void aRenamedKeyCollidesWithTheSameKeyGivenExplicitly() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        JsonNode line = render(renderer, "_msg", "explicit", "msg", "renamed", "level", "l");
        assertEquals(List.of("_msg", "_level"), userKeys(line));
        assertEquals("renamed", line.get("_msg").asText());
        assertEquals("INFO", line.get("level").asText());
    }

    @Test
    void callFieldsOverrideBoundFieldsWhichOverrideScopedFields() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        ContextFrame scope = ContextFrame.extend(null, new String[] {"request", "user", "scoped"},
                new Object[] {"r1", "scope-user", "s"});
        LoggerCore bound = core.with("user", "bound-user").with("service", "api");
        JsonNode line = render(renderer, bound, scope, "user", "call-user", "request", "r2");
        assertEquals(List.of("scoped", "service", "user", "request"), userKeys(line));
        assertEquals("call-user", line.get("user").asText());
        assertEquals("r2", line.get("request").asText());
        assertEquals("api", line.get("service").asText());
    }

    @Test
    void manyFieldsWithDuplicatesKeepTheLastOfEach() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        Object[] kv = new Object[2 * 60]; // beyond the linear scan's limit
        for (int i = 0; i < 60; i++) {
            kv[2 * i] = i % 3 == 0 ? "msg" : "k" + (i % 7);
            kv[2 * i + 1] = i;
        }
        JsonNode line = render(renderer, kv);
        assertEquals(57, line.get("_msg").asInt());
        for (int k = 0; k < 7; k++) {
            int last = -1;
            for (int i = 0; i < 60; i++) {
                if (i % 3 != 0 && i % 7 == k) {
                    last = i;
                }
            }
            assertEquals(last, line.get("k" + k).asInt(), "k" + k);
        }
        assertEquals(8, userKeys(line).size());
    }

    @Test
    void keysStayRightWhenMoreDistinctKeysThanTheCacheHoldsAreSeen() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3_000; i++) {
                String key = i % 5 == 0 ? "msg" + i : "key-" + i + "-\"q\"";
                JsonNode line = render(renderer, key, i, "fixed", round);
                assertEquals(List.of(key, "fixed"), userKeys(line));
                assertEquals(i, line.get(key).asInt());
            }
        }
    }

    @Test
    void aNullKeyIsTheKeyNull() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        JsonNode line = render(renderer, null, 1, "null", 2, null, 3);
        assertEquals(List.of("null"), userKeys(line));
        assertEquals(3, line.get("null").asInt());
    }

    @Test
    void anUnrenderableValueKeepsItsKey() throws Exception {
        EventRenderer renderer = new EventRenderer(NAMES, 100_000);
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        JsonNode line = render(renderer, "msg", throwing, "after", 1);
        assertEquals(List.of("_msg", "after"), userKeys(line));
        assertEquals("<unrenderable value: java.lang.IllegalStateException>", line.get("_msg").asText());
        assertEquals(1, line.get("after").asInt());
    }
}
