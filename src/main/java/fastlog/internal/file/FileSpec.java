package fastlog.internal.file;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What a file output was configured with; validated by the public builder ({@code FileOutput})
 * or by {@link FileSettings}.
 *
 * @param file the active file lines are appended to
 * @param maxBytes rotate before the active file would grow past this many bytes; 0: never by size
 * @param daily rotate at midnight in {@code zone}
 * @param zone the time zone of "midnight" and of the date in rotated files' names
 * @param keep how many rotated files are kept; older ones are deleted
 * @param gzip compress rotated files (in the background)
 * @param fsyncOnClose force the file to disk when it is closed for good (rotation, shutdown)
 * @param fsyncOnFlush also force it to disk at every {@code Fastlog.flush()}
 */
public record FileSpec(Path file, long maxBytes, boolean daily, ZoneId zone, int keep, boolean gzip,
                       boolean fsyncOnClose, boolean fsyncOnFlush) {

    public static final int DEFAULT_KEEP = 7;

    /** Appends to {@code file}, never rotates. */
    public static FileSpec plain(Path file) {
        return new FileSpec(file, 0, false, ZoneId.systemDefault(), DEFAULT_KEEP, false, false, false);
    }

    /** Whether the file rotates at all. */
    public boolean rotates() {
        return maxBytes > 0 || daily;
    }
}
