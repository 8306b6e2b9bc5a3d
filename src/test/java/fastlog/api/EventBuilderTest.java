package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Logger.atInfo()...log(msg)}: events built field by field, checked on the lines written. */
class EventBuilderTest {

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.builder");

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = CapturedLog.start();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    private static List<String> userKeys(JsonNode line) {
        List<String> keys = new ArrayList<>();
        line.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("ts", "level", "logger", "msg"), keys.subList(0, 4));
        return keys.subList(4, keys.size());
    }

    @Test
    void tenFieldsOfEveryKindInTheOrderGiven() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        log.atInfo()
                .field("user_id", 48213L).field("items", 3).field("total", 99.5).field("ratio", 0.25f)
                .field("currency", "EUR").field("express", true).field("coupon", (Object) null)
                .field("id", id).field("tags", List.of("a", "b")).field("c", 'x')
                .log("checkout");
        JsonNode line = out.only();
        assertEquals("INFO", line.get("level").asText());
        assertEquals("test.builder", line.get("logger").asText());
        assertEquals("checkout", line.get("msg").asText());
        assertEquals(List.of("user_id", "items", "total", "ratio", "currency", "express", "coupon", "id", "tags", "c"),
                userKeys(line));
        assertEquals(48213L, line.get("user_id").asLong());
        assertTrue(line.get("items").isIntegralNumber());
        assertEquals(3, line.get("items").asInt());
        assertEquals(99.5, line.get("total").asDouble());
        assertEquals(0.25, line.get("ratio").asDouble());
        assertEquals("EUR", line.get("currency").asText());
        assertTrue(line.get("express").isBoolean() && line.get("express").asBoolean());
        assertTrue(line.get("coupon").isNull());
        assertEquals(id.toString(), line.get("id").asText());
        assertEquals("a", line.get("tags").get(0).asText());
        assertEquals('x', line.get("c").asInt(), "a char widens to its number, as in Logger's typed calls");
    }

    @Test
    void levelsAndTheRuntimeLevelForm() {
        log.atWarn().field("n", 1).log("w");
        log.atError().field("n", 2).log("e");
        log.at(Level.INFO).field("n", 3).log("i");
        log.atDebug().field("n", 4).log("dropped: below INFO");
        log.at(null).field("n", 5).log("dropped: no level");
        List<JsonNode> lines = out.lines();
        assertEquals(List.of("WARN", "ERROR", "INFO"), lines.stream().map(l -> l.get("level").asText()).toList());
        assertEquals(List.of(1, 2, 3), lines.stream().map(l -> l.get("n").asInt()).toList());
    }

    @Test
    void aDisabledLevelCapturesNothing() {
        AtomicInteger toStringCalls = new AtomicInteger();
        Object counted = new Object() {
            @Override
            public String toString() {
                toStringCalls.incrementAndGet();
                return "x";
            }
        };
        log.atDebug().field("v", counted).log("debug");
        log.atTrace().field("v", counted).log("trace");
        assertEquals(0, toStringCalls.get());
        log.atInfo().field("v", counted).log("info");
        assertEquals(1, toStringCalls.get());
        assertEquals("x", out.only().get("v").asText());
    }

    @Test
    void aMutableValueIsCapturedWhenGiven() {
        Map<String, Object> state = new HashMap<>();
        state.put("step", 1);
        EventBuilder event = log.atInfo().field("state", state);
        state.put("step", 2); // after the field was given: not in the line
        event.log("captured");
        assertEquals(1, out.only().get("state").get("step").asInt());
    }

    @Test
    void aKeyGivenTwiceIsWrittenOnceWithItsLastValueAndANullKeyIsNull() {
        log.atInfo().field("k", 1).field("other", 2).field("k", 3).field(null, "n").log("dup");
        JsonNode line = out.only();
        assertEquals(List.of("other", "k", "null"), userKeys(line));
        assertEquals(3, line.get("k").asInt());
        assertEquals("n", line.get("null").asText());
    }

    @Test
    void fieldsBeyondTheCapacityAreCounted() {
        EventBuilder b = log.atInfo();
        for (int i = 0; i < EventBuilder.CAPACITY + 5; i++) {
            b = b.field("f" + i, i);
        }
        b.log("many");
        JsonNode line = out.only();
        for (int i = 0; i < EventBuilder.CAPACITY; i++) {
            assertEquals(i, line.get("f" + i).asInt(), "field " + i);
        }
        assertFalse(line.has("f" + EventBuilder.CAPACITY));
        assertEquals(5, line.get("_truncated_fields").asInt());
    }

    @Test
    void exactlyTheCapacityIsNotTruncated() {
        EventBuilder b = log.atInfo();
        for (int i = 0; i < EventBuilder.CAPACITY; i++) {
            b = b.field("f" + i, i);
        }
        b.log("full");
        JsonNode line = out.only();
        assertEquals(EventBuilder.CAPACITY, userKeys(line).size());
        assertFalse(line.has("_truncated_fields"));
    }

    @Test
    void theExceptionIsTheEventsException() {
        IllegalStateException e = new IllegalStateException("card declined");
        log.atError().field("order_id", 17).exception(e).log("payment failed");
        JsonNode line = out.only();
        assertEquals(17, line.get("order_id").asInt());
        assertTrue(line.get("exception").toString().contains("card declined"), line::toString);
        assertTrue(line.get("exception").toString().contains("IllegalStateException"), line::toString);
    }

    @Test
    void buildersAreImmutableSoAPrefixCanBeSharedAndLoggedAgain() {
        EventBuilder common = log.atInfo().field("request", "r-1");
        common.field("step", 1).log("one");
        common.field("step", 2).field("extra", true).log("two");
        common.log("three");
        List<JsonNode> lines = out.lines();
        assertEquals(3, lines.size());
        assertEquals(List.of("request", "step"), userKeys(lines.get(0)));
        assertEquals(List.of("request", "step", "extra"), userKeys(lines.get(1)));
        assertEquals(List.of("request"), userKeys(lines.get(2)));
        assertEquals(2, lines.get(1).get("step").asInt());
    }

    @Test
    void aFailingToStringGivesAValidLine() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        log.atInfo().field("bad", bad).field("good", 1).log("still logged");
        JsonNode line = out.only();
        assertTrue(line.get("bad").asText().contains("IllegalStateException"), line::toString);
        assertEquals(1, line.get("good").asInt());
    }

    @Test
    void boundAndScopedFieldsComeFirstAsForEveryCall() {
        Logger bound = log.with("service", "checkout");
        LogContext.where("request_id", "r-9").run(() -> bound.atInfo().field("n", 1).log("in scope"));
        JsonNode line = out.only();
        assertEquals(List.of("request_id", "service", "n"), userKeys(line));
    }

    @Test
    void samplingAppliesToBuiltEvents() {
        out = CapturedLog.start(c -> c.sampling(Duration.ofHours(1), 2, 0));
        for (int i = 0; i < 5; i++) {
            log.atInfo().field("i", i).log("sampled");
        }
        List<JsonNode> lines = out.lines().stream().filter(l -> l.get("msg").asText().equals("sampled")).toList();
        assertEquals(List.of(0, 1), lines.stream().map(l -> l.get("i").asInt()).toList());
        assertEquals(3, Fastlog.stats().eventsSampledOut());
    }
}
