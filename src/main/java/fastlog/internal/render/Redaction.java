package fastlog.internal.render;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the writer masks: values whose key is one of {@link #keys()} (compared ignoring case,
 * wherever the key appears: call, bound, scoped and per-thread fields, keys inside maps, records,
 * {@code Loggable} objects and raw JSON), and the parts of string values (messages and exception
 * messages included) that match one of {@link #patterns()}. Both are replaced by {@link #mask()}.
 * Immutable.
 *
 * @param keys lower-case ({@link Locale#ROOT}) key names
 * @param patterns regular expressions searched in string values; empty for none
 * @param mask what replaces a redacted value or match
 */
public record Redaction(Set<String> keys, List<Pattern> patterns, String mask) {

    /** On unless turned off: the names under which secrets usually travel. */
    public static final Set<String> DEFAULT_KEYS = Set.of("password", "passwd", "secret", "token",
            "authorization", "cookie", "set-cookie", "api_key", "apikey", "private_key");
    public static final String DEFAULT_MASK = "****";
    public static final Redaction DEFAULT = new Redaction(DEFAULT_KEYS, List.of(), DEFAULT_MASK);
    public static final Redaction NONE = new Redaction(Set.of(), List.of(), DEFAULT_MASK);

    public Redaction {
        keys = Set.copyOf(lowerCase(keys));
        patterns = List.copyOf(patterns);
    }

    private static Set<String> lowerCase(Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            out.add(k.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whether values under {@code key} (as logged) are masked. */
    public boolean isRedactedKey(String key) {
        return !keys.isEmpty() && keys.contains(key.toLowerCase(Locale.ROOT));
    }
}
