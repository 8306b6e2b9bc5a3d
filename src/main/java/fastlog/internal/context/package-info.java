/**
 * Scoped log context: fields bound for the duration of a scope and carried by every event logged
 * inside it. On Java 25+ the multi-release layer backs it with {@code java.lang.ScopedValue};
 * on Java 21–24 a fallback holds a reference only while inside a scope.
 */
package fastlog.internal.context;
