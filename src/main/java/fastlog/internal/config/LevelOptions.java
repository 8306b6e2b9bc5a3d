package fastlog.internal.config;

import java.util.Map;

import fastlog.api.Level;

/**
 * The level keys, which set the level registry's starting state rather than a Configuration:
 * <ul>
 *   <li>{@code level}: the global minimum ({@code -Dfastlog.level}, {@code FASTLOG_LEVEL}, the file);
 *   <li>{@code levels}: per-logger levels as a list, {@code com.acme=debug,org.hibernate=warn}
 *       ({@code -Dfastlog.levels}, {@code FASTLOG_LEVELS}, the file);
 *   <li>{@code level.<logger>}: one logger's level, {@code level.com.acme=debug} (the file, or
 *       {@code -Dfastlog.level.com.acme=debug}; environment variable names cannot hold the dots).
 * </ul>
 */
final class LevelOptions {

    static final String GLOBAL = "level";
    static final String LIST = "levels";
    static final String ONE_PREFIX = "level.";

    private LevelOptions() {
    }

    /** Adds each good {@code name=level} item of a {@code levels} list to {@code into}; warns about the others. */
    static void addList(Entry list, Map<String, Level> into, Warnings warnings) {
        for (String part : list.value().split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).trim();
            if (name.isEmpty()) {
                warnings.ignoring(list, "item '" + item + "' is not logger=level");
                continue;
            }
            try {
                into.put(name, Parse.level(item.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                warnings.ignoring(list, "item '" + item + "': " + e.getMessage());
            }
        }
    }

    /** Adds a {@code level.<logger>=level} entry ({@code key} without any prefix) to {@code into}. */
    static void addOne(String key, Entry entry, Map<String, Level> into, Warnings warnings) {
        String name = key.substring(ONE_PREFIX.length()).trim();
        if (name.isEmpty()) {
            warnings.ignoring(entry, "no logger name after 'level.'");
            return;
        }
        try {
            into.put(name, Parse.level(entry.value()));
        } catch (IllegalArgumentException e) {
            warnings.ignoring(entry, e.getMessage());
        }
    }
}
