package fastlog.internal.value;

import java.util.Arrays;

/**
 * The immutable snapshot of a map, a record with mutable components or a {@code Loggable}'s
 * fields: keys (Strings, as given: the writer makes them unique) and captured values, in order,
 * plus how many entries were left out. Made on the calling thread; read by the writer.
 */
public final class CapturedObject {

    /** key, value, key, value... */
    private final Object[] kv;
    private final int omitted;

    CapturedObject(Object[] kv, int omitted) {
        this.kv = kv;
        this.omitted = omitted;
    }

    public int size() {
        return kv.length >> 1;
    }

    public String key(int i) {
        return (String) kv[2 * i];
    }

    public Object value(int i) {
        return kv[2 * i + 1];
    }

    /** Entries left out (element cap or budget), 0 if none. */
    public int omitted() {
        return omitted;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(kv[i]).append('=').append(kv[i + 1]);
        }
        return sb.append(omitted > 0 ? ", ... " + omitted + " more}" : "}").toString();
    }

    static Object[] trim(Object[] kv, int entries) {
        return 2 * entries == kv.length ? kv : Arrays.copyOf(kv, 2 * entries);
    }
}
