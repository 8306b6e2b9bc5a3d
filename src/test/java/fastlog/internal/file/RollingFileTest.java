package fastlog.internal.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fastlog.internal.sink.LinesNotWritten;

/** The rolling file alone, with a clock and file-system calls under the test's control. */
class RollingFileTest {

    private static final long FAR = Long.MAX_VALUE / 4;
    /** 2026-11-30T23:59:00Z. */
    private static final long BEFORE_MIDNIGHT = Instant.parse("2026-11-30T23:59:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(BEFORE_MIDNIGHT);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    private FileSpec spec(long maxBytes, boolean daily, int keep, boolean gzip) {
        return new FileSpec(dir.resolve("app.log"), maxBytes, daily, ZoneOffset.UTC, keep, gzip, false, false);
    }

    private RollingFile file(FileSpec spec, FileOps ops) {
        return new RollingFile(spec, errors, clock::get, ops);
    }

    /** Lines {@code {"n":from}} .. {@code {"n":to-1}}, each ending in a newline. */
    private static byte[] lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append("{\"n\":").append(i).append(",\"pad\":\"").append("x".repeat(i % 7)).append("\"}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(RollingFile f, byte[] b) throws IOException {
        f.write(b, b.length);
    }

    /** Every file of the directory whose name starts with app, oldest rotated first, the active file last. */
    private List<Path> filesInOrder() throws IOException {
        List<Path> out = new ArrayList<>(new RotatedNames(dir.resolve("app.log")).list(null).stream()
                .map(RotatedNames.Rotated::path).toList());
        if (Files.exists(dir.resolve("app.log"))) {
            out.add(dir.resolve("app.log"));
        }
        return out;
    }

    private static byte[] content(Path p) throws IOException {
        if (p.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(p);
    }

    private byte[] allContent() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path p : filesInOrder()) {
            all.write(content(p));
        }
        return all.toByteArray();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long count(String haystack, String needle) {
        return haystack.lines().filter(l -> l.contains(needle)).count();
    }

    // ------------------------------------------------------------------ size

    @Test
    void sizeRotationCutsOnlyAfterANewlineAndKeepsEveryByteOnceInOrder() throws IOException {
        RollingFile f = file(spec(1000, false, 1000, false), FileOps.SYSTEM);
        byte[] expected = lines(0, 2000);
        int off = 0;
        for (int batch = 1; off < expected.length; batch = batch * 3 % 1001) { // uneven batches of whole lines
            int end = Math.min(expected.length, RollingFile.nextLineEnd(expected, Math.min(expected.length - 1, off + batch * 3), expected.length));
            byte[] part = java.util.Arrays.copyOfRange(expected, off, end);
            write(f, part);
            off = end;
        }
        f.close(System.nanoTime() + FAR);
        List<Path> files = filesInOrder();
        assertTrue(files.size() > 30, "rotated into " + files.size() + " files");
        for (Path p : files) {
            byte[] c = content(p);
            assertTrue(c.length <= 1000, p + " has " + c.length + " bytes");
            boolean active = p.equals(files.get(files.size() - 1));
            assertTrue(active || c.length > 1000 - 40, p + " is only " + c.length + " bytes: rotated too early");
            assertEquals('\n', c[c.length - 1], p + " ends in the middle of a line");
        }
        assertArrayEquals(expected, allContent());
        assertEquals("", stderr());
    }

    @Test
    void aLineLongerThanTheLimitIsWrittenWholeIntoAFileOfItsOwn() throws IOException {
        RollingFile f = file(spec(100, false, 1000, false), FileOps.SYSTEM);
        byte[] small = lines(0, 2);
        byte[] huge = ("{\"big\":\"" + "y".repeat(500) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(small);
        expected.write(huge);
        expected.write(small);
        write(f, expected.toByteArray());
        f.close(System.nanoTime() + FAR);
        List<Path> files = filesInOrder();
        assertEquals(3, files.size(), files.toString());
        assertArrayEquals(huge, content(files.get(1)));
        assertArrayEquals(expected.toByteArray(), allContent());
    }

    @Test
    void countersGrowThroughTheDayAndGoOnAfterARestart() throws IOException {
        RollingFile f = file(spec(200, false, 1000, false), FileOps.SYSTEM);
        write(f, lines(0, 30));
        f.close(System.nanoTime() + FAR);
        int before = new RotatedNames(dir.resolve("app.log")).lastIndex(java.time.LocalDate.of(2026, 11, 30));
        assertTrue(before >= 3, "rotated " + before + " times");
        RollingFile again = file(spec(200, false, 1000, false), FileOps.SYSTEM);
        write(again, lines(30, 60));
        again.close(System.nanoTime() + FAR);
        assertTrue(Files.exists(dir.resolve("app-2026-11-30." + (before + 1) + ".log")));
        assertArrayEquals(lines(0, 60), allContent());
    }

    // ------------------------------------------------------------------ time

    @Test
    void dailyRotationAtMidnightNamesTheFileAfterTheDayItsLinesWereWritten() throws IOException {
        RollingFile f = file(spec(0, true, 1000, false), FileOps.SYSTEM);
        write(f, lines(0, 10));
        clock.set(BEFORE_MIDNIGHT + 59_000); // 23:59:59.000
        write(f, lines(10, 20));
        assertFalse(Files.exists(dir.resolve("app-2026-11-30.1.log")), "rotated before midnight");
        clock.set(BEFORE_MIDNIGHT + 60_000); // 2026-12-01T00:00:00Z
        write(f, lines(20, 30));
        f.close(System.nanoTime() + FAR);
        assertArrayEquals(lines(0, 20), Files.readAllBytes(dir.resolve("app-2026-11-30.1.log")));
        assertArrayEquals(lines(20, 30), Files.readAllBytes(dir.resolve("app.log")));
    }

    @Test
    void aDayWithoutLinesLeavesNoEmptyFile() throws IOException {
        RollingFile f = file(spec(0, true, 1000, false), FileOps.SYSTEM);
        write(f, lines(0, 5));
        clock.addAndGet(3 * 86_400_000L); // three days later
        write(f, lines(5, 6));
        clock.addAndGet(86_400_000L);
        write(f, lines(6, 7));
        f.close(System.nanoTime() + FAR);
        assertEquals(List.of(dir.resolve("app-2026-11-30.1.log"), dir.resolve("app-2026-12-03.1.log"),
                dir.resolve("app.log")), filesInOrder());
        assertArrayEquals(lines(0, 7), allContent());
    }

    @Test
    void aFileLeftFromAnEarlierDayIsRotatedAtTheFirstWrite() throws IOException {
        Files.write(dir.resolve("app.log"), lines(0, 3));
        Files.setLastModifiedTime(dir.resolve("app.log"), FileTime.from(Instant.parse("2026-11-28T10:00:00Z")));
        RollingFile f = file(spec(0, true, 1000, false), FileOps.SYSTEM);
        write(f, lines(3, 5));
        f.close(System.nanoTime() + FAR);
        assertArrayEquals(lines(0, 3), Files.readAllBytes(dir.resolve("app-2026-11-28.1.log")));
        assertArrayEquals(lines(3, 5), Files.readAllBytes(dir.resolve("app.log")));
    }

    @Test
    void localMidnightFollowsTheZone() throws IOException {
        // 23:30 UTC is 00:30 the next day in Paris (UTC+1 in winter): at UTC 23:30 a Paris file rotates.
        FileSpec paris = new FileSpec(dir.resolve("app.log"), 0, true, java.time.ZoneId.of("Europe/Paris"), 1000,
                false, false, false);
        clock.set(Instant.parse("2026-11-30T22:50:00Z").toEpochMilli());
        RollingFile f = file(paris, FileOps.SYSTEM);
        write(f, lines(0, 2));
        clock.set(Instant.parse("2026-11-30T23:30:00Z").toEpochMilli());
        write(f, lines(2, 4));
        f.close(System.nanoTime() + FAR);
        assertArrayEquals(lines(0, 2), Files.readAllBytes(dir.resolve("app-2026-11-30.1.log")));
    }

    // ------------------------------------------------------------------ retention and gzip

    @Test
    void retentionDeletesTheOldest() throws IOException {
        RollingFile f = file(spec(100, false, 3, false), FileOps.SYSTEM);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (int i = 0; i < 8; i++) {
            byte[] line = ("{\"n\":" + i + ",\"pad\":\"" + "z".repeat(60) + "\"}\n").getBytes(StandardCharsets.UTF_8);
            write(f, line); // 78 bytes: two do not fit in 100, so every write after the first rotates
            if (i >= 4) {
                kept.write(line);
            }
        }
        f.close(System.nanoTime() + FAR);
        List<String> left = filesInOrder().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("app-2026-11-30.5.log", "app-2026-11-30.6.log", "app-2026-11-30.7.log", "app.log"), left);
        assertArrayEquals(kept.toByteArray(), allContent());
    }

    @Test
    void gzipWritesValidGzipWithTheSameContentAndLeavesNoTemporaryFile() throws IOException {
        RollingFile f = file(spec(300, false, 1000, true), FileOps.SYSTEM);
        write(f, lines(0, 100));
        f.close(System.nanoTime() + FAR);
        List<Path> files = filesInOrder();
        assertTrue(files.size() > 5);
        for (Path p : files.subList(0, files.size() - 1)) {
            assertTrue(p.toString().endsWith(".log.gz"), p.toString());
        }
        assertArrayEquals(lines(0, 100), allContent());
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(), all.filter(p -> p.toString().endsWith(".tmp")
                    || p.getFileName().toString().matches("app-.*\\.log")).toList());
        }
    }

    @Test
    void leftoversOfAnInterruptedRunAreFinishedAtTheNextStart() throws IOException {
        Files.write(dir.resolve("app-2026-11-29.1.log"), lines(0, 3));
        Files.write(dir.resolve("app-2026-11-29.1.log.gz.tmp"), new byte[] {1, 2, 3}); // cut-short compression
        RollingFile f = file(spec(10_000, false, 1000, true), FileOps.SYSTEM);
        write(f, lines(3, 4));
        f.close(System.nanoTime() + FAR);
        assertFalse(Files.exists(dir.resolve("app-2026-11-29.1.log.gz.tmp")));
        assertFalse(Files.exists(dir.resolve("app-2026-11-29.1.log")));
        assertArrayEquals(lines(0, 3), content(dir.resolve("app-2026-11-29.1.log.gz")));
    }

    // ------------------------------------------------------------------ failures

    /** The file-system calls, with a rename, an open or a compression made to fail on demand. */
    private static final class FaultyOps implements FileOps {
        final AtomicInteger failMoves = new AtomicInteger();
        final AtomicInteger failOpens = new AtomicInteger();
        volatile boolean failCreates;

        @Override
        public FileChannel openAppend(Path file) throws IOException {
            if (failOpens.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("injected open failure");
            }
            return SYSTEM.openAppend(file);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            if (failMoves.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("injected rename failure");
            }
            SYSTEM.move(from, to);
        }

        @Override
        public OutputStream create(Path file) throws IOException {
            if (failCreates) {
                throw new IOException("injected: no space left on device");
            }
            return SYSTEM.create(file);
        }
    }

    @Test
    void aFailedRenameIsReportedOnceAndLoggingGoesOnThenRotationResumes() throws IOException {
        FaultyOps ops = new FaultyOps();
        RollingFile f = file(spec(200, false, 1000, false), ops);
        write(f, lines(0, 5));
        ops.failMoves.set(1_000);
        for (int i = 5; i < 50; i += 5) {
            write(f, lines(i, i + 5)); // no exception: the lines go on into app.log
            clock.addAndGet(300); // retried every second: several retries, one report
        }
        assertEquals(1, count(stderr(), "cannot rotate"), stderr());
        assertTrue(stderr().contains("injected rename failure"), stderr());
        assertTrue(Files.size(dir.resolve("app.log")) > 200, "kept writing into app.log");
        ops.failMoves.set(0);
        clock.addAndGet(1_000);
        write(f, lines(50, 60));
        f.close(System.nanoTime() + FAR);
        assertTrue(Files.exists(dir.resolve("app-2026-11-30.1.log")), "rotation resumed");
        assertArrayEquals(lines(0, 60), allContent());
        assertEquals(1, count(stderr(), "fastlog:"), stderr());
    }

    @Test
    void whenTheNewFileCannotBeOpenedLinesGoOnIntoTheRenamedOneThenRotationResumes() throws IOException {
        FaultyOps ops = new FaultyOps();
        RollingFile f = file(spec(200, false, 1000, false), ops);
        write(f, lines(0, 5));
        ops.failOpens.set(1); // the open of the new app.log after the rename
        write(f, lines(5, 20));
        assertEquals(1, count(stderr(), "cannot rotate"), stderr());
        assertTrue(stderr().contains("app-2026-11-30.1.log"), stderr());
        clock.addAndGet(1_000);
        write(f, lines(20, 30));
        f.close(System.nanoTime() + FAR);
        assertTrue(Files.size(dir.resolve("app-2026-11-30.1.log")) > 200, "the renamed file took the lines meanwhile");
        assertArrayEquals(lines(0, 30), allContent());
    }

    @Test
    void aFileThatCannotBeOpenedLosesTheWritesReportsOnceAndRecovers() throws IOException {
        Path blocker = dir.resolve("logs");
        Files.writeString(blocker, "a file where the directory should be");
        FileSpec s = new FileSpec(blocker.resolve("app.log"), 0, false, ZoneOffset.UTC, 7, false, false, false);
        RollingFile f = file(s, FileOps.SYSTEM);
        assertThrows(IOException.class, () -> write(f, lines(0, 3)));
        clock.addAndGet(1_000);
        assertThrows(IOException.class, () -> write(f, lines(3, 6)));
        assertEquals(1, count(stderr(), "cannot open the log file"), stderr());
        Files.delete(blocker);
        clock.addAndGet(1_000);
        write(f, lines(6, 9));
        f.close(System.nanoTime() + FAR);
        assertArrayEquals(lines(6, 9), Files.readAllBytes(blocker.resolve("app.log")));
    }

    @Test
    void aFailedCompressionIsReportedOnceAndTheRotatedFileStaysReadable() throws IOException {
        FaultyOps ops = new FaultyOps();
        ops.failCreates = true;
        RollingFile f = file(spec(200, false, 1000, true), ops);
        write(f, lines(0, 40));
        f.close(System.nanoTime() + FAR);
        assertEquals(1, count(stderr(), "cannot compress"), stderr());
        assertTrue(Files.exists(dir.resolve("app-2026-11-30.1.log")));
        assertArrayEquals(lines(0, 40), allContent());
    }

    @Test
    void aWriteAfterCloseThatCannotReopenTheFileIsLostWholeAndSaysSo() throws IOException {
        FaultyOps ops = new FaultyOps();
        RollingFile f = file(spec(200, false, 1000, false), ops);
        write(f, lines(0, 2));
        f.close(System.nanoTime() + FAR);
        ops.failOpens.set(1);
        IOException e = assertThrows(IOException.class, () -> write(f, lines(2, 40)));
        assertFalse(e instanceof LinesNotWritten, "nothing was written: the whole write is lost");
        assertEquals(1, count(stderr(), "cannot open the log file"), stderr());
    }

    @Test
    void anInterruptedThreadWritesAndKeepsItsInterruptFlag() throws IOException {
        RollingFile f = file(spec(0, false, 7, false), FileOps.SYSTEM);
        Thread.currentThread().interrupt();
        try {
            write(f, lines(0, 5));
            write(f, lines(5, 10));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
        } finally {
            Thread.interrupted();
        }
        write(f, lines(10, 12));
        f.close(System.nanoTime() + FAR);
        assertArrayEquals(lines(0, 12), Files.readAllBytes(dir.resolve("app.log")));
    }

    @Test
    void writesAfterCloseReopenAndAppend() throws IOException {
        RollingFile f = file(spec(0, false, 7, false), FileOps.SYSTEM);
        write(f, lines(0, 3));
        f.close(System.nanoTime() + FAR);
        write(f, lines(3, 6));
        f.close(System.nanoTime() + FAR);
        assertArrayEquals(lines(0, 6), Files.readAllBytes(dir.resolve("app.log")));
    }
}
