package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.api.MessageSyntax;
import fastlog.api.RawJson;
import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.schema.SchemaSpec;
import fastlog.internal.schema.ServiceIdentity;
import fastlog.internal.value.ValueLimits;

/**
 * A line written through a known shape ({@link LineShapes}) is byte for byte the line the general
 * path writes: every record below is rendered by a renderer with shapes and one without, several
 * times and interleaved (so shapes are built, hit, missed and rebuilt), in the default layout and
 * every preset, with and without redaction patterns. The hit counts show the shape path was taken
 * where it should be and never where it must not.
 */
class LineShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int INFO = 2;
    private static final int WARN = 3;

    private static final LoggerCore API = new LoggerCore("api", new LevelSetting(0));
    private static final LoggerCore OTHER = new LoggerCore("db.pool", new LevelSetting(0));
    private static final LoggerCore BOUND_LOGGER = API.with("tenant", "acme").with("region", "eu");
    private static final LoggerCore BOUND_SECRET = API.with("password", "hunter2");

    /** One staged record, as the producers lay it out. */
    private static final class Rec {
        final String name;
        final long[] longs = new long[512];
        final Object[] refs = new Object[512];
        long header;
        int fields;
        long ts = 1_764_061_843_512_044L;

        Rec(String name) {
            this.name = name;
        }

        Rec field(String key, Object value) {
            if (value instanceof Long l) {
                RecordProtocol.putField(longs, refs, 0, fields++, key, RecordLayout.TAG_LONG, l, null);
            } else if (value instanceof Double d) {
                RecordProtocol.putField(longs, refs, 0, fields++, key, RecordLayout.TAG_DOUBLE,
                        Double.doubleToRawLongBits(d), null);
            } else {
                RecordProtocol.putField(longs, refs, 0, fields++, key, RecordLayout.TAG_OBJECT, 0L, value);
            }
            return this;
        }

        Rec arg(Object value) {
            RecordProtocol.putField(longs, refs, 0, fields++, null, RecordLayout.TAG_ARG, 0L, value);
            return this;
        }

        Rec trailer(int tag, long bits, Object value) {
            RecordProtocol.putTrailer(longs, refs, 0, fields++, tag, null, bits, value);
            return this;
        }

        Rec publish(LoggerCore core, int level, String msg, ContextFrame context) {
            RecordProtocol.publish(longs, refs, 0, core, level, ts, msg, context, fields);
            header = longs[0];
            return this;
        }

        Rec publishPattern(LoggerCore core, String pattern, int argc) {
            RecordProtocol.publish(longs, refs, 0, core, INFO, ts, pattern,
                    RecordLayout.messageArgs(MessageSyntax.SLF4J.ordinal(), argc), null, fields);
            header = longs[0];
            return this;
        }
    }

    /** Keys and messages as literals: the same String objects on every call, as at a real call site. */
    private static List<Rec> corpus() {
        List<Rec> c = new ArrayList<>();
        c.add(new Rec("three fields").field("status", 200L).field("path", "/api/orders").field("ms", 12.5)
                .publish(API, INFO, "request served", null));
        c.add(new Rec("same message, other logger").field("status", 200L).field("path", "/x").field("ms", 0.25)
                .publish(OTHER, INFO, "request served", null));
        c.add(new Rec("same message, other level").field("status", 500L).field("path", "/y").field("ms", 1e-9)
                .publish(API, WARN, "request served", null));
        c.add(new Rec("same keys, other order").field("path", "/z").field("status", 204L).field("ms", -3.0)
                .publish(API, INFO, "request served", null));
        c.add(new Rec("an equal key, not the same String").field(new String("status"), 200L).field("path", "/")
                .field("ms", 2.0).publish(API, INFO, "request served", null));
        c.add(new Rec("no fields").publish(API, INFO, "started", null));
        c.add(new Rec("null message").field("k", "v").publish(API, INFO, null, null));
        c.add(new Rec("message that needs escaping").field("k", "v")
                .publish(API, INFO, "quote \" backslash \\ newline \n tab \t \u00e9 \u2028 \ud83d\ude00", null));
        c.add(new Rec("message past the message cache").field("k", 1L).publish(API, INFO, "m".repeat(100), null));
        c.add(new Rec("message past the shapes' limit").field("k", 1L).publish(API, INFO, "l".repeat(300), null));
        c.add(new Rec("repeated key").field("a", 1L).field("b", 2L).field("a", 3L).publish(API, INFO, "dup", null));
        c.add(new Rec("equal keys as different Strings").field("a", 1L).field(new String("a"), 2L)
                .publish(API, INFO, "dup2", null));
        c.add(new Rec("reserved keys").field("level", "mine").field("msg", "also mine").field("ts", 5L)
                .publish(API, INFO, "reserved", null));
        c.add(new Rec("redacted key").field("user", "bob").field("password", "hunter2").publish(API, INFO, "login", null));
        c.add(new Rec("key past the key cache").field("k".repeat(70), 1L).publish(API, INFO, "long key", null));
        c.add(new Rec("null key").field(null, 1L).publish(API, INFO, "null key", null));
        c.add(new Rec("control characters in a key").field("a\u0001b\"c", 1L).publish(API, INFO, "odd key", null));
        c.add(new Rec("lone surrogate in a key").field("x\ud800y", 1L).publish(API, INFO, "surrogate key", null));
        c.add(new Rec("exception under its key").field("order_id", 7L).field("exception", new IllegalStateException("boom"))
                .publish(API, 4, "payment failed", null));
        c.add(new Rec("throwable under another key").field("error", new IllegalArgumentException("bad"))
                .publish(API, 4, "failed", null));
        c.add(new Rec("invalid raw JSON").field("payload", RawJson.of("{bad")).field("ok", RawJson.of("[1,2]"))
                .publish(API, INFO, "raw", null));
        c.add(new Rec("invalid raw JSON, its list's key taken").field("_invalid_json", 1L)
                .field("payload", RawJson.of("nope")).publish(API, INFO, "raw2", null));
        c.add(new Rec("nested values").field("order", Map.of("id", 1L, "sku", "A"))
                .field("ids", List.of(1L, 2L)).field("flag", true).field("big", new java.math.BigDecimal("1.10"))
                .publish(API, INFO, "nested", null));
        c.add(new Rec("strings that need escaping").field("s", "tab\there \"q\" \u0000 \ud800")
                .field("long", "x".repeat(300)).publish(API, INFO, "strings", null));
        c.add(new Rec("a value whose rendering throws").field("ok", 1L).field("bad", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        }).field("after", 2L).publish(API, INFO, "throws", null));
        c.add(new Rec("doubles").field("nan", Double.NaN).field("inf", Double.NEGATIVE_INFINITY).field("z", -0.0)
                .field("e", 1.0E-7).field("big", 1.0E300).publish(API, INFO, "doubles", null));
        Rec many = new Rec("seventeen fields");
        for (int i = 0; i < 17; i++) {
            many.field(KEYS[i], (long) i);
        }
        c.add(many.publish(API, INFO, "many", null));
        Rec sixteen = new Rec("sixteen fields");
        for (int i = 0; i < 16; i++) {
            sixteen.field(KEYS[i], (long) i);
        }
        c.add(sixteen.publish(API, INFO, "sixteen", null));
        c.add(new Rec("bound fields").field("status", 200L).publish(BOUND_LOGGER, INFO, "request served", null));
        c.add(new Rec("scoped, bound and call fields, one key at every level").field("region", "call")
                .field("status", 200L).publish(BOUND_LOGGER, INFO, "request served",
                        ContextFrame.extend(null, new String[] {"region", "request_id", "tenant"},
                                new Object[] {"scoped", "r-9", "scoped-tenant"})));
        c.add(new Rec("redacted bound key").field("status", 200L).publish(BOUND_SECRET, INFO, "request served", null));
        c.add(new Rec("scoped context").field("status", 200L).publish(API, INFO, "request served",
                ContextFrame.extend(null, new String[] {"request_id", "status"}, new Object[] {"r-1", "scoped"})));
        c.add(new Rec("scoped context, another request").field("status", 201L).publish(API, INFO, "request served",
                ContextFrame.extend(null, new String[] {"request_id", "status"}, new Object[] {"r-2", "scoped"})));
        c.add(new Rec("scoped context, no call fields").publish(API, INFO, "request served",
                ContextFrame.extend(null, new String[] {"request_id"}, new Object[] {"r-3"})));
        c.add(new Rec("nested scopes, a key bound again").field("c", 1L).publish(API, INFO, "nested scope",
                ContextFrame.extend(ContextFrame.extend(null, new String[] {"a", "b"}, new Object[] {1L, "x"}),
                        new String[] {"c", "a"}, new Object[] {"inner", 2L})));
        c.add(new Rec("redacted key in the context").field("status", 200L).publish(API, INFO, "request served",
                ContextFrame.extend(null, new String[] {"token"}, new Object[] {"secret-value"})));
        c.add(new Rec("invalid raw JSON in the context").field("payload", RawJson.of("{bad")).publish(API, INFO, "raw3",
                ContextFrame.extend(null, new String[] {"ctx_raw"}, new Object[] {RawJson.of("[oops")})));
        c.add(new Rec("a repeated key before invalid raw JSON").field("a", 1L).field("a", 2L)
                .field("payload", RawJson.of("{bad")).publish(API, INFO, "dup then raw", null));
        c.add(new Rec("throwing and invalid raw JSON values in the scope and bound").field("status", 200L)
                .publish(API.with("b_raw", RawJson.of("{nope")).with("b_ok", 5L), INFO, "odd values",
                        ContextFrame.extend(null, new String[] {"s_bad", "s_raw"}, new Object[] {new Object() {
                            @Override
                            public String toString() {
                                throw new IllegalStateException("scoped");
                            }
                        }, RawJson.of("[1,")})));
        c.add(new Rec("same shape, a string where a number was").field("status", "ok").field("path", 7L)
                .field("ms", "slow").publish(API, INFO, "request served", null));
        c.add(new Rec("an equal message, not the same String").field("status", 200L).field("path", "/p")
                .field("ms", 1.0).publish(API, INFO, new String("request served"), null));
        c.add(new Rec("keys that read the same once cut at 16").field("abcdefghijklmnop_first", 1L)
                .field("abcdefghijklmnop_second", 2L).publish(API, INFO, "cut keys", null));
        c.add(new Rec("thread name trailer").field("status", 200L).trailer(RecordLayout.TAG_THREAD, 42, "worker-1")
                .publish(API, INFO, "request served", null));
        c.add(new Rec("per-thread fields").field("status", 200L)
                .trailer(RecordLayout.TAG_THREAD_FIELDS, 0, LineFieldsTest.perThread("user", "u1", "status", "thread"))
                .publish(API, INFO, "request served", null));
        c.add(new Rec("message arguments").arg("bob").arg(3L).field("status", 200L)
                .publishPattern(API, "user {} tried {} times", 2));
        return c;
    }

    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10",
        "k11", "k12", "k13", "k14", "k15", "k16"};

    private static SchemaLayout layout(String preset) {
        return new SchemaLayout(new SchemaSpec(preset, new ServiceIdentity("svc", "1.0", "prod", null), null, null,
                Map.of(), Map.of(), Set.of(), Set.of()));
    }

    /** A layout configured as a user might: a static field, renames (one onto a call key's name), excludes. */
    private static SchemaLayout configured(String preset) {
        return new SchemaLayout(new SchemaSpec(preset, new ServiceIdentity("svc", "1.0", "prod", null), null, null,
                Map.of("team", "payments"), Map.of("logger", "status", "msg", "message_text"),
                Set.of("path", "request_id"), Set.of()));
    }

    private static String render(EventRenderer r, Rec rec) {
        return render(r, rec, 1000);
    }

    /** @param maxString the longest string (and key) the renderer was made to write before cutting; the output too */
    private static String render(EventRenderer r, Rec rec, int maxString) {
        JsonOutput out = new JsonOutput(64, maxString);
        r.render(out, rec.longs, rec.refs, 0, rec.header);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    /** Renders each record in {@code order} with both renderers and compares; returns the shape hits. */
    private static long compare(String setup, EventRenderer shaped, EventRenderer general, List<Rec> order,
                                int maxString) throws Exception {
        for (Rec rec : order) {
            String expected = render(general, rec, maxString);
            String actual = render(shaped, rec, maxString);
            assertEquals(expected, actual, setup + ": " + rec.name);
            JsonNode line = JSON.readTree(actual); // and it is one valid JSON object
            assertTrue(line.isObject(), setup + ": " + rec.name);
        }
        return shaped.lineShapeHits();
    }

    @Test
    void everyRecordIsWrittenAsTheGeneralPathWritesItInEveryLayout() throws Exception {
        List<Rec> corpus = corpus();
        Redaction patterns = new Redaction(Redaction.DEFAULT_KEYS, List.of(Pattern.compile("hunter\\d"),
                Pattern.compile("request")), Redaction.DEFAULT_MASK);
        for (String preset : List.of("default", "ecs", "otel", "logstash", "gcp", "default configured",
                "ecs configured", "default, strings cut at 16")) {
            for (Redaction redaction : List.of(Redaction.DEFAULT, Redaction.NONE, patterns)) {
                String setup = preset + ", redaction " + redaction;
                String name = preset.split("[ ,]")[0];
                SchemaLayout layout = preset.contains("configured") ? configured(name) : layout(name);
                int maxString = preset.contains("cut at 16") ? 16 : 1000; // 16: the least Configuration allows
                EventRenderer shaped = new EventRenderer(layout, maxString, ValueLimits.DEFAULTS, redaction, true);
                EventRenderer general = new EventRenderer(layout, maxString, ValueLimits.DEFAULTS, redaction, false);
                List<Rec> order = new ArrayList<>();
                for (int pass = 0; pass < 3; pass++) {
                    order.addAll(corpus); // each record again: its shape is built on the first pass, hit after
                }
                for (Rec rec : corpus) {
                    for (int i = 0; i < 20; i++) {
                        order.add(rec); // its shape built even where another holds the slot, then used
                    }
                }
                for (int i = 0; i < 40; i++) {
                    order.add(corpus.get(i % 2)); // two shapes sharing a message, alternating in one slot
                }
                for (int i = 0; i < 40; i++) {
                    order.add(corpus.get(i % 5)); // five shapes of one message
                }
                long hits = compare(setup, shaped, general, order, maxString);
                assertTrue(hits > 20 * 20, setup + ": the shape path was taken only " + hits + " times");
                assertEquals(0, general.lineShapeHits(), setup);
            }
        }
    }

    @Test
    void aShapeIsUsedFromTheSecondRecordAndTheTimestampAndValuesAreTheRecordsOwn() throws Exception {
        EventRenderer r = new EventRenderer(layout("default"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
        Rec rec = new Rec("three").field("status", 200L).field("path", "/a").field("ms", 1.5)
                .publish(API, INFO, "request served", null);
        render(r, rec);
        assertEquals(0, r.lineShapeHits(), "the first record of a shape takes the general path");
        Rec next = new Rec("three again").field("status", 404L).field("path", "/b").field("ms", 0.125);
        next.ts = rec.ts + 3_000_001L; // another second
        next.publish(API, INFO, "request served", null);
        JsonNode line = JSON.readTree(render(r, next));
        assertEquals(1, r.lineShapeHits());
        assertEquals("2025-11-25T09:10:46.512045Z", line.get("ts").asText());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("api", line.get("logger").asText());
        assertEquals("request served", line.get("msg").asText());
        assertEquals(404, line.get("status").asLong());
        assertEquals("/b", line.get("path").asText());
        assertEquals(0.125, line.get("ms").asDouble());
        assertEquals(List.of("ts", "level", "logger", "msg", "status", "path", "ms"), keys(line));
    }

    @Test
    void aValueThatFailsOnTheShapePathLeavesItsKeyAndTheRestOfTheLine() throws Exception {
        EventRenderer r = new EventRenderer(layout("default"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
        Rec rec = corpus().stream().filter(x -> x.name.equals("a value whose rendering throws")).findFirst().orElseThrow();
        render(r, rec);
        JsonNode line = JSON.readTree(render(r, rec));
        assertEquals(1, r.lineShapeHits());
        assertEquals(1, line.get("ok").asLong());
        assertEquals("<unrenderable value: java.lang.IllegalStateException>", line.get("bad").asText());
        assertEquals(2, line.get("after").asLong());
    }

    private static final List<String> UNUSABLE = List.of("redacted key", "redacted key in the context",
            "key past the key cache", "null key", "redacted bound key", "thread name trailer", "per-thread fields",
            "message arguments", "message past the shapes' limit", "seventeen fields", "null message");

    @Test
    void everyOtherRecordTakesItsShapeTheSecondTime() {
        for (Rec rec : corpus()) {
            if (!UNUSABLE.contains(rec.name)) {
                EventRenderer r = new EventRenderer(layout("default"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
                render(r, rec);
                render(r, rec);
                assertEquals(1, r.lineShapeHits(), rec.name);
            }
        }
    }

    @Test
    void recordsThatNeedThePerEventWorkNeverTakeAShape() {
        EventRenderer r = new EventRenderer(layout("default"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
        for (Rec rec : corpus()) {
            if (UNUSABLE.contains(rec.name)) {
                for (int i = 0; i < 40; i++) {
                    render(r, rec);
                }
            }
        }
        assertEquals(0, r.lineShapeHits());
    }

    @Test
    void scopedFieldsOfEachRequestAndRepeatedKeysGoThroughTheShapeLastKeyWinning() throws Exception {
        EventRenderer r = new EventRenderer(layout("default"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
        for (int request = 0; request < 3; request++) {
            ContextFrame context = ContextFrame.extend(null, new String[] {"request_id", "status"},
                    new Object[] {"r-" + request, "scoped"}); // a new frame per request, the same keys
            Rec rec = new Rec("request " + request).field("status", 200L + request).field("a", 1L).field("a", 2L)
                    .publish(API, INFO, "request served", context);
            JsonNode line = JSON.readTree(render(r, rec));
            assertEquals(List.of("ts", "level", "logger", "msg", "request_id", "status", "a"), keys(line));
            assertEquals("r-" + request, line.get("request_id").asText());
            assertEquals(200 + request, line.get("status").asLong(), "the call's value wins over the scope's");
            assertEquals(2, line.get("a").asLong(), "the last of a repeated key wins");
        }
        assertEquals(2, r.lineShapeHits(), "the first request built the shape, the others used it");
    }

    @Test
    void aLoggerMadePerRequestSharesTheShapeAndWritesItsOwnBoundValues() throws Exception {
        EventRenderer r = new EventRenderer(layout("default"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
        for (int request = 0; request < 3; request++) {
            LoggerCore perRequest = API.with("request_id", "r-" + request); // a new logger, the same key
            Rec rec = new Rec("request " + request).field("status", 200L).publish(perRequest, INFO, "handled", null);
            JsonNode line = JSON.readTree(render(r, rec));
            assertEquals("r-" + request, line.get("request_id").asText());
        }
        assertEquals(2, r.lineShapeHits());
    }

    @Test
    void schemasWithAFlatExceptionKeepItOnTheGeneralPath() throws Exception {
        EventRenderer r = new EventRenderer(layout("ecs"), 1000, ValueLimits.DEFAULTS, Redaction.DEFAULT, true);
        Rec rec = new Rec("thrown").field("order_id", 7L).field("exception", new IllegalStateException("boom"))
                .publish(API, 4, "payment failed", null);
        String first = render(r, rec);
        String second = render(r, rec);
        assertEquals(first, second);
        assertEquals(0, r.lineShapeHits());
        assertEquals("boom", JSON.readTree(second).get("error.message").asText());
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
