/**
 * Where rendered lines go: an {@link fastlog.internal.sink.Output} (a stream, or a rotating file
 * from {@code fastlog.internal.file}) behind the {@link fastlog.internal.sink.Sink}, which writes
 * once per batch and counts and reports failures once.
 */
package fastlog.internal.sink;
