package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.FileOutput;
import fastlog.api.Logger;
import fastlog.api.Stats;

/**
 * Rotation under load: platform and virtual threads log while the file rotates every 16 KiB and
 * rotated files are compressed in the background. Afterwards every file is read (decompressed),
 * every line parsed with Jackson, and each (thread, sequence) pair must appear exactly once, in
 * each thread's order across the files: no event lost, none duplicated, no line split.
 */
class FileRotationLoadTest {

    private static final Pattern ROTATED = Pattern.compile("app-(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log(\\.gz)?");
    private static final int LIMIT = 16 << 10;
    private static final int PLATFORM = 4;
    private static final int VIRTUAL = 200;
    private static final int PER_PLATFORM = 10_000;
    private static final int PER_VIRTUAL = 100;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        Fastlog.shutdown();
    }

    @Test
    void noLineLostDuplicatedOrSplitWhileRotatingUnderLoad() throws Exception {
        Fastlog.shutdown();
        Fastlog.configure()
                .queueCapacity(4096) // a small queue, so producers also meet a full queue and wait
                .output(FileOutput.to(dir.resolve("app.log")).rotateAtSize(LIMIT).keep(Integer.MAX_VALUE).gzip(true))
                .apply();
        Logger log = Fastlog.logger("load");
        int threads = PLATFORM + VIRTUAL;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            int count = t < PLATFORM ? PER_PLATFORM : PER_VIRTUAL;
            Runnable work = () -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < count; i++) {
                    log.info("tick", "t", id, "i", i, "pad", "q".repeat((id + i) % 50));
                    if (id == 0 && i % 5000 == 4999) {
                        Fastlog.flush(); // flushes by a logging thread, amid the rotations
                    }
                }
            };
            all.add(t < PLATFORM ? Thread.ofPlatform().unstarted(work) : Thread.ofVirtual().unstarted(work));
        }
        all.forEach(Thread::start);
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        Fastlog.shutdown(); // flushes, closes the file, waits for the background compression
        long expected = (long) PLATFORM * PER_PLATFORM + (long) VIRTUAL * PER_VIRTUAL;
        Stats stats = Fastlog.stats();
        assertEquals(expected, stats.eventsWritten(), stats.toString());
        assertEquals(0, stats.eventsLost(), stats.toString());
        assertEquals(0, stats.writeErrors(), stats.toString());

        int[] next = new int[threads];
        long lines = 0;
        List<Path> files = filesOldestFirst();
        assertTrue(files.size() > 100, "rotated only " + files.size() + " times");
        for (Path f : files) {
            byte[] content = read(f);
            assertTrue(content.length <= LIMIT, f + ": " + content.length + " bytes, over the limit");
            for (JsonNode line : Ndjson.parse(content)) { // whole lines only: no cut tail in any file
                int t = line.get("t").asInt();
                int i = line.get("i").asInt();
                assertEquals(next[t], i, "thread " + t + ": expected event " + next[t] + " next, found " + i
                        + " in " + f.getFileName() + " (lost, duplicated or reordered)");
                next[t]++;
                lines++;
            }
        }
        assertEquals(expected, lines);
        for (int t = 0; t < threads; t++) {
            assertEquals(t < PLATFORM ? PER_PLATFORM : PER_VIRTUAL, next[t], "thread " + t);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".tmp")
                    || p.getFileName().toString().matches("app-.*\\.log")).toList(), "uncompressed or temporary files left");
        }
    }

    /** Rotated files by (date, counter), then the active file. */
    private List<Path> filesOldestFirst() throws IOException {
        List<Path> rotated;
        try (Stream<Path> s = Files.list(dir)) {
            rotated = new ArrayList<>(s.filter(p -> ROTATED.matcher(p.getFileName().toString()).matches()).toList());
        }
        rotated.sort(Comparator.comparing((Path p) -> group(p, 1)).thenComparingInt(p -> Integer.parseInt(group(p, 2))));
        rotated.add(dir.resolve("app.log"));
        return rotated;
    }

    private static String group(Path p, int g) {
        Matcher m = ROTATED.matcher(p.getFileName().toString());
        m.matches();
        return m.group(g);
    }

    private static byte[] read(Path p) throws IOException {
        try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
                : Files.newInputStream(p)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
