package fastlog.internal.config;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

import fastlog.api.Configuration;
import fastlog.api.Level;
import fastlog.internal.file.FileSettings;
import fastlog.internal.file.FileSpec;

/**
 * The settings given outside the code, read once: system properties, environment variables and
 * {@code fastlog.properties}, resolved for every key of {@link Options#ALL} and the level keys
 * ({@link LevelOptions}).
 *
 * <p><b>Precedence</b>, highest first: system property {@code -Dfastlog.<key>}, environment
 * variable {@code FASTLOG_<KEY>}, {@code fastlog.properties}. For each key the highest source
 * that gives a good value wins; a bad value is reported once ({@link Warnings}) and the next
 * source is tried. The result then fills a {@link Configuration} before the code's own setters
 * run ({@link #applyTo}), so a value the code sets explicitly wins over all three, and the
 * built-in defaults apply to what nobody set. Per-logger levels are merged name by name, each
 * name taking its level from the highest source that names it.
 *
 * <p>{@code -Dfastlog.debug=true} (or {@code FASTLOG_DEBUG}, or {@code debug=true} in the file)
 * prints where each setting came from, once, when fastlog starts.
 *
 * <p>An empty (or blank) value counts as not set, so {@code FASTLOG_LEVEL=} in a deployment
 * template changes nothing.
 *
 * <p>Reading never throws: an unreadable file, an unknown key in the file, a bad number, level
 * or duration each print one line on stderr and are ignored. Unknown {@code fastlog.*} system
 * properties and {@code FASTLOG_*} variables are not reported (other tools share those names),
 * except a system property that differs from a key only in case.
 */
public final class ExternalSettings {

    /** Names of the system property and variable that point at a file. */
    static final String CONFIG_KEY = "config";
    /** {@code debug=true} prints where every setting came from, once, at start. */
    static final String DEBUG_KEY = "debug";

    private record Chosen(Option<?> option, Entry entry) {
    }

    private final List<Chosen> chosen;
    private final Level globalLevel;
    private final Map<String, Level> loggerLevels;
    /** The file output from the {@code file*} keys ({@link FileSettings}), or null for none. */
    private final FileSpec file;

    private ExternalSettings(List<Chosen> chosen, Level globalLevel, Map<String, Level> loggerLevels, FileSpec file) {
        this.chosen = chosen;
        this.globalLevel = globalLevel;
        this.loggerLevels = loggerLevels;
        this.file = file;
    }

    /**
     * Reads and resolves every source; reports bad entries on {@code err}.
     *
     * @param system the system properties
     * @param env    the environment
     * @param loader where to look for {@code fastlog.properties} (null: the system class loader)
     * @param blank  a Configuration with only built-in defaults, to check values on
     */
    public static ExternalSettings read(Properties system, Map<String, String> env, ClassLoader loader,
                                        PrintStream err, Supplier<Configuration> blank) {
        try {
            return resolve(system, env, loader, new Warnings(err), blank);
        } catch (RuntimeException | LinkageError e) {
            err.println("fastlog: could not read the configuration (" + e + "); using the defaults");
            return new ExternalSettings(List.of(), null, Map.of(), null);
        }
    }

    private static ExternalSettings resolve(Properties system, Map<String, String> env, ClassLoader loader,
                                            Warnings warnings, Supplier<Configuration> blank) {
        PropertiesFile file = PropertiesFile.load(first(system, env, CONFIG_KEY), loader, warnings);
        checkFileKeys(file, warnings);
        checkPropertyCase(system, warnings);

        List<Chosen> chosen = new ArrayList<>();
        Configuration scratch = blank.get();
        for (Option<?> o : Options.ALL) {
            for (Entry e : candidates(system, env, file, o.key())) {
                try {
                    o.apply(scratch, e.value());
                    chosen.add(new Chosen(o, e));
                    break;
                } catch (RuntimeException bad) {
                    warnings.ignoring(e, reason(bad));
                }
            }
        }

        Level global = null;
        Entry globalFrom = null;
        for (Entry e : candidates(system, env, file, LevelOptions.GLOBAL)) {
            try {
                global = Parse.level(e.value());
                globalFrom = e;
                break;
            } catch (IllegalArgumentException bad) {
                warnings.ignoring(e, bad.getMessage());
            }
        }
        // The file output's keys (file, file.max_size, ...) read as one group, same sources and order.
        FileSpec fileOutput = FileSettings.read(key -> {
            List<Entry> c = candidates(system, env, file, key);
            return c.isEmpty() ? null : c.get(0).value();
        }, warnings.stream());
        ExternalSettings settings = new ExternalSettings(List.copyOf(chosen), global,
                loggerLevels(system, env, file, warnings), fileOutput);
        if (debug(system, env, file, warnings)) {
            settings.report(file, globalFrom, warnings);
        }
        return settings;
    }

    private static boolean debug(Properties system, Map<String, String> env, PropertiesFile file, Warnings warnings) {
        for (Entry e : candidates(system, env, file, DEBUG_KEY)) {
            try {
                return Parse.bool(e.value());
            } catch (IllegalArgumentException bad) {
                warnings.ignoring(e, bad.getMessage());
            }
        }
        return false;
    }

    /** The {@code debug=true} report: the file, then each setting that was given and where. */
    private void report(PropertiesFile file, Entry globalFrom, Warnings out) {
        out.print("settings file: " + (file.location == null ? "none" : file.location));
        for (Chosen ch : chosen) {
            out.print("setting " + ch.option().key() + " from " + ch.entry().describe());
        }
        out.print("level " + (globalFrom == null ? "INFO (default)" : globalLevel + " from " + globalFrom.describe()));
        loggerLevels.forEach((name, level) -> out.print("level " + name + " " + level));
    }

    /** Lowest precedence first, so that each later source overrides a name. */
    private static Map<String, Level> loggerLevels(Properties system, Map<String, String> env, PropertiesFile file,
                                                   Warnings warnings) {
        Map<String, Level> levels = new TreeMap<>();
        Entry fileList = file.entries.get(LevelOptions.LIST);
        if (fileList != null && !fileList.value().isBlank()) {
            LevelOptions.addList(fileList, levels, warnings);
        }
        file.entries.forEach((key, e) -> {
            if (key.startsWith(LevelOptions.ONE_PREFIX) && !e.value().isBlank()) {
                LevelOptions.addOne(key, e, levels, warnings);
            }
        });
        Entry envList = fromEnv(env, LevelOptions.LIST);
        if (envList != null) {
            LevelOptions.addList(envList, levels, warnings);
        }
        Entry propList = fromSystem(system, LevelOptions.LIST);
        if (propList != null) {
            LevelOptions.addList(propList, levels, warnings);
        }
        String onePrefix = PropertiesFile.PREFIX + LevelOptions.ONE_PREFIX;
        List<String> names = new ArrayList<>(system.stringPropertyNames());
        Collections.sort(names);
        for (String name : names) {
            if (name.startsWith(onePrefix) && !system.getProperty(name).isBlank()) {
                LevelOptions.addOne(name.substring(PropertiesFile.PREFIX.length()),
                        new Entry("-D" + name, system.getProperty(name), null), levels, warnings);
            }
        }
        return Collections.unmodifiableMap(levels);
    }

    /** Highest precedence first: system property, environment variable, file. */
    private static List<Entry> candidates(Properties system, Map<String, String> env, PropertiesFile file, String key) {
        List<Entry> out = new ArrayList<>(3);
        Entry s = fromSystem(system, key);
        if (s != null) {
            out.add(s);
        }
        Entry v = fromEnv(env, key);
        if (v != null) {
            out.add(v);
        }
        Entry f = file.entries.get(key);
        if (f != null && !f.value().isBlank()) {
            out.add(f);
        }
        return out;
    }

    private static Entry first(Properties system, Map<String, String> env, String key) {
        Entry s = fromSystem(system, key);
        return s != null ? s : fromEnv(env, key);
    }

    private static Entry fromSystem(Properties system, String key) {
        String name = Option.propertyName(key);
        String v = system.getProperty(name);
        return v == null || v.isBlank() ? null : new Entry("-D" + name, v, null);
    }

    private static Entry fromEnv(Map<String, String> env, String key) {
        String name = Option.envName(key);
        String v = env.get(name);
        return v == null || v.isBlank() ? null : new Entry(name, v, null);
    }

    private static void checkFileKeys(PropertiesFile file, Warnings warnings) {
        file.entries.forEach((key, e) -> {
            if (Options.byKey(key) == null && !FileSettings.KEYS.contains(key) && !key.equals(LevelOptions.GLOBAL)
                    && !key.equals(LevelOptions.LIST)
                    && !key.startsWith(LevelOptions.ONE_PREFIX) && !key.equals(DEBUG_KEY)) {
                String near = nearKey(key);
                warnings.ignoring(e, key.equals(CONFIG_KEY) ? "the file's location is set with -Dfastlog.config or FASTLOG_CONFIG"
                        : "unknown key" + (near == null ? "" : " (did you mean " + near + "?)"));
            }
        });
    }

    /** A {@code fastlog.*} system property that is a known key in the wrong case is a typo worth a line. */
    private static void checkPropertyCase(Properties system, Warnings warnings) {
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(PropertiesFile.PREFIX)) {
                String key = name.substring(PropertiesFile.PREFIX.length());
                String near = nearKey(key);
                if (near != null && !near.equals(key)) {
                    warnings.ignoring(new Entry("-D" + name, system.getProperty(name), null),
                            "unknown key (did you mean fastlog." + near + "?)");
                }
            }
        }
    }

    private static String nearKey(String key) {
        for (Option<?> o : Options.ALL) {
            if (o.key().equalsIgnoreCase(key)) {
                return o.key();
            }
        }
        for (String k : List.of(LevelOptions.GLOBAL, LevelOptions.LIST, CONFIG_KEY, DEBUG_KEY)) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        return null;
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    // ---------------------------------------------------------------- results

    /** Gives every resolved option to {@code c}'s setter; the code's own setters run afterwards. */
    public Configuration applyTo(Configuration c) {
        for (Chosen ch : chosen) {
            try {
                ch.option().apply(c, ch.entry().value());
            } catch (RuntimeException checkedAlready) {
                // the same value passed on a blank Configuration when it was read
            }
        }
        return c;
    }

    /** The file output the settings give ({@code file}, {@code file.max_size}, ...), or null. */
    public FileSpec file() {
        return file;
    }

    /** The global level from the settings, or {@code fallback} if none gave one. */
    public Level globalLevel(Level fallback) {
        return globalLevel != null ? globalLevel : fallback;
    }

    /** Per-logger levels from the settings, by logger-name prefix. */
    public Map<String, Level> loggerLevels() {
        return loggerLevels;
    }

    /** Where each resolved option came from, e.g. {@code queueCapacity -> FASTLOG_QUEUE_CAPACITY=4096}. */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Chosen ch : chosen) {
            out.put(ch.option().key(), ch.entry().describe());
        }
        return Collections.unmodifiableMap(out);
    }
}
