package fastlog.internal.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

import fastlog.api.Configuration;

/**
 * One setting that can come from outside the code: its key, how its text is parsed, and the
 * {@link Configuration} setter the parsed value is given to. The key names it everywhere: system
 * property {@code fastlog.<key>}, environment variable {@code FASTLOG_<KEY>} (the key in upper
 * snake case: {@code queueCapacity} is {@code FASTLOG_QUEUE_CAPACITY}), and line
 * {@code <key>=...} (or {@code fastlog.<key>=...}) in {@code fastlog.properties}.
 *
 * @param key    the key, in camelCase, as the Configuration setter is named
 * @param parser text to value; throws IllegalArgumentException saying what was expected
 * @param setter gives the value to a Configuration; may throw IllegalArgumentException (its own
 *               range checks), which makes the entry bad like a parse failure
 */
public record Option<T>(String key, Function<String, T> parser, BiConsumer<Configuration, T> setter) {

    public Option {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(setter, "setter");
    }

    /** The system property: {@code fastlog.<key>}. */
    public String propertyName() {
        return propertyName(key);
    }

    /** The environment variable: {@code FASTLOG_} and the key in upper snake case. */
    public String envName() {
        return envName(key);
    }

    static String propertyName(String key) {
        return "fastlog." + key;
    }

    static String envName(String key) {
        StringBuilder b = new StringBuilder("FASTLOG_");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(c == '.' || c == '-' ? '_' : Character.toUpperCase(c));
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    /** Parses {@code text} and gives it to {@code target}; throws IllegalArgumentException if bad. */
    void apply(Configuration target, String text) {
        setter.accept(target, parser.apply(text));
    }
}
