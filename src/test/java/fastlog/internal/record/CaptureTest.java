package fastlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fastlog.internal.value.CapturedArray;
import fastlog.internal.value.CapturedObject;

/** What a record may hold as given, and what must be captured as text on the calling thread. */
class CaptureTest {

    @Test
    void immutableValuesAreKeptAsTheyAre() {
        for (Object v : new Object[] {null, "s", 1, 2L, 3.5, 4.5f, (short) 5, (byte) 6, true, 'c',
                new BigDecimal("1.5"), UUID.randomUUID(), Instant.EPOCH, Thread.State.NEW, new RuntimeException()}) {
            assertTrue(Capture.isKept(v), String.valueOf(v));
            assertSame(v, Capture.value(v));
        }
    }

    @Test
    void mutableValuesAreNotKeptAndBecomeText() {
        StringBuilder sb = new StringBuilder("built");
        assertFalse(Capture.isKept(sb));
        assertEquals("built", Capture.value(sb));
        assertFalse(Capture.isKept(new int[] {1}));
        assertFalse(Capture.isKept(List.of(new StringBuilder()))); // immutable list, mutable element
        assertFalse(Capture.isKept(new BigDecimal("1") { })); // a subclass may be mutable
    }

    @Test
    void immutableStructuresOfKeptValuesAreKeptByReference() {
        record Point(long x, long y, String label) {
        }
        for (Object v : new Object[] {List.of(1, 2), List.of(List.of("a"), Map.of("k", 1.5)), Set.of("x"), Map.of(),
                Map.of("a", List.of(1)), Optional.of("x"), Optional.empty(), new Point(1, 2, "p"), List.of(new Point(1, 2, "p")),
                Stream.of(1, 2).toList(), List.of(1, 2, 3).subList(1, 2), Collections.emptyMap(), Collections.singletonList(1)}) {
            assertTrue(Capture.isKept(v), v::toString);
            assertSame(v, Capture.value(v), v::toString);
        }
    }

    @Test
    void mutableStructuresAreSnapshotted() {
        Map<String, Object> map = new HashMap<>(Map.of("a", 1));
        List<Object> list = new ArrayList<>(List.of(1));
        record Holder(List<Object> items) {
        }
        for (Object v : new Object[] {map, list, new int[] {1}, new Object[] {"a"}, Collections.unmodifiableMap(map),
                Collections.unmodifiableList(list), Arrays.asList(1, 2), new Holder(list), Map.of(1, "non-String key"),
                List.of(list), Optional.of(map)}) {
            assertFalse(Capture.isKept(v), v::toString);
            Object captured = Capture.value(v);
            assertNotSame(v, captured, v::toString);
            assertTrue(captured instanceof CapturedObject || captured instanceof CapturedArray, () -> v + " -> " + captured);
            assertTrue(Capture.isKeptShape(captured));
        }
    }

    @Test
    void allKeptNeedsStringKeysAndKeptValues() {
        assertTrue(Capture.allKept(new Object[] {"a", 1, "b", "x", "c", null}));
        assertTrue(Capture.allKept(new Object[0]));
        assertFalse(Capture.allKept(new Object[] {"a", 1, "b", new StringBuilder()}));
        assertFalse(Capture.allKept(new Object[] {"a", 1, null, 2}));
        assertFalse(Capture.allKept(new Object[] {"a", 1, 7, 2}));
    }
}
