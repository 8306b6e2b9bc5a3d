package fastlog.internal.sink;

import java.io.IOException;

/**
 * Something rendered lines can be written to: a stream ({@link StreamOutput}) or a rotating file
 * ({@code fastlog.internal.file.RollingFile}). Only the thread holding the consumer role calls it.
 *
 * <p>Every {@link #write} is handed whole lines (each ends with a newline), so an output that
 * splits a write (a file that rotates) can cut it only after a newline.
 */
public interface Output {

    /**
     * Writes {@code len} bytes of whole lines from {@code bytes[0]}.
     *
     * @throws LinesNotWritten if only part was written: how many lines were not
     * @throws IOException if none of it was written
     */
    void write(byte[] bytes, int len) throws IOException;

    /** Makes everything written so far reach the operating system (and the disk, if so set). */
    void flush() throws IOException;

    /**
     * Called once the pipeline has written its last event (at shutdown): flushes, and releases
     * what the output owns (a file's descriptor) by {@code deadlineNanos} ({@link System#nanoTime}).
     * A write after it must still work: events logged after shutdown are written synchronously.
     */
    void close(long deadlineNanos) throws IOException;
}
