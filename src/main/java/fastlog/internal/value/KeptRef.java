package fastlog.internal.value;

/**
 * A structure kept by reference inside a snapshot, with the element budget it was checked with:
 * the writer renders it with that budget, so it reads exactly what {@link Kept} checked whatever
 * the snapshot around it holds. (At the top of a field a kept structure needs no wrapper: both
 * sides start from the full budget.)
 *
 * @param value the immutable structure
 * @param budget the field's element budget when the structure was checked
 */
public record KeptRef(Object value, int budget) {
}
