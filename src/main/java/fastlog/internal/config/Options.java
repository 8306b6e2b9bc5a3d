package fastlog.internal.config;

import java.time.Duration;
import java.util.List;

import fastlog.api.Configuration;
import fastlog.api.FullQueuePolicy;
import fastlog.api.OutputFormat;
import fastlog.api.Schema;

/**
 * <b>The table of settings that can be given outside the code</b> (system properties,
 * environment variables, {@code fastlog.properties}): one {@link Option} per key, with its parser
 * and the {@link Configuration} setter it calls.
 *
 * <p>To add a setting: add the setter to {@code Configuration}, then one line here, e.g.
 * {@code new Option<>("format", s -> Parse.oneOf(Format.class, s), Configuration::format)}, and a
 * row in {@code docs/configuration.md} ({@code ConfigurationDocsTest} fails until the row exists).
 * Nothing else changes: {@link ExternalSettings} reads every key of this table from every source,
 * applies the precedence, and warns about bad values.
 *
 * <p>Levels are not here: they are not pipeline settings but the starting state of the level
 * registry ({@link LevelOptions}).
 */
public final class Options {

    /** Every option, in the order of {@code docs/configuration.md}. */
    public static final List<Option<?>> ALL = List.of(
            new Option<>("queueCapacity", Parse::integer, Configuration::queueCapacity),
            new Option<>("fullQueuePolicy", s -> Parse.oneOf(FullQueuePolicy.class, s), Configuration::fullQueuePolicy),
            new Option<>("fieldNames", s -> Parse.list(s, 4), (c, n) -> c.fieldNames(n.get(0), n.get(1), n.get(2), n.get(3))),
            new Option<>("format", Options::format, Configuration::format),
            new Option<>("schema", Options::schema, Configuration::schema),
            new Option<>("serviceName", Parse::text, Configuration::serviceName),
            new Option<>("serviceVersion", Parse::text, Configuration::serviceVersion),
            new Option<>("serviceEnvironment", Parse::text, Configuration::serviceEnvironment),
            new Option<>("serviceNodeName", Parse::text, Configuration::serviceNodeName),
            new Option<>("gcpProjectId", Parse::text, Configuration::gcpProjectId),
            new Option<>("staticFields", Parse::pairs, (c, m) -> m.forEach(c::staticField)),
            new Option<>("renameFields", Parse::pairs, (c, m) -> m.forEach(c::renameField)),
            new Option<>("excludeFields", Parse::list, (c, names) -> c.excludeField(names.toArray(String[]::new))),
            new Option<>("maxStringLength", Parse::integer, Configuration::maxStringLength),
            new Option<>("linger", Parse::duration, Configuration::linger),
            new Option<>("shutdownTimeout", Parse::duration, Configuration::shutdownTimeout),
            new Option<>("maxDepth", Parse::integer, Configuration::maxDepth),
            new Option<>("maxElements", Parse::integer, Configuration::maxElements),
            new Option<>("redactKeys", Parse::list, (c, keys) -> c.redactKeys(keys.toArray(String[]::new))),
            new Option<>("redactDefaultKeys", Parse::bool, Configuration::redactDefaultKeys),
            new Option<>("redactValues", Parse::verbatim, (c, regex) -> c.redactValues(regex)),
            new Option<>("redactionMask", Parse::verbatim, Configuration::redactionMask),
            new Option<>("sampling", Options::sampling, Options::applySampling),
            new Option<>("threadName", Parse::bool, Configuration::threadName),
            new Option<>("callerLocation", Parse::bool, Configuration::callerLocation),
            new Option<>("jmx", Parse::bool, Configuration::jmx));

    private Options() {
    }

    /** The option with this key (exactly as written in the table), or null. */
    public static Option<?> byKey(String key) {
        for (Option<?> o : ALL) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        return null;
    }

    /** {@code json}, {@code console} or {@code auto} ({@link OutputFormat#parse}). */
    private static OutputFormat format(String s) {
        OutputFormat format = OutputFormat.parse(s);
        if (format == null) {
            throw new IllegalArgumentException("expected json, console or auto");
        }
        return format;
    }

    /** A preset name as {@link Schema#parse} reads it ({@code default}, {@code ecs}, {@code otel}, {@code logstash}, {@code gcp}). */
    private static Schema schema(String s) {
        Schema schema = Schema.parse(s);
        if (schema == null) {
            throw new IllegalArgumentException("expected one of default, ecs, otel, logstash, gcp");
        }
        return schema;
    }

    /** {@code period,first,thereafter} (e.g. {@code 1s,100,100}), or {@code off}. */
    record Sampling(Duration period, int first, int thereafter) {
    }

    private static Sampling sampling(String s) {
        if (s.trim().equalsIgnoreCase("off")) {
            return null;
        }
        List<String> parts = Parse.list(s, 3);
        return new Sampling(Parse.duration(parts.get(0)), Parse.integer(parts.get(1)), Parse.integer(parts.get(2)));
    }

    private static void applySampling(Configuration c, Sampling s) {
        if (s != null) { // "off": sampling is off unless code turns it on
            c.sampling(s.period(), s.first(), s.thereafter());
        }
    }
}
