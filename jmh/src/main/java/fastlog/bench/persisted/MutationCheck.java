package fastlog.bench.persisted;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fastlog.bench.systems.BenchSystem;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a line shows for a mutable map that the caller changes right after the logging call: the
 * map's state at the call (captured), or a later one (read by the logger's background thread).
 * Each of N calls logs {@code "order": map} with {@code map.seq = i}, then sets
 * {@code map.seq = -1}; afterwards every line's {@code order.seq} must be its own i.
 *
 * <pre>
 * java -cp benchmarks.jar fastlog.bench.persisted.MutationCheck --system fastlog|log4j2|logback \
 *     --events 100000 --file out.ndjson [--keep]
 * </pre>
 *
 * <p>Prints {@code MUTATION_RESULT {"system":..., "events":..., "later_state":..., "missing":...}}:
 * {@code later_state} counts the lines whose map showed a change made after their call returned.
 * One system per JVM, as in the benchmarks. Not a benchmark: it shows what each system's design
 * implies (fastlog snapshots a mutable map on the calling thread; a logger that keeps the reference
 * and serializes it later shows whatever the map holds then).
 */
public final class MutationCheck {

    private MutationCheck() {
    }

    public static void main(String[] args) throws Exception {
        String system = "fastlog";
        int events = 100_000;
        Path file = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--system" -> system = args[++i];
                case "--events" -> events = Integer.parseInt(args[++i].replace("_", ""));
                case "--file" -> file = Path.of(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (file == null) {
            file = Files.createTempFile("mutation-" + system, ".ndjson");
        }
        BenchSystem sys = BenchSystem.named(system);
        sys.start(file);
        Map<String, Object> map = new HashMap<>();
        map.put("sku", "SKU-4711");
        for (int i = 0; i < events; i++) {
            map.put("seq", i);
            sys.mapField(map);
            map.put("seq", -1); // after the call returned
        }
        sys.stop();
        int later = 0;
        int lines = 0;
        JsonFactory json = new JsonFactory();
        List<String> all = Files.readAllLines(file);
        for (String line : all) {
            if (!line.contains("\"order placed\"")) {
                continue;
            }
            lines++;
            if (seq(json, line) != lines - 1) {
                later++;
            }
        }
        System.out.printf("MUTATION_RESULT {\"system\":\"%s\",\"events\":%d,\"lines\":%d,\"later_state\":%d,\"missing\":%d}%n",
                system, events, lines, later, events - lines);
        if (!keep) {
            Files.deleteIfExists(file);
        }
    }

    /** {@code order.seq} of one line (Integer.MIN_VALUE if absent). */
    private static int seq(JsonFactory json, String line) {
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), line)) {
            int depth = 0;
            boolean inOrder = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT) {
                    depth--;
                    inOrder = inOrder && depth >= 2;
                } else if (t == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    if (depth == 1 && name.equals("order")) {
                        inOrder = true;
                    } else if (depth == 2 && inOrder && name.equals("seq")) {
                        p.nextToken();
                        return p.getIntValue();
                    }
                }
            }
        }
        return Integer.MIN_VALUE;
    }
}
