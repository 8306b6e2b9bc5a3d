/**
 * Structured values (maps, collections, arrays, records, {@code Optional}, {@code Loggable},
 * {@code Supplier}) on the calling thread: which ones a record may hold by reference because they
 * are deeply immutable ({@link fastlog.internal.value.Kept}), and the compact immutable snapshots
 * the others become before the logging call returns ({@link fastlog.internal.value.Snapshot}).
 * The writer renders both ({@code render.ValueWriter}) under the same bounds
 * ({@link fastlog.internal.value.ValueLimits}), so it never reads anything the caller did not check.
 */
package fastlog.internal.value;
