package fastlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
        assertFalse(Capture.isKept(List.of(1)));
        assertFalse(Capture.isKept(new int[] {1}));
        assertFalse(Capture.isKept(new BigDecimal("1") { })); // a subclass may be mutable
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
