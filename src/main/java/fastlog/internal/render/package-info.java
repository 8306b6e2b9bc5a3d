/** Turns binary records into NDJSON lines on the writer thread. */
package fastlog.internal.render;
