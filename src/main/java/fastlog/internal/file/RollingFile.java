package fastlog.internal.file;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.LongSupplier;

import fastlog.internal.sink.LinesNotWritten;
import fastlog.internal.sink.Output;

/**
 * A file output that appends to one active file and rotates it by size and/or at midnight.
 *
 * <p>Only the consumer-role holder calls it (the writer thread; a thread in {@code flush()} or
 * logging after shutdown, for a while), one at a time, ordered by the role's hand-off: no field
 * needs more than a plain access.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Whole lines.</b> Each {@link #write} gets whole lines. When they do not all fit under
 *       the size limit, the write is cut after the last newline that fits, the file is rotated and
 *       the rest goes to the new file. A file exceeds the limit only when a single line is longer
 *       than the limit (it is written whole into an empty file). So no line is split across two
 *       files, and each byte is written once: nothing is lost or duplicated at a rotation.</li>
 *   <li><b>Cheap checks.</b> Per write (one per batch), one clock read and two comparisons; the
 *       newline search runs only when a rotation is due.</li>
 *   <li><b>Rotation</b> renames the open active file to its rotated name ({@link RotatedNames}),
 *       opens a new active file, closes the old one (forcing it to disk first if so set), and
 *       asks {@link Housekeeping} to compress and prune in the background. The open file follows
 *       the rename, so nothing written is ever outside a file.</li>
 *   <li><b>Daily</b> rotation happens at the first write at or after midnight in the configured
 *       zone; a file that has received nothing since is not rotated (no empty files). A file
 *       found at start-up that was last written on an earlier day is rotated at the first write.</li>
 *   <li><b>Failures</b> are reported once each on stderr (open, rotation) and never thrown
 *       further than the {@link fastlog.internal.sink.Sink}. A failed rotation leaves the current
 *       file open: writing goes on into it, past the size limit, and the rotation is tried again
 *       at the first write {@value #RETRY_MILLIS} ms later. A failed open loses the write (the
 *       sink counts it) and is tried again at the first write {@value #RETRY_MILLIS} ms later.</li>
 *   <li><b>Interrupts.</b> A {@link FileChannel} is closed when a thread writing to it is
 *       interrupted. A flushing thread may have its interrupt flag set: the flag is cleared for
 *       the write and set again afterwards. An interrupt that arrives during the write closes the
 *       channel: the file is reopened, what reached it is measured, and the rest is written.</li>
 * </ul>
 */
public final class RollingFile implements Output {

    /** After a failed open or rotation, how long the writer waits before trying again. */
    static final long RETRY_MILLIS = 1_000;
    /** Direct buffer the lines are copied into for the channel (the JDK would copy them anyway). */
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileSpec spec;
    private final Path file;
    private final RotatedNames names;
    private final FileOps ops;
    private final LongSupplier clockMillis;
    private final PrintStream errors;
    private final Housekeeping housekeeping;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);

    private FileChannel channel;
    /** Bytes in the open file. */
    private long size;
    /** When a line was last written to the open file: its rotated name carries this date. */
    private long lastWriteMillis;
    /** The first write at or after this rotates (Long.MAX_VALUE when not daily). */
    private long nextMidnightMillis = Long.MAX_VALUE;
    /** No open or rotation attempt before this, after one failed. */
    private long retryAtMillis = Long.MIN_VALUE;
    /** The rotated name the open file already has (it was renamed, but no new file opened), or null. */
    private Path renamedTo;
    private LocalDate indexDay;
    private int lastIndex;
    private boolean openReported;
    private boolean rotationReported;

    public RollingFile(FileSpec spec, PrintStream errors) {
        this(spec, errors, System::currentTimeMillis, FileOps.SYSTEM);
    }

    /** With a clock and file-system calls of the test's choosing. */
    public RollingFile(FileSpec spec, PrintStream errors, LongSupplier clockMillis, FileOps ops) {
        this.spec = spec;
        this.file = spec.file().toAbsolutePath();
        this.names = new RotatedNames(file);
        this.ops = ops;
        this.clockMillis = clockMillis;
        this.errors = errors;
        this.housekeeping = new Housekeeping(names, spec.keep(), spec.gzip(), ops, errors);
    }

    @Override
    public void write(byte[] bytes, int len) throws IOException {
        boolean interrupted = Thread.interrupted(); // an interrupted thread's channel call would close the channel
        try {
            writeLines(bytes, len);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeLines(byte[] bytes, int len) throws IOException {
        long now = clockMillis.getAsLong();
        if (channel == null && !open(now)) {
            throw new IOException("cannot open the log file " + file);
        }
        if (now >= nextMidnightMillis) {
            if (size == 0) {
                nextMidnightMillis = nextMidnight(now); // nothing to rotate: no empty files
            } else {
                rotate(now);
            }
        }
        long max = spec.maxBytes();
        int off = 0;
        try {
            while (off < len) {
                int end = len;
                if (max > 0 && size + (len - off) > max) {
                    int cut = size < max ? lastLineEnd(bytes, off, (int) Math.min(len, off + (max - size))) : off;
                    if (cut == off) {
                        if (size > 0 && rotate(now)) {
                            continue; // the same lines again, into the new, empty file
                        }
                        // An empty file and a line longer than the limit: that line, whole. Or a
                        // rotation that failed: everything, here.
                        cut = size == 0 ? nextLineEnd(bytes, off, len) : len;
                    }
                    end = cut;
                }
                writeFully(bytes, off, end);
                off = end;
                lastWriteMillis = now;
            }
        } catch (IOException e) {
            throw off == 0 ? e : new LinesNotWritten(LinesNotWritten.countLines(bytes, off, len), e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (channel != null && spec.fsyncOnFlush()) {
            force(channel);
        }
    }

    /** Forces the file to disk if so set, closes it, and waits for housekeeping until the deadline. */
    @Override
    public void close(long deadlineNanos) throws IOException {
        FileChannel c = channel;
        channel = null;
        try {
            if (c != null) {
                if (spec.fsyncOnClose() || spec.fsyncOnFlush()) {
                    force(c);
                }
                c.close();
            }
        } finally {
            housekeeping.close(deadlineNanos);
        }
    }

    // ---------------------------------------------------------------- opening and rotating

    /** Opens the active file (or the rotated one still in use); false (reported once) if it cannot. */
    private boolean open(long now) {
        if (now < retryAtMillis) {
            return false;
        }
        try {
            Path target = renamedTo != null ? renamedTo : file;
            Files.createDirectories(file.getParent());
            channel = ops.openAppend(target);
            size = channel.size();
            lastWriteMillis = size > 0 ? Files.getLastModifiedTime(target).toMillis() : now;
            nextMidnightMillis = spec.daily() ? nextMidnight(lastWriteMillis) : Long.MAX_VALUE;
            if (spec.rotates()) {
                housekeeping.request(); // finish what an earlier run left: compression, retention
            }
            return true;
        } catch (IOException | RuntimeException e) {
            retryAtMillis = now + RETRY_MILLIS;
            if (!openReported) {
                openReported = true;
                report("cannot open the log file " + file + " (" + e + "); events are being lost and counted in"
                        + " Fastlog.stats(); opening is retried every second; this is reported once");
            }
            return false;
        }
    }

    /**
     * Renames the open file to its rotated name and opens a new active file.
     *
     * @return whether the open file is now a new, empty active file
     */
    private boolean rotate(long now) {
        if (now < retryAtMillis) {
            return false;
        }
        try {
            if (renamedTo == null) {
                LocalDate day = Instant.ofEpochMilli(lastWriteMillis).atZone(spec.zone()).toLocalDate();
                if (!day.equals(indexDay)) {
                    lastIndex = names.lastIndex(day);
                    indexDay = day;
                }
                Path target = names.rotated(day, lastIndex + 1);
                housekeeping.stillOpen(target);
                try {
                    ops.move(file, target);
                } catch (IOException | RuntimeException e) {
                    housekeeping.stillOpen(null);
                    indexDay = null; // look at the directory again next time (someone else's file?)
                    throw e;
                }
                lastIndex++;
                renamedTo = target;
            }
            FileChannel fresh = ops.openAppend(file);
            FileChannel old = channel;
            channel = fresh;
            size = fresh.size();
            lastWriteMillis = now;
            nextMidnightMillis = spec.daily() ? nextMidnight(now) : Long.MAX_VALUE;
            try {
                if (spec.fsyncOnClose() || spec.fsyncOnFlush()) {
                    force(old);
                }
                old.close();
            } catch (IOException | RuntimeException e) {
                report("cannot close the rotated log file " + renamedTo + " (" + e + ")");
            }
            renamedTo = null;
            housekeeping.stillOpen(null);
            housekeeping.request();
            return true;
        } catch (IOException | RuntimeException e) {
            retryAtMillis = now + RETRY_MILLIS;
            if (!rotationReported) {
                rotationReported = true;
                report("cannot rotate the log file " + file + " (" + e + "); logging goes on in "
                        + (renamedTo != null ? renamedTo : file) + " and rotation is retried every second;"
                        + " this is reported once");
            }
            return false;
        }
    }

    private long nextMidnight(long millis) {
        return Instant.ofEpochMilli(millis).atZone(spec.zone()).toLocalDate().plusDays(1)
                .atStartOfDay(spec.zone()).toInstant().toEpochMilli();
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes {@code bytes[from, to)} to the open file, all of it, or throws. The caller cleared the
     * thread's interrupt flag; an interrupt that arrives meanwhile closes the channel, and is kept.
     */
    private void writeFully(byte[] bytes, int from, int to) throws IOException {
        boolean interrupted = false;
        int reopened = 0;
        try {
            int pos = from;
            while (pos < to) {
                int n = Math.min(buffer.capacity(), to - pos);
                buffer.clear();
                buffer.put(bytes, pos, n).flip();
                long start = size;
                try {
                    while (buffer.hasRemaining()) {
                        size += channel.write(buffer);
                    }
                    pos += n;
                } catch (ClosedChannelException closedByInterrupt) {
                    interrupted |= Thread.interrupted();
                    if (++reopened > 3) {
                        throw closedByInterrupt;
                    }
                    channel = ops.openAppend(renamedTo != null ? renamedTo : file);
                    size = channel.size();
                    pos += (int) Math.max(0, Math.min(n, size - start)); // what reached the file stays
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void force(FileChannel c) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            c.force(false);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The index just after the last newline in {@code bytes[from, to)}, or {@code from} if none. */
    static int lastLineEnd(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return from;
    }

    /** The index just after the first newline in {@code bytes[from, to)}, or {@code to} if none. */
    static int nextLineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }

    private void report(String message) {
        try {
            errors.println("fastlog: " + message);
        } catch (RuntimeException ignored) {
            // stderr is gone too
        }
    }
}
