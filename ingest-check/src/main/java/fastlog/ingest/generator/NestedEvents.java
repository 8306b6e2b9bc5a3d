package fastlog.ingest.generator;

import static fastlog.api.Logger.lazy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import fastlog.api.Loggable;
import fastlog.api.RawJson;

/**
 * Structured values: immutable and mutable maps and lists, arrays of every primitive type,
 * records, Optionals, raw JSON (valid and invalid), {@link Loggable}s and Suppliers (some of
 * which throw), objects logged by {@code toString()}, and the depth, cycle and element-cap markers.
 * One shape per key, for the same reason as in {@link ValueEvents}.
 */
final class NestedEvents {

    private NestedEvents() {
    }

    record Item(String name, int qty, double price) {
    }

    record Order(long id, String sku, List<Item> items, Optional<String> note) {
    }

    record Money(long cents, String currency) implements Loggable {
        @Override
        public void logTo(Loggable.Writer out) {
            out.field("amount", cents / 100.0).field("currency", currency).field("cents", cents);
        }
    }

    record UserId(long id) implements Loggable {
        @Override
        public void logTo(Loggable.Writer out) {
            out.value("u-" + id);
        }
    }

    static final class FailingLoggable implements Loggable {
        @Override
        public void logTo(Loggable.Writer out) {
            out.field("half", 1L);
            throw new IllegalStateException("logTo failed");
        }
    }

    static final class FailingToString {
        @Override
        public String toString() {
            throw new IllegalStateException("toString failed");
        }
    }

    static final class NullToString {
        @Override
        public String toString() {
            return null;
        }
    }

    static void log(Events ev, TrickyText tricky) {
        // maps: one shape under v_map: {a: long, b: string, c: [long], d: {e: bool}}
        ev.at("map").info("Map.of", "v_map", Map.of("a", 1L, "b", "x", "c", List.of(1, 2), "d", Map.of("e", true)));
        Map<String, Object> mutable = new HashMap<>();
        mutable.put("a", 2);
        mutable.put("b", tricky.next());
        mutable.put("c", new ArrayList<>(List.of(3, 4, 5)));
        mutable.put("d", new LinkedHashMap<>(Map.of("e", false)));
        ev.at("map").info("HashMap", "v_map", mutable);
        mutable.put("a", "changed after the call"); // never seen in the line
        Map<Object, Object> oddKeys = new HashMap<>();
        oddKeys.put(1, "int key");
        oddKeys.put(null, "null key");
        oddKeys.put(new FailingToString(), "key whose toString throws");
        ev.at("map-keys").info("non-String map keys", "v_map_keys", oddKeys);
        Map<String, String> trickyKeys = new TreeMap<>();
        for (int i = 0; i < 8; i++) {
            trickyKeys.put(tricky.key(), tricky.next());
        }
        ev.at("map-tricky").info("map with tricky keys", "v_map_tricky", trickyKeys);
        ev.at("map-empty").info("empty containers", "v_map_empty", Map.of(), "v_list_empty", List.of());
        // depth beyond maxDepth (8), a cycle
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> cur = deep;
        for (int i = 0; i < 12; i++) {
            Map<String, Object> next = new HashMap<>();
            cur.put("n", next);
            cur = next;
        }
        ev.at("map-deep").info("nested deeper than maxDepth", "v_deep", deep);
        Map<String, Object> cycle = new HashMap<>();
        cycle.put("self", cycle);
        ev.at("map-cycle").info("a map that holds itself", "v_cycle", cycle);
        // lists and arrays of numbers under v_list (long) and v_list_dbl (double)
        ev.at("list").info("List.of", "v_list", List.of(1L, 2L, 3L));
        ev.at("list").info("ArrayList", "v_list", new ArrayList<>(List.of(4, 5)));
        ev.at("list").info("int[] and long[]", "v_list", new int[] {6, 7}, "v_list2", new long[] {Long.MAX_VALUE});
        ev.at("list").info("short[] and byte[] (numbers, not base64)", "v_list", new short[] {8}, "v_list2", new byte[] {-1, 0, 1});
        ev.at("list").info("double[] and float[]", "v_list_dbl", new double[] {0.5, -1e10}, "v_list_dbl2", new float[] {1.5f});
        ev.at("list").info("boolean[]", "v_list_bool", new boolean[] {true, false});
        ev.at("list").info("String[], Set, Iterable", new Object[] {"v_list_str", new String[] {"a", tricky.next()},
                "v_list_str2", new LinkedHashSet<>(List.of("x", "y")), "v_list_str3", Set.of("z")});
        ev.at("list").info("list of objects", "v_list_obj",
                List.of(Map.of("id", 1L, "name", "a"), Map.of("id", 2L, "name", tricky.next())));
        ev.at("list").info("list of lists", "v_list_nested", List.of(List.of(1, 2), List.of(3)));
        // past maxElements (100): the array ends with the string "... 50 more" (docs/values.md)
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 150; i++) {
            many.add(i);
        }
        ev.at("list-capped").info("150 numbers, 100 kept", "v_list_capped", many);
        // records, Optionals
        Order order = new Order(7L, "SKU-\"1\"\n", List.of(new Item("pen", 2, 1.25), new Item(tricky.next(), 1, 0.0)),
                Optional.of("gift"));
        ev.at("record").info("a record", "v_record", order);
        ev.at("record").info("a record, empty Optional", "v_record",
                new Order(8L, "SKU-2", List.of(), Optional.empty()));
        ev.at("optional").info("Optionals", new Object[] {"v_opt", Optional.of("present"), "v_opt_empty", Optional.empty(),
                "v_opt_int", OptionalInt.of(3), "v_opt_long", OptionalLong.of(4), "v_opt_dbl", OptionalDouble.of(0.25),
                "v_opt_none", OptionalInt.empty()});
        // raw JSON
        ev.at("raw-json").info("valid raw JSON", "v_raw", RawJson.of("{ \"id\" : 7,\n \"tags\": [\"a\", \"b\"], \"ok\": {\"yes\": true} }"));
        ev.at("raw-json-invalid").info("invalid raw JSON", "v_raw_bad", RawJson.of("{\"id\":7,"));
        ev.at("raw-json-invalid").info("raw JSON with a repeated key", "v_raw_bad", RawJson.of("{\"a\":1,\"a\":2}"));
        // Loggable, Supplier, toString
        ev.at("loggable").info("Loggable fields and value", "v_money", new Money(1999, "EUR"), "v_user", new UserId(48213));
        ev.at("loggable").info("Loggable that throws", "v_loggable_bad", new FailingLoggable());
        Supplier<Object> fails = () -> {
            throw new IllegalStateException("supplier failed");
        };
        ev.at("supplier").info("lazy values", "v_lazy", lazy(() -> 42L), "v_lazy_map", lazy(() -> Map.of("k", "v")));
        ev.at("supplier").info("lazy value that throws", "v_lazy_bad", fails);
        ev.at("tostring").info("toString values", new Object[] {"v_obj", new StringBuilder("built"),
                "v_obj_bad", new FailingToString(), "v_obj_null", new NullToString(),
                "v_obj_list", Arrays.asList("as", "list")});
        // redaction: masked values
        ev.at("redacted").info("redacted keys", new Object[] {"password", "hunter2", "v_redact",
                Map.of("token", "abc", "Authorization", "Bearer x", "kept", "visible")});
    }
}
