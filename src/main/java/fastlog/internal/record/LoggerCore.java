package fastlog.internal.record;

import java.util.Arrays;

/**
 * What a record needs to know about the logger that produced it: its name, its bound fields and
 * its level setting. Immutable.
 *
 * <p>Bound keys are kept unique: {@link #with} replaces an earlier binding of the same key. The
 * writer reconciles them with reserved keys and with an event's own fields.
 */
public final class LoggerCore {

    private static final String[] NO_KEYS = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    private final String name;
    private final LevelSetting level;
    private final String[] boundKeys;
    private final Object[] boundValues;

    public LoggerCore(String name, LevelSetting level) {
        this(name, level, NO_KEYS, NO_VALUES);
    }

    private LoggerCore(String name, LevelSetting level, String[] boundKeys, Object[] boundValues) {
        this.name = name;
        this.level = level;
        this.boundKeys = boundKeys;
        this.boundValues = boundValues;
    }

    public String name() {
        return name;
    }

    public LevelSetting level() {
        return level;
    }

    public int boundCount() {
        return boundKeys.length;
    }

    public String boundKey(int i) {
        return boundKeys[i];
    }

    public Object boundValue(int i) {
        return boundValues[i];
    }

    /**
     * A core with one more bound field. The value is captured now, on the calling thread. A key
     * bound before is replaced (the new value moves to the end).
     */
    public LoggerCore with(Object key, Object value) {
        String k = Capture.key(key);
        Object v = Capture.value(value);
        int existing = indexOf(k);
        int n = boundKeys.length;
        String[] keys;
        Object[] values;
        if (existing < 0) {
            keys = Arrays.copyOf(boundKeys, n + 1);
            values = Arrays.copyOf(boundValues, n + 1);
        } else {
            keys = new String[n];
            values = new Object[n];
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (i != existing) {
                    keys[j] = boundKeys[i];
                    values[j++] = boundValues[i];
                }
            }
        }
        keys[keys.length - 1] = k;
        values[values.length - 1] = v;
        return new LoggerCore(name, level, keys, values);
    }

    private int indexOf(String key) {
        for (int i = 0; i < boundKeys.length; i++) {
            if (boundKeys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
