package fastlog.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.internal.level.LevelRegistry;

/**
 * Where settings come from and which wins: system property > environment variable >
 * fastlog.properties (class path, or -Dfastlog.config / FASTLOG_CONFIG); bad entries are each
 * reported by one line on stderr and ignored.
 */
class ExternalSettingsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A class loader that sees only {@code dir} (and nothing of the test class path). */
    private ClassLoader classPath(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private ExternalSettings read(Properties system, Map<String, String> env, ClassLoader loader) {
        return ExternalSettings.read(system, env, loader, new PrintStream(err, true, StandardCharsets.UTF_8),
                Fastlog::configure);
    }

    private ExternalSettings read(Properties system, Map<String, String> env) throws IOException {
        return read(system, env, classPath(dir.resolve("empty")));
    }

    private List<String> warnings() {
        String s = err.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsFile() throws IOException {
        Path f = file("a.properties", "queueCapacity=100\nmaxDepth=5\nmaxElements=9\n");
        ExternalSettings s = read(props("fastlog.config", f.toString(), "fastlog.queueCapacity", "300"),
                Map.of("FASTLOG_QUEUE_CAPACITY", "200", "FASTLOG_MAX_DEPTH", "6"));
        assertEquals("-Dfastlog.queueCapacity=300", s.sources().get("queueCapacity"));
        assertEquals("FASTLOG_MAX_DEPTH=6", s.sources().get("maxDepth"));
        assertEquals("maxElements=9 in " + f.toAbsolutePath(), s.sources().get("maxElements"));
        assertEquals(List.of(), warnings());
    }

    @Test
    void aBadValueIsReportedOnceAndTheNextSourceIsUsed() throws IOException {
        ExternalSettings s = read(props("fastlog.queueCapacity", "lots", "fastlog.linger", "5"),
                Map.of("FASTLOG_QUEUE_CAPACITY", "2048", "FASTLOG_MAX_DEPTH", "1000"));
        assertEquals("FASTLOG_QUEUE_CAPACITY=2048", s.sources().get("queueCapacity"));
        assertEquals(null, s.sources().get("linger"));
        assertEquals(null, s.sources().get("maxDepth"));
        assertEquals(List.of(
                "fastlog: ignoring -Dfastlog.queueCapacity=lots: not a whole number",
                "fastlog: ignoring -Dfastlog.linger=5: a duration needs a unit (ns, us, ms, s, m, h), e.g. 10s",
                "fastlog: ignoring FASTLOG_MAX_DEPTH=1000: maxDepth must be in [1, 64]: 1000"), warnings());
    }

    @Test
    void theFileOutputComesFromTheSameSourcesInTheSameOrder() throws IOException {
        Path f = file("f.properties", "file=/var/log/app.log\nfile.max_size=64MB\nfile.keep=3\nfile.gzip=true\n");
        ExternalSettings s = read(props("fastlog.config", f.toString(), "fastlog.file.keep", "5"),
                Map.of("FASTLOG_FILE_MAX_SIZE", "1MB"));
        assertEquals(Path.of("/var/log/app.log"), s.file().file());
        assertEquals(1L << 20, s.file().maxBytes(), "the environment beats the file");
        assertEquals(5, s.file().keep(), "a system property beats the file");
        assertTrue(s.file().gzip());
        assertEquals(List.of(), warnings(), "file keys are known keys of fastlog.properties");
        assertEquals(null, read(new Properties(), Map.of()).file(), "no file key, no file output");
    }

    @Test
    void theFileIsFoundOnTheClassPath() throws IOException {
        file("cp/fastlog.properties", "fastlog.queueCapacity=512\nlevel=warn\nlevel.com.acme=trace\n");
        ExternalSettings s = read(new Properties(), Map.of(), classPath(dir.resolve("cp")));
        assertTrue(s.sources().get("queueCapacity").startsWith("fastlog.queueCapacity=512 in file:"), s.sources().toString());
        assertEquals(Level.WARN, s.globalLevel(Level.INFO));
        assertEquals(Map.of("com.acme", Level.TRACE), s.loggerLevels());
        assertEquals(List.of(), warnings());
    }

    @Test
    void anExplicitFileReplacesTheClassPathOne() throws IOException {
        file("cp/fastlog.properties", "queueCapacity=512\nmaxDepth=4\n");
        Path f = file("ops/fastlog.properties", "queueCapacity=1024\n");
        ExternalSettings byProperty = read(props("fastlog.config", f.toString()), Map.of(), classPath(dir.resolve("cp")));
        assertEquals("queueCapacity=1024 in " + f.toAbsolutePath(), byProperty.sources().get("queueCapacity"));
        assertEquals(null, byProperty.sources().get("maxDepth"), "the class-path file is not read");
        ExternalSettings byEnv = read(new Properties(), Map.of("FASTLOG_CONFIG", f.toString()), classPath(dir.resolve("cp")));
        assertEquals("queueCapacity=1024 in " + f.toAbsolutePath(), byEnv.sources().get("queueCapacity"));
        assertEquals(List.of(), warnings());
    }

    @Test
    void anUnreadableFileIsReportedOnce() throws IOException {
        Path missing = dir.resolve("nope.properties");
        ExternalSettings s = read(props("fastlog.config", missing.toString(), "fastlog.maxDepth", "4"), Map.of());
        assertEquals("-Dfastlog.maxDepth=4", s.sources().get("maxDepth"), "the other sources still apply");
        List<String> w = warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("fastlog: cannot read " + missing.toAbsolutePath() + " (-Dfastlog.config): "
                + "java.nio.file.NoSuchFileException"), w.get(0));
        assertTrue(w.get(0).endsWith("; going on without it"), w.get(0));
    }

    @Test
    void unknownAndBadEntriesInTheFileAreEachReportedOnce() throws IOException {
        Path f = file("bad.properties", """
                queueCapasity=10
                maxdepth=4
                fullQueuePolicy=sometimes
                redactDefaultKeys=yes
                sampling=1s,100
                level=loud
                levels=com.acme=debug, =warn, org.x, org.y=verbose
                level.org.hibernate=nope
                fieldNames=a,b,c,a
                maxElements=12
                """);
        ExternalSettings s = read(props("fastlog.config", f.toString()), Map.of());
        String in = " in " + f.toAbsolutePath();
        assertEquals(List.of(
                "fastlog: ignoring maxdepth=4" + in + ": unknown key (did you mean maxDepth?)",
                "fastlog: ignoring queueCapasity=10" + in + ": unknown key",
                "fastlog: ignoring fullQueuePolicy=sometimes" + in + ": not one of [block, drop]",
                "fastlog: ignoring fieldNames=a,b,c,a" + in + ": field names must differ: a",
                "fastlog: ignoring redactDefaultKeys=yes" + in + ": not true or false",
                "fastlog: ignoring sampling=1s,100" + in + ": needs 3 comma-separated items, got 2",
                "fastlog: ignoring level=loud" + in + ": unknown level 'loud' (trace, debug, info, warn, error)",
                "fastlog: ignoring levels=com.acme=debug, =warn, org.x, org.y=verbose" + in + ": item '=warn' is not logger=level",
                "fastlog: ignoring levels=com.acme=debug, =warn, org.x, org.y=verbose" + in + ": item 'org.x' is not logger=level",
                "fastlog: ignoring levels=com.acme=debug, =warn, org.x, org.y=verbose" + in
                        + ": item 'org.y=verbose': unknown level 'verbose' (trace, debug, info, warn, error)",
                "fastlog: ignoring level.org.hibernate=nope" + in + ": unknown level 'nope' (trace, debug, info, warn, error)"),
                warnings());
        assertEquals(Map.of("maxElements", "maxElements=12" + in), s.sources(), "the good entries still apply");
        assertEquals(Map.of("com.acme", Level.DEBUG), s.loggerLevels());
        assertEquals(Level.INFO, s.globalLevel(Level.INFO));
    }

    @Test
    void aSystemPropertyInTheWrongCaseIsReported() throws IOException {
        ExternalSettings s = read(props("fastlog.queuecapacity", "10", "fastlog.something.else", "x"), Map.of());
        assertEquals(Map.of(), s.sources());
        assertEquals(List.of("fastlog: ignoring -Dfastlog.queuecapacity=10: unknown key (did you mean fastlog.queueCapacity?)"),
                warnings(), "other fastlog.* properties belong to others and are not reported");
    }

    @Test
    void globalLevelFollowsThePrecedence() throws IOException {
        Path f = file("l.properties", "level=error\n");
        assertEquals(Level.ERROR, read(props("fastlog.config", f.toString()), Map.of()).globalLevel(Level.INFO));
        assertEquals(Level.WARN, read(props("fastlog.config", f.toString()), Map.of("FASTLOG_LEVEL", "warning"))
                .globalLevel(Level.INFO));
        assertEquals(Level.DEBUG, read(props("fastlog.config", f.toString(), "fastlog.level", "debug"),
                Map.of("FASTLOG_LEVEL", "warn")).globalLevel(Level.INFO));
        assertEquals(Level.WARN, read(props("fastlog.level", "loud"), Map.of("FASTLOG_LEVEL", "warn")).globalLevel(Level.INFO),
                "a bad system property falls back to the environment");
    }

    @Test
    void perLoggerLevelsMergeNameByNameWithThePrecedence() throws IOException {
        Path f = file("l.properties", """
                levels=com.acme=error, org.hibernate=warn, io.netty=info
                level.com.acme.db=debug
                fastlog.level.io.netty=trace
                """);
        ExternalSettings s = read(props("fastlog.config", f.toString(), "fastlog.levels", "com.acme.db=trace",
                        "fastlog.level.org.hibernate.SQL", "debug"),
                Map.of("FASTLOG_LEVELS", "org.hibernate=error,com.acme.db=info"));
        assertEquals(Map.of("com.acme", Level.ERROR, "com.acme.db", Level.TRACE, "org.hibernate", Level.ERROR,
                "org.hibernate.SQL", Level.DEBUG, "io.netty", Level.TRACE), s.loggerLevels());
        assertEquals(List.of(), warnings());
    }

    @Test
    void configuredLevelsMatchByDottedPrefixAsInTheRegistry() throws IOException {
        ExternalSettings s = read(props("fastlog.levels", "com.acme=error,com.acme.db=debug"),
                Map.of("FASTLOG_LEVEL", "warn"));
        LevelRegistry registry = new LevelRegistry(s.globalLevel(Level.INFO).ordinal());
        s.loggerLevels().forEach((name, level) -> registry.setForName(name, level.ordinal()));
        assertEquals(Level.ERROR.ordinal(), registry.setting("com.acme").threshold());
        assertEquals(Level.ERROR.ordinal(), registry.setting("com.acme.web.Handler").threshold());
        assertEquals(Level.DEBUG.ordinal(), registry.setting("com.acme.db.Pool").threshold());
        assertEquals(Level.WARN.ordinal(), registry.setting("com.acmecorp").threshold(), "not below com.acme");
        assertEquals(Level.WARN.ordinal(), registry.setting("org.other").threshold());
    }

    @Test
    void theFastlogPrefixIsOptionalInTheFileAndThePrefixedKeyWinsIfBothAreThere() throws IOException {
        Path f = file("p.properties", "fastlog.maxDepth=5\nmaxDepth=6\nmaxElements=8\n");
        ExternalSettings s = read(props("fastlog.config", f.toString()), Map.of());
        String in = " in " + f.toAbsolutePath();
        assertEquals("fastlog.maxDepth=5" + in, s.sources().get("maxDepth"));
        assertEquals("maxElements=8" + in, s.sources().get("maxElements"));
        assertEquals(List.of("fastlog: ignoring maxDepth=6" + in + ": also given as fastlog.maxDepth"), warnings());
    }

    @Test
    void twoFilesOnTheClassPathAreReportedAndTheFirstIsUsed() throws IOException {
        file("one/fastlog.properties", "maxDepth=5\n");
        file("two/fastlog.properties", "maxDepth=6\n");
        ClassLoader both = new URLClassLoader(new URL[] {dir.resolve("one").toUri().toURL(), dir.resolve("two").toUri().toURL()}, null);
        ExternalSettings s = read(new Properties(), Map.of(), both);
        assertTrue(s.sources().get("maxDepth").startsWith("maxDepth=5 in "), s.sources().toString());
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).startsWith("fastlog: 2 fastlog.properties files on the class path; using "), warnings().get(0));
    }

    @Test
    void debugPrintsWhereEachSettingCameFrom() throws IOException {
        Path f = file("d.properties", "maxDepth=5\nlevels=com.acme=debug\n");
        read(props("fastlog.config", f.toString(), "fastlog.debug", "true", "fastlog.level", "warn"),
                Map.of("FASTLOG_QUEUE_CAPACITY", "2048"));
        assertEquals(List.of(
                "fastlog: settings file: " + f.toAbsolutePath(),
                "fastlog: setting queueCapacity from FASTLOG_QUEUE_CAPACITY=2048",
                "fastlog: setting maxDepth from maxDepth=5 in " + f.toAbsolutePath(),
                "fastlog: level WARN from -Dfastlog.level=warn",
                "fastlog: level com.acme DEBUG"), warnings());
    }

    @Test
    void anEmptyValueCountsAsNotSet() throws IOException {
        Path f = file("e.properties", "maxDepth=5\nlevel=error\nlevel.com.acme=\n");
        ExternalSettings s = read(props("fastlog.config", f.toString(), "fastlog.maxDepth", " ", "fastlog.levels", ""),
                Map.of("FASTLOG_LEVEL", "", "FASTLOG_MAX_ELEMENTS", ""));
        assertEquals("maxDepth=5 in " + f.toAbsolutePath(), s.sources().get("maxDepth"));
        assertEquals(null, s.sources().get("maxElements"));
        assertEquals(Level.ERROR, s.globalLevel(Level.INFO));
        assertEquals(Map.of(), s.loggerLevels());
        assertEquals(List.of(), warnings());
    }

    @Test
    void theSameFileFoundTwiceIsOneFile() throws IOException {
        Path f = file("same/fastlog.properties", "maxDepth=5\n");
        URL url = f.toUri().toURL();
        ClassLoader twice = new ClassLoader(null) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) {
                return java.util.Collections.enumeration(List.of(url, url));
            }
        };
        ExternalSettings s = read(new Properties(), Map.of(), twice);
        assertEquals("maxDepth=5 in " + url, s.sources().get("maxDepth"));
        assertEquals(List.of(), warnings());
    }
}
