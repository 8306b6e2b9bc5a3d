package fastlog.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.testapps.OutOfScopeLogging;

/**
 * The Java 21 fallback keeps nothing on a thread that logs outside every scope, even after scopes
 * have run (the old store called {@code ThreadLocal.get()} there, which gives the thread a map and
 * an entry for good), and scopes still nest and restore, both on the ThreadLocal and in a
 * context slot ({@link ContextSlots}).
 */
class FallbackContextStoreTest {

    private static final int THREADS = 1_000;
    /**
     * Enough holders inside scopes that nearly every counter slot is non-zero: at most
     * {@link ContextSlots#SHARED}'s slots of them hold a context slot, the rest use the ThreadLocal.
     */
    private static final int HOLDERS = 4 * FallbackContextStore.SLOTS;

    @TempDir
    Path dir;

    @Test
    void threadsThatLogOutsideAScopeGetNoThreadLocalEntry() throws Exception {
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process p = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                        + Path.of("target", "test-classes").toAbsolutePath(),
                OutOfScopeLogging.class.getName(), String.valueOf(THREADS), String.valueOf(HOLDERS))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not exit within 120 s (killed)");
        }
        String err = Files.readString(stderr);
        assertEquals(0, p.exitValue(), err);

        // No scope active anywhere: the thread's ThreadLocal map is never even created.
        assertEquals(Map.of("with_map", 0, "with_entry", 0), counts(err, "idle"), err);
        // Other threads inside scopes: the store may look, but leaves no entry behind.
        assertEquals(0, counts(err, "busy").get("with_entry"), err);

        ObjectMapper json = new ObjectMapper();
        int outside = 0;
        int holders = 0;
        for (String line : Files.readAllLines(stdout)) {
            JsonNode n = json.readTree(line);
            String msg = n.get("msg").asText();
            if (msg.equals("outside")) {
                outside++;
                assertNull(n.get("scope"), line);
            } else if (msg.equals("inside on holder")) {
                holders++;
                assertEquals("holder", n.get("scope").asText(), line);
            } else {
                assertEquals("main", n.get("scope").asText(), line);
            }
        }
        assertEquals(2 * THREADS, outside);
        assertEquals(HOLDERS, holders);
    }

    private static Map<String, Integer> counts(String stderr, String phase) {
        Matcher m = Pattern.compile("phase=" + phase + " threads=(\\d+) with_map=(\\d+) with_entry=(\\d+)").matcher(stderr);
        assertTrue(m.find(), stderr);
        assertEquals(THREADS, Integer.parseInt(m.group(1)));
        return Map.of("with_map", Integer.parseInt(m.group(2)), "with_entry", Integer.parseInt(m.group(3)));
    }

    /** The ThreadLocal path (a thread whose context slot another thread holds), through the slot-level methods. */
    @Test
    void nestedScopesRestoreAndTheCounterReturnsToZero() throws Exception {
        int slot = FallbackContextStore.slot(Thread.currentThread().threadId());
        int before = FallbackContextStore.inScope(slot);
        ContextFrame outer = ContextFrame.extend(null, new String[] {"a"}, new Object[] {1});
        ContextFrame inner = ContextFrame.extend(outer, new String[] {"b"}, new Object[] {2});
        assertNull(FallbackContextStore.current(slot));
        FallbackContextStore.call(slot, outer, () -> {
            assertSame(outer, FallbackContextStore.current(slot));
            assertEquals(before + 1, FallbackContextStore.inScope(slot));
            FallbackContextStore.call(slot, inner, () -> {
                assertSame(inner, FallbackContextStore.current(slot));
                assertEquals(before + 1, FallbackContextStore.inScope(slot)); // nesting counts once
                return null;
            });
            assertSame(outer, FallbackContextStore.current(slot));
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> FallbackContextStore.call(slot, inner, () -> {
                        throw new IllegalStateException("boom");
                    }), "an exception thrown inside a scope must reach the caller");
            assertEquals("boom", thrown.getMessage());
            assertSame(outer, FallbackContextStore.current(slot), "the scope an exception left is restored");
            assertEquals(before + 1, FallbackContextStore.inScope(slot));
            return null;
        });
        assertNull(FallbackContextStore.current(slot));
        assertEquals(before, FallbackContextStore.inScope(slot));
    }

    /** A thread that holds its context slot keeps its frames there: the counter and the ThreadLocal stay untouched. */
    @Test
    void aThreadHoldingItsContextSlotLeavesTheThreadLocalAlone() throws Exception {
        long id = Thread.currentThread().threadId();
        int counter = FallbackContextStore.slot(id);
        int before = FallbackContextStore.inScope(counter);
        ContextFrame outer = ContextFrame.extend(null, new String[] {"a"}, new Object[] {1});
        ContextFrame inner = ContextFrame.extend(outer, new String[] {"b"}, new Object[] {2});
        assertEquals(0, ContextSlots.SHARED.holder(ContextSlots.SHARED.slot(id)), "this thread's context slot must be free");
        FallbackContextStore.call(outer, () -> {
            assertSame(outer, FallbackContextStore.current());
            assertEquals(id, ContextSlots.SHARED.holder(ContextSlots.SHARED.slot(id)));
            assertNull(FallbackContextStore.current(counter), "the ThreadLocal path must not see the frame");
            assertEquals(before, FallbackContextStore.inScope(counter));
            FallbackContextStore.call(inner, () -> {
                assertSame(inner, FallbackContextStore.current());
                return null;
            });
            assertSame(outer, FallbackContextStore.current());
            return null;
        });
        assertNull(FallbackContextStore.current());
        assertEquals(0, ContextSlots.SHARED.holder(ContextSlots.SHARED.slot(id)));
    }
}
