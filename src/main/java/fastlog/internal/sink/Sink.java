package fastlog.internal.sink;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The {@link Output} lines are written to, and what happens when it fails.
 *
 * <p>Only the thread holding the consumer role writes. A failed write (stdout closed by its
 * reader, a full disk) never propagates: the events in it are counted as lost (only the lines
 * not written, when the output says how many: {@link LinesNotWritten}), the first failure is
 * reported with one line on stderr, and later writes are still attempted, so output resumes if
 * the output recovers. The counters are read by {@code stats()} from any thread.
 */
public final class Sink {

    private final Output out;
    private final PrintStream errorReport;
    private volatile long writeErrors;
    private volatile long eventsLost;
    private boolean reported;

    public Sink(OutputStream out, PrintStream errorReport) {
        this(new StreamOutput(out), errorReport);
    }

    public Sink(Output out, PrintStream errorReport) {
        this.out = out;
        this.errorReport = errorReport;
    }

    /** The process's stdout file descriptor, unbuffered: each batch is one write(2). */
    public static OutputStream stdout() {
        return new FileOutputStream(FileDescriptor.out);
    }

    /**
     * Writes {@code len} bytes holding {@code events} lines.
     *
     * @return how many of the events were written: all of them, none, or (when a file output
     *         failed part-way) the first ones
     */
    public long write(byte[] bytes, int len, long events) {
        if (len == 0) {
            return events;
        }
        try {
            out.write(bytes, len);
            return events;
        } catch (LinesNotWritten e) {
            long lost = Math.min(events, e.lines());
            fail(e, lost);
            return events - lost;
        } catch (IOException | RuntimeException e) {
            fail(e, events);
            return 0;
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            fail(e, 0);
        }
    }

    /** At shutdown, after the last drain: flushes and releases the output (see {@link Output#close}). */
    public void close(long deadlineNanos) {
        try {
            out.close(deadlineNanos);
        } catch (IOException | RuntimeException e) {
            fail(e, 0);
        }
    }

    private void fail(Exception e, long events) {
        writeErrors = writeErrors + 1; // single writer: the consumer
        eventsLost = eventsLost + events;
        if (!reported) {
            reported = true;
            try {
                errorReport.println("fastlog: cannot write log output (" + e
                        + "); events are being lost and counted in Fastlog.stats(); this is reported once");
            } catch (RuntimeException ignored) {
                // stderr is gone too; the counters still tell.
            }
        }
    }

    public long writeErrors() {
        return writeErrors;
    }

    public long eventsLost() {
        return eventsLost;
    }
}
