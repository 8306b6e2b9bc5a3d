package fastlog.testapps;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;

/**
 * Child-JVM program for {@code FallbackContextStoreTest} (class path, so the Java 21 fallback;
 * needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}). After a scope has run on the main
 * thread, virtual threads log once outside any scope and then look into their own
 * {@code ThreadLocalMap}: does it exist, and does it hold an entry for the fallback store's
 * ThreadLocal? Phase "idle": no other thread is inside a scope meanwhile. Phase "busy": holder
 * threads sit inside scopes (enough to make every counter slot non-zero) while the loggers log.
 * Prints {@code phase=P threads=N with_map=M with_entry=E} per phase on stderr.
 */
public final class OutOfScopeLogging {

    private static final Field THREAD_LOCALS;
    private static final Object STORE;

    static {
        try {
            THREAD_LOCALS = Thread.class.getDeclaredField("threadLocals");
            THREAD_LOCALS.setAccessible(true);
            Field store = Class.forName("fastlog.internal.context.FallbackContextStore").getDeclaredField("CURRENT");
            store.setAccessible(true);
            STORE = store.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int holders = Integer.parseInt(args[1]);
        Logger log = Fastlog.logger("outside");
        LogContext.where("scope", "main").run(() -> log.info("inside on main"));

        report("idle", log, threads);

        CountDownLatch entered = new CountDownLatch(holders);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> hs = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            hs.add(Thread.ofVirtual().start(() -> LogContext.where("scope", "holder").run(() -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                log.info("inside on holder");
            })));
        }
        entered.await();
        report("busy", log, threads);
        release.countDown();
        for (Thread h : hs) {
            h.join();
        }
        Fastlog.flush();
    }

    private static void report(String phase, Logger log, int threads) throws Exception {
        AtomicInteger withMap = new AtomicInteger();
        AtomicInteger withEntry = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            ts.add(Thread.ofVirtual().start(() -> {
                log.info("outside", "phase", phase, "n", n);
                Object map = get(THREAD_LOCALS, Thread.currentThread());
                if (map != null) {
                    withMap.incrementAndGet();
                    if (hasEntryFor(map, STORE)) {
                        withEntry.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        System.err.println("phase=" + phase + " threads=" + threads + " with_map=" + withMap + " with_entry=" + withEntry);
    }

    private static boolean hasEntryFor(Object map, Object threadLocal) {
        try {
            Field table = map.getClass().getDeclaredField("table");
            table.setAccessible(true);
            for (Object e : (Object[]) table.get(map)) {
                if (e != null && ((Reference<?>) e).get() == threadLocal) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
