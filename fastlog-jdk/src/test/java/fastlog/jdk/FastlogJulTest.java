package fastlog.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;

/** FastlogJul.install(): routing, level mirroring, re-configuration, uninstall. */
@Timeout(30)
class FastlogJulTest {

    private Captured out;

    @BeforeEach
    void setUp() {
        out = Captured.start();
        resetFastlogLevels();
    }

    @AfterEach
    void tearDown() {
        FastlogJul.uninstall();
        resetFastlogLevels();
    }

    private static void resetFastlogLevels() {
        Fastlog.setLevel(fastlog.api.Level.INFO);
        for (String prefix : Fastlog.levels().keySet()) {
            Fastlog.setLevel(prefix, null);
        }
    }

    private static Logger root() {
        return Logger.getLogger("");
    }

    @Test
    void installRoutesEveryJulLoggerToFastlogOnce() {
        FastlogJul.install();
        FastlogJul.install(); // idempotent
        assertTrue(FastlogJul.isInstalled());
        Handler[] handlers = root().getHandlers();
        assertEquals(1, handlers.length);
        assertTrue(handlers[0] instanceof FastlogHandler);
        Logger.getLogger("jul.install.a").info("hello {0}"); // no parameters: as it is
        Logger.getLogger("jul.install.b.C").log(Level.WARNING, "{0} of {1}", new Object[] {"one", "two"});
        List<JsonNode> lines = out.lines("jul.install");
        assertEquals(2, lines.size(), lines::toString);
        assertEquals("jul.install.a", lines.get(0).get("logger").asText());
        assertEquals("INFO", lines.get(0).get("level").asText());
        assertEquals("hello {0}", lines.get(0).get("msg").asText());
        assertEquals("jul.install.b.C", lines.get(1).get("logger").asText());
        assertEquals("WARN", lines.get(1).get("level").asText());
        assertEquals("one of two", lines.get(1).get("msg").asText());
    }

    /** The disabled call is rejected by JUL's own level check: no LogRecord reaches any handler. */
    @Test
    void disabledLevelsAreRejectedByJulsOwnCheck() {
        FastlogJul.install();
        Counting counting = new Counting();
        root().addHandler(counting);
        try {
            Logger jul = Logger.getLogger("jul.mirror.Service");
            assertFalse(jul.isLoggable(Level.FINE));
            assertTrue(jul.isLoggable(Level.CONFIG)); // CONFIG maps to INFO
            jul.fine("disabled");
            assertEquals(0, counting.records.size());

            Fastlog.setLevel(fastlog.api.Level.DEBUG);
            assertTrue(jul.isLoggable(Level.FINE));
            assertFalse(jul.isLoggable(Level.FINER));
            jul.fine("enabled now");
            jul.finer("still disabled");
            assertEquals(1, counting.records.size());

            Fastlog.setLevel(fastlog.api.Level.TRACE);
            assertTrue(jul.isLoggable(Level.FINEST));
            assertSame(Level.ALL, root().getLevel());

            Fastlog.setLevel(fastlog.api.Level.ERROR);
            assertFalse(jul.isLoggable(Level.WARNING));
            assertTrue(jul.isLoggable(Level.SEVERE));
            jul.warning("disabled again");
            assertEquals(1, counting.records.size());
            assertEquals(List.of("enabled now"), out.messages("jul.mirror"));
            assertEquals("DEBUG", out.lines("jul.mirror").get(0).get("level").asText());
        } finally {
            root().removeHandler(counting);
        }
    }

    @Test
    void prefixLevelsAreMirroredAndFollowChanges() {
        FastlogJul.install();
        Fastlog.setLevel("jul.prefix", fastlog.api.Level.WARN);
        Logger db = Logger.getLogger("jul.prefix.db");
        Logger other = Logger.getLogger("jul.prefixed"); // not below "jul.prefix" at a dot
        assertFalse(db.isLoggable(Level.INFO));
        assertTrue(db.isLoggable(Level.WARNING));
        assertTrue(other.isLoggable(Level.INFO));

        Fastlog.setLevel("jul.prefix.db", fastlog.api.Level.DEBUG);
        assertTrue(Logger.getLogger("jul.prefix.db.pool").isLoggable(Level.FINE));
        assertFalse(Logger.getLogger("jul.prefix.web").isLoggable(Level.INFO));

        Fastlog.setLevel("jul.prefix", null);
        Fastlog.setLevel("jul.prefix.db", null);
        assertTrue(db.isLoggable(Level.INFO));
        assertFalse(db.isLoggable(Level.FINE));
        assertNull(db.getLevel());
        assertNull(Logger.getLogger("jul.prefix").getLevel());
    }

    /** LogManager holds loggers weakly; the installer holds the ones whose level it set. */
    @Test
    void mirroredLevelsSurviveGarbageCollection() throws InterruptedException {
        FastlogJul.install();
        Fastlog.setLevel("jul.gc.prefix", fastlog.api.Level.ERROR);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        Logger child = Logger.getLogger("jul.gc.prefix.child");
        assertFalse(child.isLoggable(Level.WARNING));
        assertTrue(child.isLoggable(Level.SEVERE));
    }

    /** For every fastlog level and JUL value, JUL enables a record exactly when fastlog would log it. */
    @Test
    void julAndFastlogAgreeOnEveryLevelValue() {
        FastlogJul.install();
        Logger jul = Logger.getLogger("jul.agree");
        List<Integer> values = new ArrayList<>(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0,
                Integer.MAX_VALUE - 1));
        for (int v = 250; v <= 1100; v += 1) {
            values.add(v);
        }
        for (fastlog.api.Level level : fastlog.api.Level.values()) {
            Fastlog.setLevel(level);
            for (int v : values) {
                Level julLevel = FastlogHandlerTest.custom(v);
                boolean fastlogLogs = LevelMapping.fromJul(v) != null && LevelMapping.fromJul(v).compareTo(level) >= 0;
                assertEquals(fastlogLogs, jul.isLoggable(julLevel), "JUL value " + v + " at fastlog " + level);
            }
        }
    }

    @Test
    void reconfigurationPutsTheHandlerBackAndReMirrors() throws Exception {
        FastlogJul.install();
        Fastlog.setLevel("jul.reconf", fastlog.api.Level.WARN);
        LogManager.getLogManager().readConfiguration(properties("handlers=\n.level=ALL\njul.reconf.level=ALL\n"));
        assertTrue(root().getHandlers()[0] instanceof FastlogHandler);
        assertEquals(1, root().getHandlers().length);
        assertEquals(LevelMapping.julThreshold(fastlog.api.Level.INFO), root().getLevel());
        assertFalse(Logger.getLogger("jul.reconf.x").isLoggable(Level.INFO));
        assertTrue(Logger.getLogger("jul.reconf.x").isLoggable(Level.WARNING));

        // A configuration that names the handler itself: still one FastlogHandler.
        LogManager.getLogManager().readConfiguration(properties("handlers=fastlog.jdk.FastlogHandler\n"));
        Handler[] handlers = root().getHandlers();
        assertEquals(1, handlers.length);
        assertTrue(handlers[0] instanceof FastlogHandler);
        Logger.getLogger("jul.reconf.y").warning("after re-configuration");
        assertEquals(List.of("after re-configuration"), out.messages("jul.reconf"));

        // After a plain reset() (no listener runs), install() again restores the handler and levels.
        LogManager.getLogManager().reset();
        FastlogJul.install();
        assertEquals(1, root().getHandlers().length);
        assertFalse(Logger.getLogger("jul.reconf.z").isLoggable(Level.INFO));
    }

    @Test
    void loggersThatStoppedUsingParentHandlersAreReattached() {
        Logger orphan = Logger.getLogger("jul.orphan");
        orphan.setUseParentHandlers(false);
        Counting own = new Counting();
        orphan.addHandler(own);
        FastlogJul.install();
        assertEquals(0, orphan.getHandlers().length);
        assertTrue(orphan.getUseParentHandlers());
        orphan.info("reaches fastlog");
        assertEquals(List.of("reaches fastlog"), out.messages("jul.orphan"));
        assertTrue(own.records.isEmpty());
    }

    @Test
    void uninstallRemovesTheHandlerAndStopsMirroring() {
        FastlogJul.install();
        Fastlog.setLevel("jul.un", fastlog.api.Level.ERROR);
        FastlogJul.uninstall();
        FastlogJul.uninstall(); // no-op
        assertFalse(FastlogJul.isInstalled());
        for (Handler h : root().getHandlers()) {
            assertFalse(h instanceof FastlogHandler);
        }
        assertNull(Logger.getLogger("jul.un").getLevel());
        assertEquals(Level.INFO, root().getLevel());
        Fastlog.setLevel(fastlog.api.Level.TRACE);
        assertEquals(Level.INFO, root().getLevel());
        Logger.getLogger("jul.un.x").severe("not routed any more");
        assertTrue(out.messages("jul.un").isEmpty());
    }

    /** Level changes from many threads at once: the last change wins in JUL too. */
    @Test
    void concurrentLevelChangesEndMirrored() throws InterruptedException {
        FastlogJul.install();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            threads.add(Thread.ofPlatform().start(() -> {
                fastlog.api.Level[] levels = fastlog.api.Level.values();
                for (int i = 0; i < 500; i++) {
                    Fastlog.setLevel(levels[(i + seed) % levels.length]);
                    Fastlog.setLevel("jul.race." + (i % 3), levels[(i * 7 + seed) % levels.length]);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Fastlog.setLevel(fastlog.api.Level.WARN);
        assertEquals(LevelMapping.julThreshold(fastlog.api.Level.WARN), root().getLevel());
        for (int i = 0; i < 3; i++) {
            String name = "jul.race." + i;
            assertEquals(LevelMapping.julThreshold(Fastlog.level(name)), Logger.getLogger(name).getLevel(), name);
        }
    }

    private static ByteArrayInputStream properties(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static final class Counting extends Handler {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
