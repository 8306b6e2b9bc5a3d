package fastlog.testapps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLongArray;

import fastlog.api.Fastlog;
import fastlog.api.Stats;

/**
 * How the reliability suite's child programs talk to the test: {@code CHILD key=value ...} lines
 * on stderr, and small side files written atomically (the test polls for them).
 */
public final class ChildReport {

    private ChildReport() {
    }

    /** One {@code CHILD k=v k=v} line on stderr; keys and values must not contain spaces. */
    public static void report(Object... keysAndValues) {
        StringBuilder sb = new StringBuilder("CHILD");
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            sb.append(' ').append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        System.err.println(sb);
        System.err.flush();
    }

    /** The counters of {@link Fastlog#stats()} as a CHILD line. */
    public static void reportStats() {
        Stats s = Fastlog.stats();
        report("written", s.eventsWritten(), "dropped", s.eventsDropped(), "writeErrors", s.writeErrors(),
                "lost", s.eventsLost(), "queueDepth", s.queueDepth());
    }

    /** Writes {@code text} to a temporary file and renames it: a reader never sees half of it. */
    public static void writeAtomically(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The array's values separated by spaces. */
    public static String snapshot(AtomicLongArray a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length(); i++) {
            sb.append(i == 0 ? "" : " ").append(a.get(i));
        }
        return sb.toString();
    }

    /** Waits until every element is at least {@code min}. */
    /**
     * Waits until every thread has returned from at least one call and all of them together from
     * at least {@code total} calls (entries hold the last returned sequence number, -1 for none).
     * Unlike {@link #awaitAll}, the amount logged meanwhile does not depend on how evenly the
     * threads were scheduled, so the output stays bounded.
     */
    public static void awaitTotal(AtomicLongArray a, long total) throws InterruptedException {
        for (;;) {
            long sum = 0;
            boolean everyone = true;
            for (int i = 0; i < a.length(); i++) {
                long v = a.get(i);
                everyone &= v >= 0;
                sum += v + 1;
            }
            if (everyone && sum >= total) {
                return;
            }
            Thread.sleep(1);
        }
    }

    public static void awaitAll(AtomicLongArray a, long min) throws InterruptedException {
        for (int i = 0; i < a.length(); i++) {
            while (a.get(i) < min) {
                Thread.sleep(1);
            }
        }
    }
}
