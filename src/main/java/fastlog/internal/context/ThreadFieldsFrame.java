package fastlog.internal.context;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import fastlog.internal.record.Capture;

/**
 * One thread's per-thread fields ({@code fastlog.api.ThreadFields}, the MDC model) at one moment:
 * immutable, keys unique, in insertion order (a key put again keeps its place). Every change
 * makes a new frame, so an event captures the current frame by reference, for free.
 */
public final class ThreadFieldsFrame {

    /** key, value, key, value... Values may be null. */
    private final String[] kv;

    private ThreadFieldsFrame(String[] kv) {
        this.kv = kv;
    }

    /**
     * A frame with the map's entries in its iteration order (null keys skipped, other keys and
     * values as text; a {@code toString()} that throws gives a text that says so, never an
     * exception).
     */
    static ThreadFieldsFrame of(Map<?, ?> fields) {
        String[] kv = new String[2 * fields.size()];
        int n = 0;
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            if (e.getKey() != null) {
                String k = Capture.describe(e.getKey());
                Object v = e.getValue();
                int at = indexOf(kv, n, k);
                if (at < 0) {
                    at = n;
                    n += 2;
                }
                kv[at] = k;
                kv[at + 1] = v == null ? null : Capture.describe(v);
            }
        }
        return n == 0 ? null : new ThreadFieldsFrame(n == kv.length ? kv : Arrays.copyOf(kv, n));
    }

    public int size() {
        return kv.length / 2;
    }

    public String key(int i) {
        return kv[2 * i];
    }

    public String value(int i) {
        return kv[2 * i + 1];
    }

    String get(String key) {
        int at = indexOf(kv, kv.length, key);
        return at < 0 ? null : kv[at + 1];
    }

    /** This frame (may be null) with {@code key} set to {@code value}. */
    static ThreadFieldsFrame with(ThreadFieldsFrame frame, String key, String value) {
        String[] old = frame == null ? new String[0] : frame.kv;
        int at = indexOf(old, old.length, key);
        String[] kv;
        if (at >= 0) {
            kv = old.clone();
        } else {
            kv = Arrays.copyOf(old, old.length + 2);
            at = old.length;
            kv[at] = key;
        }
        kv[at + 1] = value;
        return new ThreadFieldsFrame(kv);
    }

    /** This frame (may be null) without {@code key}; null if nothing is left. */
    static ThreadFieldsFrame without(ThreadFieldsFrame frame, String key) {
        if (frame == null) {
            return null;
        }
        int at = indexOf(frame.kv, frame.kv.length, key);
        if (at < 0) {
            return frame;
        }
        if (frame.kv.length == 2) {
            return null;
        }
        String[] kv = new String[frame.kv.length - 2];
        System.arraycopy(frame.kv, 0, kv, 0, at);
        System.arraycopy(frame.kv, at + 2, kv, at, kv.length - at);
        return new ThreadFieldsFrame(kv);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static int indexOf(String[] kv, int n, String key) {
        for (int i = 0; i < n; i += 2) {
            if (kv[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
