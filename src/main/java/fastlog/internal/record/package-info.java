/**
 * The compact fixed-slot binary record an event becomes on the calling thread, and the capture
 * rules that decide what a record may hold. {@link fastlog.internal.record.RecordLayout} describes
 * the layout once; {@link fastlog.internal.record.RecordProtocol} is the one owner of how a record
 * is written (a claim mark with the record's length at claim time, fields, then the header with
 * release), read (header with acquire, waiting for a claimed record and stepping over one that is
 * never published) and abandoned.
 */
package fastlog.internal.record;
