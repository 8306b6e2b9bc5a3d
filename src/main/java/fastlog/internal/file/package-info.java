/**
 * Writing to a file that rotates: {@link fastlog.internal.file.RollingFile} appends whole lines
 * and rotates by size and at midnight on the writer thread, {@code Housekeeping} compresses and
 * prunes rotated files on a background thread, {@link fastlog.internal.file.RotatedNames} names
 * them, {@link fastlog.internal.file.FileSettings} reads the settings from system properties and
 * the environment. The rules and guarantees are in docs/files.md.
 */
package fastlog.internal.file;
