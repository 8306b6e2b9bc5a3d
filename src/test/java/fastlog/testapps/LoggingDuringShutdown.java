package fastlog.testapps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child program: events logged from the application's own shutdown hooks and after
 * {@code Fastlog.shutdown()}. Main logs {@code "main", "seq", i}; hook h logs
 * {@code "hook", "h", h, "seq", i} on logger "hooks.hook".
 *
 * <p>Arguments: {@code how perHook}
 * <ul>
 *   <li>{@code exit} / {@code return}: four hooks race fastlog's own hook: h0 logs at once (it is
 *       registered before fastlog starts), h1 logs one event per millisecond (so its events fall
 *       before, during and after fastlog's shutdown), h2 sleeps 100 ms first, h3 first calls
 *       {@code Fastlog.shutdown()} (which waits for the shutdown in progress). Main logs 10,000
 *       events, then calls System.exit(0) or returns.</li>
 *   <li>{@code halt-in-hook}: one hook calls {@code Fastlog.shutdown()}, logs its events and then
 *       {@code Runtime.halt(0)}: anything not written before the logging calls returned is
 *       gone.</li>
 *   <li>{@code halt-after-shutdown}: four threads ("hooks.thread", {@code "t", t, "seq", i}) log
 *       {@code perHook} events each while main calls {@code Fastlog.shutdown()} part-way through;
 *       main joins them, logs 1,000 events ("after"), then {@code Runtime.halt(0)}.</li>
 * </ul>
 */
public final class LoggingDuringShutdown {

    public static void main(String[] args) throws Exception {
        String how = args[0];
        int perHook = Integer.parseInt(args[1]);
        Logger main = Fastlog.logger("hooks.main");
        Logger hookLog = Fastlog.logger("hooks.hook");
        switch (how) {
            case "exit", "return" -> {
                hook(0, () -> {
                    for (int i = 0; i < perHook; i++) {
                        hookLog.info("hook", "h", 0, "seq", i);
                    }
                });
                for (int i = 0; i < 5_000; i++) {
                    main.info("main", "seq", i); // the first call starts fastlog and registers its hook
                }
                hook(1, () -> {
                    for (int i = 0; i < perHook; i++) {
                        hookLog.info("hook", "h", 1, "seq", i);
                        if (i < 300) {
                            sleep(1);
                        }
                    }
                });
                hook(2, () -> {
                    sleep(100);
                    for (int i = 0; i < perHook; i++) {
                        hookLog.info("hook", "h", 2, "seq", i);
                    }
                });
                hook(3, () -> {
                    Fastlog.shutdown();
                    for (int i = 0; i < perHook; i++) {
                        hookLog.info("hook", "h", 3, "seq", i);
                    }
                });
                for (int i = 5_000; i < 10_000; i++) {
                    main.info("main", "seq", i);
                }
                if (how.equals("exit")) {
                    System.exit(0);
                }
            }
            case "halt-in-hook" -> {
                hook(0, () -> {
                    Fastlog.shutdown();
                    for (int i = 0; i < perHook; i++) {
                        hookLog.info("hook", "h", 0, "seq", i);
                    }
                    Runtime.getRuntime().halt(0);
                });
                for (int i = 0; i < 10_000; i++) {
                    main.info("main", "seq", i);
                }
            }
            case "halt-after-shutdown" -> {
                for (int i = 0; i < 10_000; i++) {
                    main.info("main", "seq", i);
                }
                Logger threadLog = Fastlog.logger("hooks.thread");
                AtomicLongArray returned = new AtomicLongArray(4);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    threads.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < perHook; i++) {
                            threadLog.info("t", "t", id, "seq", i);
                            returned.set(id, i);
                        }
                    }));
                }
                ChildReport.awaitAll(returned, perHook / 4);
                Fastlog.shutdown();
                for (Thread t : threads) {
                    t.join();
                }
                Logger after = Fastlog.logger("hooks.after");
                for (int i = 0; i < 1_000; i++) {
                    after.info("after", "seq", i);
                }
                Runtime.getRuntime().halt(0);
            }
            default -> throw new IllegalArgumentException(how);
        }
    }

    private static void hook(int id, Runnable body) {
        Runtime.getRuntime().addShutdownHook(new Thread(body, "app-hook-" + id));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
