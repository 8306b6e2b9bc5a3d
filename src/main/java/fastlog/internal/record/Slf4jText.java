package fastlog.internal.record;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An argument's text exactly as SLF4J's {@code MessageFormatter} writes it: {@code "null"}, the
 * elements of arrays ({@code [1, 2]}, recursively for object arrays, {@code [...]} for an array
 * already being printed), and {@code "[FAILED toString()]"} when {@code toString()} throws.
 */
final class Slf4jText {

    private Slf4jText() {
    }

    static String of(Object o) {
        StringBuilder sb = new StringBuilder();
        append(sb, o, null);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object o, Map<Object[], Object> seen) {
        if (o == null) {
            sb.append("null");
        } else if (!o.getClass().isArray()) {
            safeToString(sb, o);
        } else if (o instanceof boolean[] a) {
            sb.append(Arrays.toString(a)); // the same "[x, y]" as SLF4J's own loops
        } else if (o instanceof byte[] a) {
            sb.append(Arrays.toString(a));
        } else if (o instanceof char[] a) {
            sb.append(Arrays.toString(a));
        } else if (o instanceof short[] a) {
            sb.append(Arrays.toString(a));
        } else if (o instanceof int[] a) {
            sb.append(Arrays.toString(a));
        } else if (o instanceof long[] a) {
            sb.append(Arrays.toString(a));
        } else if (o instanceof float[] a) {
            sb.append(Arrays.toString(a));
        } else if (o instanceof double[] a) {
            sb.append(Arrays.toString(a));
        } else {
            Object[] a = (Object[]) o;
            Map<Object[], Object> path = seen == null ? new IdentityHashMap<>() : seen;
            if (path.containsKey(a)) {
                sb.append("[...]");
                return;
            }
            path.put(a, null);
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, a[i], path);
            }
            sb.append(']');
            path.remove(a);
        }
    }

    private static void safeToString(StringBuilder sb, Object o) {
        try {
            sb.append(o.toString());
        } catch (Throwable t) {
            sb.append("[FAILED toString()]");
        }
    }
}
