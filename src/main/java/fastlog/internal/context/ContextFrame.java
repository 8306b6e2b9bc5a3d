package fastlog.internal.context;

import java.util.Arrays;

import fastlog.internal.record.Capture;

/**
 * The fields bound by the enclosing scopes, outermost first; immutable. A nested scope makes a
 * new frame from its parent's: a key bound again shadows the outer value (and moves to the
 * position of the inner binding), new keys are appended.
 */
public final class ContextFrame {

    /** A sentinel for "no frame" where null cannot be used (ScopedValue.orElse rejects null). */
    static final ContextFrame NONE = new ContextFrame(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private ContextFrame(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** {@code parent} (may be null) plus the given pairs; values are captured now. */
    public static ContextFrame extend(ContextFrame parent, String[] newKeys, Object[] newValues) {
        String[] pk = parent == null ? new String[0] : parent.keys;
        Object[] pv = parent == null ? new Object[0] : parent.values;
        String[] keys = Arrays.copyOf(pk, pk.length + newKeys.length);
        Object[] values = Arrays.copyOf(pv, pv.length + newKeys.length);
        int n = pk.length;
        for (int i = 0; i < newKeys.length; i++) {
            String k = Capture.key(newKeys[i]);
            Object v = Capture.value(newValues[i]);
            int existing = indexOf(keys, n, k);
            if (existing >= 0) {
                System.arraycopy(keys, existing + 1, keys, existing, n - existing - 1);
                System.arraycopy(values, existing + 1, values, existing, n - existing - 1);
                n--;
            }
            keys[n] = k;
            values[n++] = v;
        }
        return new ContextFrame(Arrays.copyOf(keys, n), Arrays.copyOf(values, n));
    }

    private static int indexOf(String[] keys, int n, String key) {
        for (int i = 0; i < n; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return keys.length;
    }

    public String key(int i) {
        return keys[i];
    }

    public Object value(int i) {
        return values[i];
    }
}
