package fastlog.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each captured value type renders as the JSON it should be. */
class JsonValuesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String json(Object value) {
        JsonOutput out = new JsonOutput(16, 1000);
        JsonValues.write(out, value);
        return JsonEscapingDifferentialTest.decodeStrict(out);
    }

    private static JsonNode node(Object value) throws Exception {
        return JACKSON.readTree(json(value));
    }

    @Test
    void nullBooleansAndIntegers() {
        assertEquals("null", json(null));
        assertEquals("true", json(Boolean.TRUE));
        assertEquals("false", json(false));
        assertEquals("-7", json((byte) -7));
        assertEquals("-32768", json(Short.MIN_VALUE));
        assertEquals("2147483647", json(Integer.MAX_VALUE));
        assertEquals("-9223372036854775808", json(Long.MIN_VALUE));
    }

    @Test
    void floatingPoint() {
        assertEquals("1.5", json(1.5));
        assertEquals("1.1", json(1.1f));
        assertEquals("\"NaN\"", json(Double.NaN));
        assertEquals("\"-Infinity\"", json(Float.NEGATIVE_INFINITY));
    }

    @Test
    void bigNumbersAreJsonNumbers() throws Exception {
        BigInteger huge = BigInteger.TWO.pow(200).negate();
        assertEquals(huge.toString(), json(huge));
        assertEquals(huge, node(huge).bigIntegerValue());
        assertEquals("1E+3", json(new BigDecimal("1E+3")));
        assertTrue(node(new BigDecimal("1E+3")).isNumber());
        assertEquals("-0.000012345", json(new BigDecimal("-0.000012345")));
        assertEquals(new BigDecimal("1.5E-20"), new BigDecimal(json(new BigDecimal("1.5E-20"))));
        assertTrue(node(new BigDecimal("1.5E-20")).isNumber());
    }

    @Test
    void overlongBigNumbersBecomeStrings() throws Exception {
        BigInteger enormous = BigInteger.TEN.pow(JsonValues.MAX_NUMBER_LENGTH);
        JsonNode n = node(enormous);
        assertTrue(n.isTextual());
        assertTrue(enormous.toString().startsWith(n.textValue().substring(0, 999)));
    }

    @Test
    void bigNumberSubclassesAreStrings() throws Exception {
        BigInteger odd = new BigInteger("12") {
            @Override
            public String toString() {
                return "twelve";
            }
        };
        assertEquals("\"twelve\"", json(odd));
    }

    @Test
    void textualValues() throws Exception {
        assertEquals("\"a\\\"b\"", json("a\"b"));
        assertEquals("\"sb\\n\"", json(new StringBuilder("sb\n")));
        assertEquals("\"chars\"", json("chars".toCharArray()));
        assertEquals("\"x\"", json('x'));
        assertEquals("\"\\u0000\"", json('\0'));
        assertEquals("\"é\"", json('é'));
        assertEquals("\u20ac", node('\u20ac').textValue());
        assertEquals("\uFFFD", node('\uD800').textValue());
    }

    enum Color {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "not the name";
            }
        }
    }

    @Test
    void enumsByName() {
        assertEquals("\"RED\"", json(Color.RED));
        assertEquals("\"GREEN\"", json(Color.GREEN));
        assertEquals("\"SECONDS\"", json(TimeUnit.SECONDS));
    }

    @Test
    void uuidAndJavaTimeByTheirIsoText() throws Exception {
        List<Object> values = List.of(
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                Instant.parse("2026-11-25T09:14:03.512044Z"),
                LocalDate.of(2026, 11, 25),
                LocalDateTime.of(2026, 11, 25, 9, 14, 3),
                LocalTime.of(9, 14, 3, 5000),
                OffsetDateTime.of(2026, 11, 25, 9, 14, 3, 0, ZoneOffset.ofHours(2)),
                ZonedDateTime.of(2026, 11, 25, 9, 14, 3, 0, ZoneId.of("Europe/Paris")),
                OffsetTime.of(9, 14, 3, 0, ZoneOffset.UTC),
                Duration.ofMillis(90_061_001),
                Period.of(1, 2, 3),
                Year.of(2026),
                YearMonth.of(2026, 11),
                MonthDay.of(11, 25),
                ZoneId.of("America/New_York"),
                ZoneOffset.ofHoursMinutes(-3, -30));
        for (Object v : values) {
            assertEquals(v.toString(), node(v).textValue(), v.getClass().getName());
        }
        assertEquals("\"2026-11-25T09:14:03.512044Z\"", json(Instant.parse("2026-11-25T09:14:03.512044Z")));
        assertEquals("\"PT25H1M1.001S\"", json(Duration.ofMillis(90_061_001)));
    }

    @Test
    void throwablesAreObjects() throws Exception {
        JsonNode n = node(new IllegalStateException("boom"));
        assertEquals("java.lang.IllegalStateException", n.get("type").textValue());
        assertEquals("boom", n.get("message").textValue());
    }

    @Test
    void anythingElseByItsText() throws Exception {
        assertEquals("[1, 2]", node(List.of(1, 2)).textValue());
        assertEquals("x".repeat(1000) + "\u2026", node(new Object() {
            @Override
            public String toString() {
                return "x".repeat(5000);
            }
        }).textValue());
    }

    @Test
    void aThrowingToStringPropagatesForTheCallerToRollBack() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        JsonOutput out = new JsonOutput(16, 100);
        assertThrows(IllegalStateException.class, () -> JsonValues.write(out, bad));
    }
}
