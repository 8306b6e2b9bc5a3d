/**
 * Turns binary records into NDJSON lines. Only the consumer-role holder renders (the writer
 * thread, or a thread in {@code flush()}); the caches here are its own.
 */
package fastlog.internal.render;
