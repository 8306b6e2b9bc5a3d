package fastlog.internal.record;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys fastlog writes itself on a line (by default {@code ts}, {@code level}, {@code logger},
 * {@code msg}; a schema preset's names otherwise) and the rule for user keys that collide with
 * them: a colliding user key gets an underscore prefix ({@code "msg"} becomes {@code "_msg"}),
 * repeated until it no longer collides. No line ever holds the same key twice.
 *
 * <p>With {@code dottedPaths} (the presets whose consumers read dots as paths, e.g. ECS into
 * Elasticsearch) a key also collides with a reserved name that is a dotted prefix of it or that it
 * is a dotted prefix of: with {@code error.type} reserved, {@code error} and {@code error.type.x}
 * collide too, since {@code {"error":1,"error.type":"X"}} is a mapping conflict there.
 *
 * <p>Before that rule, a user key may be renamed ({@code Configuration.renameField}) or excluded
 * ({@code Configuration.excludeField}); both are looked up once per distinct key (the writer caches
 * the result).
 */
public final class ReservedKeys {

    private final Set<String> names;
    /** Every proper dotted prefix of a reserved name ({@code log} and {@code log.origin} of {@code log.origin.function}). */
    private final Set<String> prefixes = new HashSet<>();
    private final boolean dottedPaths;
    private final Map<String, String> renames;
    private final Set<String> excluded;
    /** Bit {@code n} set if a reserved name has length {@code n} (names of 64+ chars: bit 63). */
    private final long lengths;

    /** The four names of the default schema's own fields, when made from them; else null. */
    private final List<String> fieldNames;

    /** fastlog's default rule: exactly these four names are reserved. */
    public ReservedKeys(String timestamp, String level, String logger, String message) {
        this(List.of(timestamp, level, logger, message), false, Map.of(), Set.of(), true);
    }

    /**
     * @param names the reserved names
     * @param dottedPaths whether a dotted prefix of a reserved name, or an extension of one, collides
     * @param renames user keys renamed before the collision rule (key as logged to new key)
     * @param excluded user keys left out of the line
     */
    public ReservedKeys(Collection<String> names, boolean dottedPaths, Map<String, String> renames, Set<String> excluded) {
        this(names, dottedPaths, renames, excluded, false);
    }

    private ReservedKeys(Collection<String> names, boolean dottedPaths, Map<String, String> renames, Set<String> excluded,
                         boolean fourFieldNames) {
        this.fieldNames = fourFieldNames ? List.copyOf(names) : null;
        this.names = Set.copyOf(names);
        this.dottedPaths = dottedPaths;
        this.renames = Map.copyOf(renames);
        this.excluded = Set.copyOf(excluded);
        long bits = 0;
        for (String n : this.names) {
            bits |= lengthBit(n);
            for (int dot = n.indexOf('.'); dot > 0; dot = n.indexOf('.', dot + 1)) {
                prefixes.add(n.substring(0, dot));
            }
        }
        this.lengths = bits;
    }

    /**
     * The timestamp, level, logger and message names this was made from with the four-name
     * constructor (the default schema's {@code fieldNames}), or null.
     */
    public List<String> fieldNames() {
        return fieldNames;
    }

    private static long lengthBit(String s) {
        return 1L << Math.min(63, s.length());
    }

    public boolean isReserved(String key) {
        // Most keys differ in length from every reserved name: one test instead of a set lookup.
        if ((lengths & lengthBit(key)) != 0 && names.contains(key)) {
            return true;
        }
        if (!dottedPaths) {
            return false;
        }
        if (prefixes.contains(key)) {
            return true;
        }
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (names.contains(key.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** {@code key} itself, or the key prefixed with underscores until it is not reserved. */
    public String rename(String key) {
        String k = key;
        while (isReserved(k)) {
            k = "_" + k;
        }
        return k;
    }

    /** The key a user key is written as: renamed if configured, then moved off the reserved names. */
    public String outputName(String key) {
        return rename(renames.getOrDefault(key, key));
    }

    /** Whether fields with this key (as logged, or as renamed) are left out of the line. */
    public boolean isExcluded(String key) {
        return !excluded.isEmpty() && (excluded.contains(key) || excluded.contains(renames.getOrDefault(key, key)));
    }

    /** These names and {@code more}, with the same rule (merge of the schemas and trace branches). */
    public ReservedKeys plus(String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(List.of(more));
        return new ReservedKeys(all, dottedPaths, renames, excluded);
    }
}
