package fastlog.api;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

import fastlog.internal.file.FileSpec;

/**
 * A log file, and when it rotates: for {@link Configuration#output(FileOutput)}. Immutable; each
 * method returns a changed copy.
 *
 * <pre>{@code
 * Fastlog.configure()
 *        .output(FileOutput.to(Path.of("logs/app.log"))
 *                .rotateAtSize(64L << 20)      // 64 MiB
 *                .rotateDaily()                // and at local midnight
 *                .keep(14)                     // rotated files; older ones are deleted
 *                .gzip(true))                  // compressed in the background
 *        .apply();
 * }</pre>
 *
 * <p>Lines are appended to the file (created, with missing parent directories, at the first
 * write). A rotation renames it to {@code app-2026-11-30.1.log} (the day of its last line, then a
 * counter that grows through the day; {@code .gz} added once compressed) and starts a new
 * {@code app.log}. No line is ever split between two files, and no event is lost or written
 * twice at a rotation. A rotation that fails (full disk, no permission) is reported once on
 * stderr; logging goes on in the current file and the rotation is retried. One process per file:
 * two processes writing the same file would rotate it under each other. See docs/files.md.
 */
public final class FileOutput {

    /** When the file is forced to disk ({@code fsync}), beyond what the operating system does. */
    public enum Fsync {
        /** Never: the operating system writes the page cache out in its own time (the default). */
        NEVER,
        /** When a file is closed for good: at each rotation and at shutdown. */
        ON_CLOSE,
        /** Also at every {@link Fastlog#flush()}. */
        ON_FLUSH
    }

    private final Path file;
    private final long maxBytes;
    private final ZoneId dailyZone;
    private final int keep;
    private final boolean gzip;
    private final Fsync fsync;

    private FileOutput(Path file, long maxBytes, ZoneId dailyZone, int keep, boolean gzip, Fsync fsync) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.dailyZone = dailyZone;
        this.keep = keep;
        this.gzip = gzip;
        this.fsync = fsync;
    }

    /** Appends to {@code file}; no rotation, keep 7 rotated files once rotation is on, no gzip, no fsync. */
    public static FileOutput to(Path file) {
        return new FileOutput(Objects.requireNonNull(file, "file"), 0, null, FileSpec.DEFAULT_KEEP, false, Fsync.NEVER);
    }

    /**
     * Rotates before the file would grow past {@code bytes} (0: never by size). A file is bigger
     * only when a single line is longer than this.
     */
    public FileOutput rotateAtSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("rotateAtSize must be >= 0: " + bytes);
        }
        return new FileOutput(file, bytes, dailyZone, keep, gzip, fsync);
    }

    /** Rotates at the first write after local midnight ({@link ZoneId#systemDefault()}). */
    public FileOutput rotateDaily() {
        return rotateDaily(ZoneId.systemDefault());
    }

    /** Rotates at the first write after midnight in {@code zone} (e.g. {@code ZoneOffset.UTC}); null: not daily. */
    public FileOutput rotateDaily(ZoneId zone) {
        return new FileOutput(file, maxBytes, zone, keep, gzip, fsync);
    }

    /** How many rotated files are kept (default 7); older ones are deleted. {@code Integer.MAX_VALUE} keeps all. */
    public FileOutput keep(int rotatedFiles) {
        if (rotatedFiles < 1) {
            throw new IllegalArgumentException("keep must be >= 1: " + rotatedFiles);
        }
        return new FileOutput(file, maxBytes, dailyZone, rotatedFiles, gzip, fsync);
    }

    /** Whether rotated files are gzip-compressed, on a background thread (default false). */
    public FileOutput gzip(boolean on) {
        return new FileOutput(file, maxBytes, dailyZone, keep, on, fsync);
    }

    /** When the file is forced to disk (default {@link Fsync#NEVER}). */
    public FileOutput fsync(Fsync policy) {
        return new FileOutput(file, maxBytes, dailyZone, keep, gzip, Objects.requireNonNull(policy, "policy"));
    }

    FileSpec spec() {
        return new FileSpec(file, maxBytes, dailyZone != null,
                dailyZone != null ? dailyZone : ZoneId.systemDefault(), keep, gzip,
                fsync != Fsync.NEVER, fsync == Fsync.ON_FLUSH);
    }

    @Override
    public String toString() {
        return "FileOutput[" + file + ", rotateAtSize=" + maxBytes + ", daily=" + dailyZone + ", keep=" + keep
                + ", gzip=" + gzip + ", fsync=" + fsync + "]";
    }
}
