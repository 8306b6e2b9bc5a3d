package fastlog.internal.value;

import java.util.Arrays;

/**
 * The immutable snapshot of an array, a collection or an iterable: its first elements, captured
 * ({@code Object[]}), or copied as they are for a primitive array ({@code long[]}, {@code int[]},
 * {@code double[]}...), plus how many were left out. Made on the calling thread; read by the
 * writer.
 */
public final class CapturedArray {

    /** Elements left out, count unknown (an {@code Iterable} that is not a {@code Collection}). */
    public static final int MORE = -1;

    private final Object elements;
    private final int omitted;

    CapturedArray(Object elements, int omitted) {
        this.elements = elements;
        this.omitted = omitted;
    }

    /** An {@code Object[]} of captured values, or a primitive array (not {@code char[]}). */
    public Object elements() {
        return elements;
    }

    /** Elements left out: 0 if none, {@link #MORE} if some but the count is unknown. */
    public int omitted() {
        return omitted;
    }

    @Override
    public String toString() {
        String s = switch (elements) {
            case Object[] a -> Arrays.toString(a);
            case long[] a -> Arrays.toString(a);
            case int[] a -> Arrays.toString(a);
            case short[] a -> Arrays.toString(a);
            case byte[] a -> Arrays.toString(a);
            case double[] a -> Arrays.toString(a);
            case float[] a -> Arrays.toString(a);
            case boolean[] a -> Arrays.toString(a);
            default -> String.valueOf(elements);
        };
        return omitted == 0 ? s : s + (omitted > 0 ? " ... " + omitted + " more" : " ... more");
    }
}
