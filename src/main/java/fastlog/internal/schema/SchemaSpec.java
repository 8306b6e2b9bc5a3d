package fastlog.internal.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link SchemaLayout} is resolved from: the user's choices, validated by the public builder.
 *
 * @param preset the preset's name ({@link SchemaPresets#named})
 * @param identity the service identity (configured, then the environment's)
 * @param gcpProjectId the Google Cloud project id for {@code logging.googleapis.com/trace}, or null
 * @param fieldNames null, or the four names {@code fieldNames(...)} gave (timestamp, level, logger,
 *                   message): they replace the preset's names for those four fields
 * @param staticFields fields added to every line after the preset's own, in order (key to value)
 * @param renames fields renamed, preset fields (by name, {@code parent.key} for a member of an
 *                object) and user keys alike (old name to new)
 * @param excludes fields left out, preset fields (by name, as renamed or not) and user keys alike
 * @param extras the optional per-event fields that are on: their names are then reserved
 */
public record SchemaSpec(String preset, ServiceIdentity identity, String gcpProjectId, List<String> fieldNames,
                         Map<String, String> staticFields, Map<String, String> renames, Set<String> excludes,
                         Set<SchemaLayout.Extra> extras) {

    public SchemaSpec {
        fieldNames = fieldNames == null ? null : List.copyOf(fieldNames);
        staticFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(staticFields));
        renames = Map.copyOf(renames);
        excludes = Set.copyOf(excludes);
        extras = Set.copyOf(extras);
    }

    /** The default preset, nothing else. */
    public static SchemaSpec of(String preset) {
        return new SchemaSpec(preset, ServiceIdentity.NONE, null, null, Map.of(), Map.of(), Set.of(), Set.of());
    }
}
