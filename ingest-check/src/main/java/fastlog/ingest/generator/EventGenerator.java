package fastlog.ingest.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.Stats;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Logs the check's events to stdout through fastlog, then writes the manifest.
 *
 * <pre>
 * java -Dfastlog.schema=ecs -cp GENERATOR_CLASSPATH fastlog.ingest.generator.EventGenerator \
 *      --manifest FILE --trace otel|fields [--schema ecs|fieldnames] [--seed N]
 * </pre>
 *
 * <ul>
 * <li>{@code --schema ecs} (the real check): the ECS preset is chosen by the JVM's
 *     {@code -Dfastlog.schema=ecs}, the setting issue 14 gives users; the generator does nothing
 *     more. {@code --schema fieldnames}: a stand-in for builds without the preset, only the four
 *     reserved names renamed with {@code fieldNames(...)}.</li>
 * <li>{@code --trace otel}: fastlog's OpenTelemetry provider (fastlog-otel) writes the ids.
 *     {@code --trace fields}: no provider; the generator binds the ids itself.</li>
 * </ul>
 * The manifest is one JSON object: {@code events} (how many were logged, each line carries
 * {@code ingest_seq} 1..events), fastlog's {@code stats}, and {@code traced}: for each sequence
 * number logged inside a span, that span's trace and span id.
 */
public final class EventGenerator {

    private EventGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Path manifest = Path.of(required(opts, "--manifest"));
        String trace = opts.getOrDefault("--trace", "otel");
        String schema = opts.getOrDefault("--schema", "ecs");
        long seed = Long.decode(opts.getOrDefault("--seed", "0x5EEDF00D"));
        if (schema.equals("fieldnames")) {
            Fastlog.configure().fieldNames("@timestamp", "log.level", "log.logger", "message").apply();
        } else if (!schema.equals("ecs")) {
            throw new IllegalArgumentException("--schema ecs|fieldnames, not " + schema);
        }
        if (!trace.equals("otel") && !trace.equals("fields")) {
            throw new IllegalArgumentException("--trace otel|fields, not " + trace);
        }
        Fastlog.setLevel(Level.TRACE);

        Events ev = new Events(trace.equals("fields"));
        TrickyText tricky = new TrickyText(seed);
        ValueEvents.log(ev, tricky);
        NestedEvents.log(ev, tricky);
        ErrorEvents.log(ev, tricky);
        KeyEvents.log(ev, tricky);
        LimitEvents.log(ev);
        TraceEvents.log(ev);

        Fastlog.flush(Duration.ofSeconds(30));
        Fastlog.shutdown();
        Stats stats = Fastlog.stats();
        writeManifest(manifest, ev, stats, trace, schema, seed);
    }

    private static void writeManifest(Path file, Events ev, Stats stats, String trace, String schema, long seed)
            throws IOException {
        StringBuilder b = new StringBuilder(4096);
        b.append("{\"events\":").append(ev.count())
                .append(",\"schema\":\"").append(schema).append('"')
                .append(",\"trace\":\"").append(trace).append('"')
                .append(",\"seed\":").append(seed)
                .append(",\"stats\":{\"written\":").append(stats.eventsWritten())
                .append(",\"dropped\":").append(stats.eventsDropped())
                .append(",\"lost\":").append(stats.eventsLost())
                .append(",\"write_errors\":").append(stats.writeErrors())
                .append(",\"sampled_out\":").append(stats.eventsSampledOut())
                .append("},\"traced\":{");
        String sep = "";
        for (Map.Entry<Long, SpanContext> e : new TreeMap<>(ev.traced()).entrySet()) {
            b.append(sep).append('"').append(e.getKey()).append("\":[\"").append(e.getValue().getTraceId())
                    .append("\",\"").append(e.getValue().getSpanId()).append("\"]");
            sep = ",";
        }
        b.append("}}\n");
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            m.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option without a value: " + args[args.length - 1]);
        }
        return m;
    }

    static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }
}
