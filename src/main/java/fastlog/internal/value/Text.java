package fastlog.internal.value;

/** What the calling thread makes of a value or key that becomes text. Never throws. */
public final class Text {

    private Text() {
    }

    /** {@code String.valueOf(v)}, made safe: never throws, never returns null. */
    public static String describe(Object v) {
        try {
            String s = v.getClass().isArray() ? arrayText(v) : v.toString();
            return s != null ? s : "null";
        } catch (StackOverflowError e) {
            return "<toString() recursed too deeply: " + v.getClass().getName() + ">";
        } catch (Throwable e) {
            return "<toString() threw " + e.getClass().getName() + " for " + v.getClass().getName() + ">";
        }
    }

    /** Arrays print their elements ({@code [1, 2, 3]}), not their identity ({@code [I@1b6d3586}). */
    private static String arrayText(Object array) {
        return switch (array) {
            case Object[] a -> java.util.Arrays.deepToString(a);
            case int[] a -> java.util.Arrays.toString(a);
            case long[] a -> java.util.Arrays.toString(a);
            case double[] a -> java.util.Arrays.toString(a);
            case byte[] a -> java.util.Arrays.toString(a);
            case char[] a -> new String(a);
            case boolean[] a -> java.util.Arrays.toString(a);
            case float[] a -> java.util.Arrays.toString(a);
            case short[] a -> java.util.Arrays.toString(a);
            default -> array.toString();
        };
    }

    /** A key as a String; a null key becomes {@code "null"}, any other object its text. */
    public static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        return describe(key);
    }

    static String tooDeep(Object v) {
        return "<too deep: " + v.getClass().getName() + ">";
    }

    static String cycle(Object v) {
        return "<cycle: " + v.getClass().getName() + ">";
    }

    static String failed(String call, Throwable t, Object v) {
        return "<" + call + " threw " + t.getClass().getName() + (v == null ? ">" : " for " + v.getClass().getName() + ">");
    }

    static String overflowed(String call, Object v) {
        return "<" + call + " recursed too deeply: " + v.getClass().getName() + ">";
    }
}
