package fastlog.internal.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

/**
 * Work on rotated files that the writer must not wait for: compressing them and deleting the
 * ones past the retention count. It runs on its own daemon thread ({@code fastlog-file-housekeeping},
 * started on demand, gone after 5 s idle), so a rotation costs the writer two renames' worth of
 * system calls and a hand-off, never a compression.
 *
 * <h2>Concurrency</h2>
 * {@link #request} and {@link #close} are called by the writer (the consumer role holder, one
 * thread at a time, ordered by the role's hand-off). A pass runs on the housekeeping thread; passes
 * never overlap (one thread). Requests made while a pass is queued but not started are merged into
 * it ({@link PassRequests}): a pass looks at the whole directory, so one pass does the work of any
 * number of rotations. A request made while a pass runs queues one more, so nothing rotated is
 * left unvisited.
 *
 * <h2>A pass</h2>
 * Deletes left-over {@code .gz.tmp} files (a compression cut short by a crash or an exit), deletes
 * the rotated files past the newest {@code keep}, then compresses each remaining uncompressed one
 * into {@code .gz.tmp}, renames that to {@code .gz}, and only then deletes the original, so a
 * crash at any point leaves the data in at least one complete file. A failure is reported once
 * on stderr per kind (compress, delete) and the pass goes on; a file that could not be
 * compressed stays as it is and is tried again by the next pass.
 */
final class Housekeeping {

    private static final long IDLE_SECONDS = 5;

    private final RotatedNames names;
    private final int keep;
    private final boolean gzip;
    private final FileOps ops;
    private final PrintStream errors;
    private final PassRequests requests = new PassRequests();
    private final AtomicBoolean compressReported = new AtomicBoolean();
    private final AtomicBoolean deleteReported = new AtomicBoolean();
    /**
     * A rotated name that the writer still has open (it renamed the active file but could not
     * open a new one yet, and goes on writing into it): not touched until the writer lets go.
     * Set by the writer before the rename, cleared after it closed the file.
     */
    private volatile Path stillOpen;
    /** Created on the first request, and again after {@link #close}; only the writer touches it. */
    private ThreadPoolExecutor executor;

    Housekeeping(RotatedNames names, int keep, boolean gzip, FileOps ops, PrintStream errors) {
        this.names = names;
        this.keep = keep;
        this.gzip = gzip;
        this.ops = ops;
        this.errors = errors;
    }

    /** Writer: {@code rotated} may be open for writing (or null: nothing rotated is). */
    void stillOpen(Path rotated) {
        stillOpen = rotated;
    }

    /** Writer: asks for a pass soon. Never blocks on I/O. */
    void request() {
        if (!requests.request()) {
            return; // a pass that has not started yet will see this rotation too
        }
        if (executor == null || executor.isShutdown()) {
            executor = newExecutor();
        }
        try {
            executor.execute(this::pass);
        } catch (RejectedExecutionException e) {
            requests.submitFailed();
        }
    }

    /**
     * Writer, at shutdown: lets the passes asked for finish, waiting until {@code deadlineNanos}
     * at most. What is left (a big file still being compressed) is finished by the next start.
     *
     * @return whether all passes finished
     */
    boolean close(long deadlineNanos) {
        ThreadPoolExecutor e = executor;
        if (e == null) {
            return true;
        }
        e.shutdown();
        try {
            return e.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadPoolExecutor newExecutor() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                // A platform daemon thread that takes no inheritable thread locals from whichever
                // thread rotated (the writer, or a user thread in flush()).
                new LinkedBlockingQueue<>(), r -> Thread.ofPlatform().name("fastlog-file-housekeeping").daemon(true)
                        .inheritInheritableThreadLocals(false).unstarted(r));
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** Housekeeping thread: one look at the directory. */
    void pass() {
        requests.passStarting();
        List<Path> tmps = new ArrayList<>();
        List<RotatedNames.Rotated> rotated;
        try {
            rotated = names.list(tmps);
        } catch (IOException | RuntimeException e) {
            report(deleteReported, "cannot list " + names.directory() + " to tidy rotated log files", e);
            return;
        }
        for (Path tmp : tmps) {
            delete(tmp);
        }
        // One logical file may be there twice (x.log and x.log.gz) if a crash came between the
        // rename and the delete: it counts once, and the uncompressed twin is deleted below.
        Map<Path, List<RotatedNames.Rotated>> byName = new LinkedHashMap<>();
        for (RotatedNames.Rotated r : rotated) {
            byName.computeIfAbsent(names.rotated(r.day(), r.index()), k -> new ArrayList<>()).add(r);
        }
        int excess = byName.size() - keep;
        for (Map.Entry<Path, List<RotatedNames.Rotated>> entry : byName.entrySet()) {
            List<RotatedNames.Rotated> forms = entry.getValue();
            if (entry.getKey().equals(stillOpen)) {
                excess--;
                continue;
            }
            if (excess > 0) {
                excess--;
                forms.forEach(r -> delete(r.path()));
                continue;
            }
            boolean hasGz = forms.stream().anyMatch(RotatedNames.Rotated::gzipped);
            Path plain = entry.getKey();
            boolean hasPlain = forms.stream().anyMatch(r -> !r.gzipped());
            if (hasPlain && hasGz) {
                delete(plain); // the .gz was complete before it got its name
            } else if (hasPlain && gzip) {
                compress(plain);
            }
        }
    }

    private void compress(Path plain) {
        Path gz = RotatedNames.gzipped(plain);
        Path tmp = RotatedNames.tmp(gz);
        try {
            try (InputStream in = Files.newInputStream(plain);
                 OutputStream out = new GZIPOutputStream(ops.create(tmp), 1 << 16)) {
                in.transferTo(out);
            }
            ops.move(tmp, gz);
            Files.delete(plain);
        } catch (IOException | RuntimeException e) {
            report(compressReported, "cannot compress the rotated log file " + plain
                    + "; it stays uncompressed", e);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // the next pass deletes it
            }
        }
    }

    private void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            report(deleteReported, "cannot delete the old log file " + p, e);
        }
    }

    private void report(AtomicBoolean reported, String what, Exception e) {
        if (reported.compareAndSet(false, true)) {
            try {
                errors.println("fastlog: " + what + " (" + e + "); logging goes on; this is reported once");
            } catch (RuntimeException ignored) {
                // stderr is gone too
            }
        }
    }
}
