package fastlog.testapps;

import java.lang.reflect.Method;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;

/**
 * Child-JVM program for {@code ScopedValueCacheIT} (the packaged jar on the class path, so the
 * Java 25 {@code ScopedValue} store; needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}).
 * Virtual threads, one at a time, each log 3 events inside a scope (as a request does) and then
 * look at their own {@code ScopedValue} lookup cache ({@code Thread.scopedValueCache()}), inside
 * the scope and after it. A control thread looks up a {@code ScopedValue} of its own, to show that
 * the probe sees a cache when there is one. Prints
 * {@code threads=N with_cache_inside=I with_cache_after=A control_with_cache=C} on stderr.
 */
public final class ScopedValueCacheProbe {

    private static final Method CACHE;

    static {
        try {
            CACHE = Thread.class.getDeclaredMethod("scopedValueCache");
            CACHE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static boolean hasCache() {
        try {
            return CACHE.invoke(null) != null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The control: binds and looks up a ScopedValue of its own (through reflection: the tests are
     * compiled for Java 21, where ScopedValue is a preview API). True if that left a cache.
     */
    private static boolean ownLookupLeavesCache() {
        try {
            Class<?> sv = Class.forName("java.lang.ScopedValue");
            Object own = sv.getMethod("newInstance").invoke(null);
            Object carrier = sv.getMethod("where", sv, Object.class).invoke(null, own, "x");
            Method get = sv.getMethod("get");
            carrier.getClass().getMethod("run", Runnable.class).invoke(carrier, (Runnable) () -> {
                try {
                    get.invoke(own);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            return hasCache();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        Logger log = Fastlog.logger("probe");
        int[] inside = new int[1];
        int[] after = new int[1];
        for (int i = 0; i < threads; i++) {
            String id = "r-" + i;
            Thread.ofVirtual().start(() -> {
                LogContext.where("request_id", id).run(() -> {
                    for (int step = 0; step < 3; step++) {
                        log.info("request step", "step", step);
                    }
                    inside[0] += hasCache() ? 1 : 0; // threads run one at a time: join() orders these
                });
                after[0] += hasCache() ? 1 : 0;
            }).join();
        }
        boolean[] control = new boolean[1];
        Thread.ofVirtual().start(() -> control[0] = ownLookupLeavesCache()).join();
        Fastlog.shutdown();
        System.err.printf("threads=%d with_cache_inside=%d with_cache_after=%d control_with_cache=%d%n",
                threads, inside[0], after[0], control[0] ? 1 : 0);
    }
}
