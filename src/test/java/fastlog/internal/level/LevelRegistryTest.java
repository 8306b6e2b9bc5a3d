package fastlog.internal.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Effective levels follow the nearest dotted prefix, else the global level. */
class LevelRegistryTest {

    @Test
    void nearestPrefixWinsAndChangesReachExistingSettings() {
        LevelRegistry r = new LevelRegistry(2);
        var pool = r.setting("a.b.c.Pool");
        var other = r.setting("a.bc");
        assertEquals(2, pool.threshold());
        r.setForName("a", 4);
        assertEquals(4, pool.threshold());
        assertEquals(4, other.threshold());
        r.setForName("a.b", 0);
        assertEquals(0, pool.threshold());
        assertEquals(4, other.threshold(), "a.bc is not below a.b");
        r.setForName("a.b", -1);
        r.setForName("a", -1);
        r.setGlobal(3);
        assertEquals(3, pool.threshold());
        assertSame(pool, r.setting("a.b.c.Pool"));
        assertEquals(3, other.threshold(), "with both prefixes cleared, a.bc follows the global level again");
    }
}
