/**
 * The generator side of the ingestion check: a small program, run in its own JVM with only fastlog
 * (and the OpenTelemetry SDK) on its class path, that logs every kind of value fastlog takes, bad
 * input and the fuzz test's tricky strings, inside and outside trace spans, to stdout. It also
 * writes a manifest of what it logged, so the check can tell a lost, extra or mis-correlated line
 * from a rejected one.
 */
package fastlog.ingest.generator;
