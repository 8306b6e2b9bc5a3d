package fastlog.test;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fastlog.test.internal.json.Json;

/**
 * How an expected value (what a test passes to {@code withField}) matches a parsed JSON value,
 * following what fastlog writes for it:
 * <ul>
 *   <li>numbers match by numeric value, whatever their types ({@code 42} matches {@code 42L} and
 *       {@code 42.0}); a NaN or infinite double matches the string fastlog writes for it;</li>
 *   <li>a CharSequence or Character matches the same text; an enum its {@code name()};</li>
 *   <li>a Map matches an object with the same keys and matching values; a Collection or an array
 *       matches an array with matching elements in order; a record matches an object of its
 *       components (when its accessors are accessible to this module); each of them also matches
 *       the text fastlog writes when it does not render the value as JSON structure (its
 *       {@code toString()}, {@code "[1, 2]"} for an array);</li>
 *   <li>Boolean and null match themselves; anything else matches the string of its
 *       {@code toString()} (UUIDs, java.time values).</li>
 * </ul>
 */
final class Values {

    private Values() {
    }

    static boolean matches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected instanceof Number n) {
            return numberMatches(n, actual);
        }
        if (expected instanceof Boolean) {
            return expected.equals(actual);
        }
        if (expected instanceof CharSequence || expected instanceof Character) {
            return expected.toString().equals(actual);
        }
        if (expected instanceof Enum<?> e) {
            return e.name().equals(actual);
        }
        if (expected instanceof Map<?, ?> map) {
            if (!(actual instanceof Map<?, ?> got)) {
                return actual instanceof String s && s.equals(map.toString()); // fastlog wrote its toString()
            }
            if (got.size() != map.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!got.containsKey(key) || !matches(e.getValue(), got.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Collection<?> || expected.getClass().isArray()) {
            List<Object> items = asList(expected);
            if (actual instanceof List<?> got) {
                if (got.size() != items.size()) {
                    return false;
                }
                Iterator<?> g = got.iterator();
                for (Object item : items) {
                    if (!matches(item, g.next())) {
                        return false;
                    }
                }
                return true;
            }
            return actual instanceof String s
                    && s.equals(expected.getClass().isArray() ? arrayText(expected) : expected.toString());
        }
        if (expected instanceof Record r && actual instanceof Map<?, ?>) {
            Map<String, Object> components = recordComponents(r);
            if (components != null) {
                return matches(components, actual);
            }
        }
        return expected.toString().equals(actual);
    }

    private static boolean numberMatches(Number expected, Object actual) {
        if (expected instanceof Double || expected instanceof Float) {
            double d = expected.doubleValue();
            if (!Double.isFinite(d)) {
                return (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity").equals(actual);
            }
        }
        if (!(actual instanceof Number got)) {
            return false;
        }
        BigDecimal a = decimal(expected);
        BigDecimal b = decimal(got);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        try {
            return new BigDecimal(n.toString()); // AtomicLong, LongAdder, other Numbers
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Object> asList(Object collectionOrArray) {
        List<Object> items = new ArrayList<>();
        if (collectionOrArray instanceof Collection<?> c) {
            items.addAll(c);
        } else {
            for (int i = 0, n = Array.getLength(collectionOrArray); i < n; i++) {
                items.add(Array.get(collectionOrArray, i));
            }
        }
        return items;
    }

    /** What fastlog writes for an array it renders as text: {@code "[1, 2, 3]"} ({@code char[]} as its text). */
    private static String arrayText(Object array) {
        if (array instanceof char[] chars) {
            return new String(chars);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0, n = Array.getLength(array); i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object item = Array.get(array, i);
            sb.append(item != null && item.getClass().isArray() ? arrayText(item) : String.valueOf(item));
        }
        return sb.append(']').toString();
    }

    /** The record's components by name, or null if they cannot be read (an accessor not accessible to this module). */
    private static Map<String, Object> recordComponents(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                m.put(c.getName(), c.getAccessor().invoke(r));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return m;
    }

    /** An expected value as a test reads it in a failure message. */
    static String show(Object expected) {
        if (expected == null || expected instanceof Number || expected instanceof Boolean) {
            return String.valueOf(expected);
        }
        if (expected instanceof CharSequence || expected instanceof Character || expected instanceof Enum<?>) {
            return Json.write(expected instanceof Enum<?> e ? e.name() : expected.toString());
        }
        if (expected instanceof Map<?, ?> || expected instanceof List<?>) {
            return Json.write(expected);
        }
        if (expected instanceof Collection<?> || expected.getClass().isArray()) {
            return Json.write(asList(expected));
        }
        return Json.write(expected.toString());
    }

    /** A captured value as a test reads it in a failure message. */
    static String showActual(Object actual) {
        return Json.write(actual);
    }
}
