package fastlog.slf4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Marker;

/**
 * Markers as an event's {@code tags}: the names of the markers, each followed by the names of the
 * markers it references, recursively (pre-order, as logstash-logback-encoder writes them), in the
 * order the markers were given, each name once. Captured on the calling thread, since markers are
 * mutable. Bounded for foreign {@code Marker} implementations: at most {@value #MAX_NAMES} names,
 * {@value #MAX_DEPTH} levels of references, each marker visited once (cycles end), and a marker
 * that throws is skipped. A marker without references costs no allocation: its one-name array is
 * cached by name (the core copies what it is given).
 */
final class Tags {

    static final int MAX_NAMES = 32;
    static final int MAX_DEPTH = 8;
    private static final int CACHE_MAX = 1024;
    private static final ConcurrentHashMap<String, String[]> SINGLE = new ConcurrentHashMap<>();

    private Tags() {
    }

    /** The tags of one marker; null for a null marker. */
    static String[] of(Marker marker) {
        if (marker == null) {
            return null;
        }
        try {
            if (!marker.hasReferences()) {
                return single(name(marker));
            }
        } catch (RuntimeException e) {
            return null;
        }
        List<String> names = new ArrayList<>(4);
        walk(marker, names, new IdentityHashMap<>(), 0);
        return names.isEmpty() ? null : names.toArray(new String[0]);
    }

    /** The tags of several markers, in order (null elements skipped); null if there are none. */
    static String[] of(List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return null;
        }
        if (markers.size() == 1) {
            return of(markers.get(0));
        }
        List<String> names = new ArrayList<>(markers.size() + 2);
        Map<Marker, Boolean> seen = new IdentityHashMap<>();
        for (Marker m : markers) {
            if (m != null) {
                walk(m, names, seen, 0);
            }
        }
        return names.isEmpty() ? null : names.toArray(new String[0]);
    }

    private static void walk(Marker m, List<String> names, Map<Marker, Boolean> seen, int depth) {
        if (names.size() >= MAX_NAMES || seen.put(m, Boolean.TRUE) != null) {
            return;
        }
        try {
            String name = name(m);
            if (!names.contains(name)) {
                names.add(name);
            }
            if (depth + 1 < MAX_DEPTH && m.hasReferences()) {
                for (Iterator<Marker> it = m.iterator(); it.hasNext() && names.size() < MAX_NAMES; ) {
                    Marker child = it.next();
                    if (child != null) {
                        walk(child, names, seen, depth + 1);
                    }
                }
            }
        } catch (RuntimeException e) {
            // a broken foreign Marker: keep the names found so far
        }
    }

    private static String name(Marker m) {
        String n = m.getName();
        return n == null ? "null" : n;
    }

    private static String[] single(String name) {
        String[] a = SINGLE.get(name);
        if (a == null) {
            a = new String[] {name};
            if (SINGLE.size() < CACHE_MAX) {
                SINGLE.putIfAbsent(name, a);
            }
        }
        return a;
    }
}
