package fastlog.testapps;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLongArray;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child program for the exit tests: {@code threads} threads log {@code "t", t, "seq", s} with
 * s = 0, 1, 2, ... and record, after each call returns, the last seq whose call returned.
 *
 * <p>Arguments: {@code how kind threads count dir}
 * <ul>
 *   <li>{@code exit}: once every thread has logged and all together {@code threads × count} events, a separate thread
 *       snapshots the returned seqs into {@code dir/returned} and calls {@code System.exit(0)}
 *       while the loggers keep logging.</li>
 *   <li>{@code sigterm}: once every thread has logged and all together {@code threads × count} events, creates
 *       {@code dir/ready} and waits; the test sends SIGTERM. A shutdown hook (registered before
 *       logging starts) writes the snapshot into {@code dir/returned} when the exit begins.</li>
 *   <li>{@code return}: with platform threads, each thread logs exactly {@code count} events
 *       and main logs 10,000 events of its own (logger "exit.main") and returns at once, so the
 *       JVM exits with events pending; with virtual threads (daemons), main waits until each
 *       logged and all together {@code threads × count}, writes the snapshot and returns while they keep logging.</li>
 * </ul>
 * {@code kind} is {@code platform} or {@code virtual}.
 */
public final class ExitWhileLogging {

    public static void main(String[] args) throws Exception {
        String how = args[0];
        boolean virtual = args[1].equals("virtual");
        int threads = Integer.parseInt(args[2]);
        long count = Long.parseLong(args[3]);
        Path dir = Path.of(args[4]);
        Logger log = Fastlog.logger("exit.test");
        AtomicLongArray returned = new AtomicLongArray(threads);
        for (int t = 0; t < threads; t++) {
            returned.set(t, -1);
        }
        if (how.equals("sigterm")) {
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> ChildReport.writeAtomically(dir.resolve("returned"), ChildReport.snapshot(returned)),
                    "snapshot-hook"));
        }
        boolean bounded = how.equals("return") && !virtual;
        // The others log until the exit, but after 5 x count events each they slow down to about
        // one event per millisecond: fastlog writes millions of lines a second, and the test
        // reads the whole output into memory.
        long fullSpeed = 5 * count;
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        for (int t = 0; t < threads; t++) {
            int id = t;
            builder.name("logger-" + t).start(() -> {
                for (long s = 0; !bounded || s < count; s++) {
                    log.info("e", "t", id, "seq", s);
                    returned.set(id, s);
                    if (s >= fullSpeed) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
                    }
                }
            });
        }
        switch (how) {
            case "exit" -> {
                ChildReport.awaitTotal(returned, threads * count);
                Thread exiter = new Thread(() -> {
                    ChildReport.writeAtomically(dir.resolve("returned"), ChildReport.snapshot(returned));
                    System.exit(0);
                }, "exiter");
                exiter.start();
                exiter.join();
            }
            case "sigterm" -> {
                ChildReport.awaitTotal(returned, threads * count);
                ChildReport.writeAtomically(dir.resolve("ready"), "ready");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "return" -> {
                if (virtual) {
                    ChildReport.awaitTotal(returned, threads * count);
                    ChildReport.writeAtomically(dir.resolve("returned"), ChildReport.snapshot(returned));
                } else {
                    Logger main = Fastlog.logger("exit.main");
                    for (int i = 0; i < 10_000; i++) {
                        main.info("main", "seq", i);
                    }
                }
            }
            default -> throw new IllegalArgumentException(how);
        }
    }
}
