/**
 * The compact fixed-slot binary record an event becomes on the calling thread, and the capture
 * rules that decide what a record may hold. {@link fastlog.internal.record.RecordLayout} describes
 * the layout once; producers write it, the writer thread reads it.
 */
package fastlog.internal.record;
