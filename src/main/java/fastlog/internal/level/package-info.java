/** Minimum levels: a global one and per-logger ones inherited by name prefix. */
package fastlog.internal.level;
