package fastlog.internal.sink;

import java.io.IOException;

/**
 * A write that was cut short: the first part of the lines reached the output, the rest did not.
 * The {@link Sink} counts {@link #lines()} as lost instead of the whole write's events.
 */
public final class LinesNotWritten extends IOException {

    private static final long serialVersionUID = 1L;

    private final long lines;

    public LinesNotWritten(long lines, IOException cause) {
        super(cause.toString(), cause);
        this.lines = lines;
    }

    /** How many lines (events) were not written. */
    public long lines() {
        return lines;
    }

    /** The number of newlines in {@code bytes[from, to)}. */
    public static long countLines(byte[] bytes, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
