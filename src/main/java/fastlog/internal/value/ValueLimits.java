package fastlog.internal.value;

/**
 * How far a structured value is followed, on the calling thread (capture) and on the writer
 * (rendering), by the same rules:
 * <ul>
 *   <li>a container (map, collection, array, record, {@code Loggable} object) sits at depth 0 when
 *       it is a field's value, its elements one deeper; a container at depth {@code maxDepth} or
 *       deeper is not read and is written as {@code "<too deep: class>"};</li>
 *   <li>a container keeps at most {@code maxElements} elements, and one field's value at most
 *       {@link #maxNodes()} elements in all (its budget, spent depth-first in element order: a
 *       container takes {@code min(size, maxElements, budget left)} before its elements are
 *       visited); the rest are counted in the container's "left out" marker.</li>
 * </ul>
 * Capture and rendering spend the budget in the same order, so for a structure kept by
 * reference the writer reads exactly the elements the caller checked.
 *
 * @param maxDepth containers nest at most this deep (1..64)
 * @param maxElements elements kept per container (1..1,000,000)
 */
public record ValueLimits(int maxDepth, int maxElements) {

    public static final int DEFAULT_MAX_DEPTH = 8;
    public static final int DEFAULT_MAX_ELEMENTS = 100;
    public static final int MAX_DEPTH_LIMIT = 64;
    /** One field's value holds at most this many times {@code maxElements} elements in all. */
    public static final int NODES_PER_ELEMENT_CAP = 10;
    /** Optionals, Suppliers and Loggable values unwrapped in a row before giving up. */
    public static final int MAX_WRAPS = 8;

    public static final ValueLimits DEFAULTS = new ValueLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS);

    public ValueLimits {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be in [1, " + MAX_DEPTH_LIMIT + "]: " + maxDepth);
        }
        if (maxElements < 1 || maxElements > 1_000_000) {
            throw new IllegalArgumentException("maxElements must be in [1, 1000000]: " + maxElements);
        }
    }

    /** The element budget of one field's value. */
    public int maxNodes() {
        return maxElements * NODES_PER_ELEMENT_CAP;
    }
}
