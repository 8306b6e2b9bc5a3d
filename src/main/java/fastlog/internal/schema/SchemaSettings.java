package fastlog.internal.schema;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The schema settings fastlog reads from outside the code: the preset's name from
 * {@code -Dfastlog.schema}, else {@code FASTLOG_SCHEMA}; the service identity
 * ({@link ServiceIdentity#fromEnvironment}); the Google Cloud project id from
 * {@code GOOGLE_CLOUD_PROJECT}. Every method takes its sources as arguments, so tests never
 * depend on the real environment.
 */
public final class SchemaSettings {

    /** The environment variable naming the schema. */
    public static final String ENV = "FASTLOG_SCHEMA";
    /** The system property naming the schema; it wins over {@link #ENV}. */
    public static final String PROPERTY = "fastlog.schema";

    private SchemaSettings() {
    }

    /**
     * The schema's name from the property, else the environment variable, lower case; null if
     * neither is set. An unknown name is reported on {@code warnings} and read as null.
     *
     * @param properties looks a system property up
     * @param env the environment variables
     * @param valid whether a name (as given) names a schema
     */
    public static String schemaName(UnaryOperator<String> properties, Map<String, String> env,
                                    java.util.function.Function<String, String> valid,
                                    java.util.function.Consumer<String> warnings) {
        String fromProperty = properties.apply(PROPERTY);
        String source = fromProperty != null ? fromProperty : env.get(ENV);
        if (source == null || source.isBlank()) {
            return null;
        }
        String name = valid.apply(source);
        if (name == null) {
            warnings.accept("fastlog: unknown schema '" + source + "' (from "
                    + (fromProperty != null ? "-D" + PROPERTY : ENV) + "); using default");
        }
        return name;
    }

    /** The Google Cloud project id for trace links: {@code GOOGLE_CLOUD_PROJECT}, or null. */
    public static String gcpProjectId(Map<String, String> env) {
        String p = env.get("GOOGLE_CLOUD_PROJECT");
        return p == null || p.isBlank() ? null : p.trim();
    }
}
