/**
 * Schema presets: what each backend's lines look like ({@link fastlog.internal.schema.SchemaPresets},
 * one method of plain data per preset), the service identity read from the environment, and the
 * {@link fastlog.internal.schema.SchemaLayout} resolved from them once, at configuration time, into
 * pre-encoded bytes the writer copies. Nothing here runs on a logging call.
 */
package fastlog.internal.schema;
