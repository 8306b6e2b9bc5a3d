/**
 * Turns binary records into NDJSON lines ({@link fastlog.internal.render.EventRenderer}), or into
 * the console format ({@link fastlog.internal.render.ConsoleRenderer}, its pieces in
 * {@code render.console}); the pipeline picks one {@link fastlog.internal.render.LineRenderer} when
 * it is built. Only the consumer-role holder renders (the writer thread, or a thread in
 * {@code flush()}); the caches here are its own.
 */
package fastlog.internal.render;
