package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.internal.level.Levels;
import fastlog.testapps.PrintLevels;

/** Global and per-logger levels, changed at run time; the default from property or environment. */
class LevelTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Fastlog.setLevel(Level.INFO);
        Fastlog.setLevel("com.acme", null);
        Fastlog.setLevel("com.acme.db", null);
        Fastlog.shutdown();
    }

    private static List<String> messages(CapturedLog out) {
        return out.lines().stream().map(n -> n.get("msg").asText()).toList();
    }

    @Test
    void globalLevelChangesAtRunTime() {
        CapturedLog out = CapturedLog.start();
        Logger log = Fastlog.logger("lv.global");
        Fastlog.setLevel(Level.WARN);
        log.info("hidden");
        log.warn("w1");
        Fastlog.setLevel(Level.DEBUG);
        log.debug("d1");
        log.trace("hidden");
        assertEquals(List.of("w1", "d1"), messages(out));
        assertEquals(Level.DEBUG, Fastlog.level());
    }

    @Test
    void perLoggerLevelsApplyToNamesBelowAPrefix() {
        CapturedLog out = CapturedLog.start();
        Logger acme = Fastlog.logger("com.acme");
        Logger db = Fastlog.logger("com.acme.db.Pool");
        Logger web = Fastlog.logger("com.acme.web");
        Logger acmeCorp = Fastlog.logger("com.acmecorp"); // not below "com.acme"
        Fastlog.setLevel("com.acme", Level.ERROR);
        Fastlog.setLevel("com.acme.db", Level.DEBUG);
        acme.warn("hidden");
        web.warn("hidden");
        web.error("web error");
        db.debug("db debug");
        acmeCorp.info("acmecorp info");
        assertEquals(List.of("web error", "db debug", "acmecorp info"), messages(out));
        assertEquals(Level.DEBUG, Fastlog.level("com.acme.db.Pool"));
        assertEquals(Level.ERROR, Fastlog.level("com.acme.web.New")); // created after the change
        Fastlog.setLevel("com.acme", null);
        assertTrue(web.isEnabled(Level.INFO));
        assertFalse(web.isEnabled(Level.DEBUG));
        assertFalse(web.isEnabled(null));
    }

    @Test
    void disabledCallsDoNotEvaluateToString() {
        CapturedLog out = CapturedLog.start();
        Object explosive = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("toString evaluated for a disabled level");
            }
        };
        Fastlog.logger("lv.lazy").debug("hidden", "v", explosive);
        assertEquals(List.of(), messages(out));
    }

    @Test
    void levelNamesParse() {
        assertEquals(Level.WARN, Level.parse("warning"));
        assertEquals(Level.DEBUG, Level.parse(" debug "));
        assertNull(Level.parse("verbose"));
        assertNull(Level.parse(null));
    }

    private List<String> childLevels(List<String> jvmArgs, Map<String, String> env) throws Exception {
        ChildJvm.Result r = ChildJvm.run(dir, PrintLevels.class, jvmArgs, env);
        assertEquals(0, r.exitCode(), r.stderr());
        return CapturedLog.parse(r.stdout()).stream().map(JsonNode::toString)
                .map(s -> s.replaceAll(".*\"msg\":\"(\\w+)\".*", "$1")).toList();
    }

    @Test
    void defaultLevelComesFromPropertyThenEnvironmentThenInfo() throws Exception {
        assertEquals(List.of("info", "warn", "error"), childLevels(List.of(), Map.of()));
        assertEquals(List.of("error"), childLevels(List.of(), Map.of("FASTLOG_LEVEL", "error")));
        assertEquals(List.of("debug", "info", "warn", "error"),
                childLevels(List.of("-Dfastlog.level=debug"), Map.of("FASTLOG_LEVEL", "error")));
    }

    @Test
    void levelOrdinalsAreTheInternalOnes() {
        assertEquals(Levels.COUNT, Level.values().length);
        for (Level l : Level.values()) {
            assertEquals(l.name(), Levels.name(l.ordinal()), "records, thresholds and lines use Level.ordinal()");
        }
        assertEquals(Levels.TRACE, Level.TRACE.ordinal());
        assertEquals(Levels.ERROR, Level.ERROR.ordinal());
        assertEquals(Levels.OFF, Level.ERROR.ordinal() + 1);
    }
}
