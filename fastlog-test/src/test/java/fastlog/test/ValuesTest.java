package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** How {@code withField}'s expected value matches a parsed value. */
class ValuesTest {

    enum Status { ACTIVE }

    record Item(String sku, int qty) {
    }

    @Test
    void numbersByValue() {
        assertTrue(Values.matches(42, 42L));
        assertTrue(Values.matches((short) 42, 42L));
        assertTrue(Values.matches(42L, new BigInteger("42")));
        assertTrue(Values.matches(42, 42.0));
        assertTrue(Values.matches(0.1, 0.1));
        assertTrue(Values.matches(new BigDecimal("0.10"), 0.1));
        assertTrue(Values.matches(new AtomicLong(5), 5L));
        assertTrue(Values.matches(1.5f, 1.5));
        assertFalse(Values.matches(0.1f, 0.1), "a float is the double it widens to, as fastlog writes it");
        assertFalse(Values.matches(42, 43L));
        assertFalse(Values.matches(42, "42"));
        assertTrue(Values.matches(Double.NaN, "NaN"));
        assertTrue(Values.matches(Double.POSITIVE_INFINITY, "Infinity"));
        assertTrue(Values.matches(Float.NEGATIVE_INFINITY, "-Infinity"));
    }

    @Test
    void textLikeValues() {
        assertTrue(Values.matches("x", "x"));
        assertTrue(Values.matches(new StringBuilder("x"), "x"));
        assertTrue(Values.matches('x', "x"));
        assertTrue(Values.matches(Status.ACTIVE, "ACTIVE"));
        UUID id = UUID.randomUUID();
        assertTrue(Values.matches(id, id.toString()));
        assertTrue(Values.matches(Duration.ofSeconds(90), "PT1M30S"));
        assertTrue(Values.matches(Instant.EPOCH, "1970-01-01T00:00:00Z"));
        assertFalse(Values.matches("1", 1L));
        assertTrue(Values.matches(true, true));
        assertFalse(Values.matches(true, "true"));
        assertTrue(Values.matches(null, null));
        assertFalse(Values.matches(null, "null"));
        assertFalse(Values.matches("null", null));
    }

    @Test
    void structures() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 7);
        expected.put("tags", List.of("a", "b"));
        expected.put("none", null);
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("tags", List.of("a", "b"));
        actual.put("id", 7L);
        actual.put("none", null);
        assertTrue(Values.matches(expected, actual), "key order does not matter");
        assertFalse(Values.matches(expected, Map.of("id", 7L, "tags", List.of("a", "b"))));
        assertFalse(Values.matches(Map.of("id", 7), Map.of("id", 7L, "extra", 1L)));
        assertTrue(Values.matches(Set.of(1), List.of(1L)));
        assertTrue(Values.matches(new int[] {1, 2}, List.of(1L, 2L)));
        assertTrue(Values.matches(new int[] {1, 2}, "[1, 2]"));
        assertTrue(Values.matches(new String[][] {{"a"}, {"b", "c"}}, "[[a], [b, c]]"));
        assertTrue(Values.matches("hi".toCharArray(), "hi"));
        assertTrue(Values.matches(Arrays.asList(1, null), Arrays.asList(1L, null)));
        assertFalse(Values.matches(List.of(1, 2), List.of(2L, 1L)));
        assertTrue(Values.matches(new Item("A-1", 2), Map.of("sku", "A-1", "qty", 2L)));
        assertFalse(Values.matches(new Item("A-1", 2), Map.of("sku", "A-1", "qty", 3L)));
        assertTrue(Values.matches(new Item("A-1", 2), "Item[sku=A-1, qty=2]"));
        assertTrue(Values.matches(List.of(1, 2), "[1, 2]"), "fastlog's toString() of a list");
        assertTrue(Values.matches(Map.of("k", 1), "{k=1}"), "fastlog's toString() of a map");
    }
}
