package fastlog.internal.context;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each thread's {@link ThreadFieldsFrame} lives, without a ThreadLocal: a map from thread to
 * frame that holds only non-empty frames, so a thread that never sets a field, or whose fields
 * became empty, keeps nothing at all (a ThreadLocal would leave an entry, and a map, on every
 * thread that ever asked).
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> A thread changes only its own frame ({@link #set}); any thread reads
 *       its own frame ({@link #current}) on every logging call; the writer thread calls
 *       {@link #sweepDead}.</li>
 *   <li><b>Counters.</b> {@code IN_USE[slot(thread id)]} counts the threads of that slot that
 *       have a frame in {@code LIVE}. A thread increments its slot ({@code getAndAdd}: no update
 *       on the slot is lost) before it puts its first frame, and decrements it after it removed
 *       its last one. {@link #current} reads the slot (opaque) first and looks in {@code LIVE} only
 *       if it is not zero: one load and no allocation for a thread without fields, whatever the
 *       others do.</li>
 *   <li><b>No false "none".</b> A thread's own increment precedes its own lookups in program
 *       order, so its opaque read sees it, or a later value that still includes it: a thread
 *       with fields always looks in {@code LIVE}, where only it writes its entry. Other threads'
 *       counts only cost a {@code LIVE} lookup that misses.</li>
 *   <li><b>Dead threads.</b> A thread that ends with fields set (a task that forgot to clear its
 *       MDC) would pin its entry; the writer's {@link #sweepDead} removes entries of threads that
 *       are no longer alive ({@code remove(key, value)}, then the decrement). A dead thread cannot
 *       race it.</li>
 * </ul>
 */
public final class ThreadFieldsStore {

    /** Slots for the counters: a power of two; 16 KB. */
    static final int SLOTS = 4096;
    private static final int[] IN_USE = new int[SLOTS];
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final ConcurrentHashMap<Thread, ThreadFieldsFrame> LIVE = new ConcurrentHashMap<>();

    private ThreadFieldsStore() {
    }

    /** The calling thread's fields, or null if it has none. One opaque load when its slot is empty. */
    public static ThreadFieldsFrame current() {
        Thread t = Thread.currentThread();
        if ((int) COUNT.getOpaque(IN_USE, FallbackContextStore.slot(t.threadId())) == 0) {
            return null; // no thread of this slot has fields, so neither has this one
        }
        return LIVE.get(t);
    }

    /** Replaces the calling thread's fields; null (or an empty frame) drops all of its state. */
    public static void set(ThreadFieldsFrame frame) {
        Thread t = Thread.currentThread();
        int slot = FallbackContextStore.slot(t.threadId());
        boolean had = (int) COUNT.getOpaque(IN_USE, slot) != 0 && LIVE.containsKey(t);
        if (frame == null || frame.size() == 0) {
            if (had) {
                LIVE.remove(t);
                COUNT.getAndAdd(IN_USE, slot, -1);
            }
        } else {
            if (!had) {
                COUNT.getAndAdd(IN_USE, slot, 1);
            }
            LIVE.put(t, frame);
        }
    }

    public static void put(String key, String value) {
        set(ThreadFieldsFrame.with(current(), key, value));
    }

    public static void remove(String key) {
        ThreadFieldsFrame f = current();
        if (f != null) {
            set(ThreadFieldsFrame.without(f, key));
        }
    }

    public static String get(String key) {
        ThreadFieldsFrame f = current();
        return f == null ? null : f.get(key);
    }

    /** A copy of the calling thread's fields in insertion order, or null if it has none. */
    public static Map<String, String> copy() {
        ThreadFieldsFrame f = current();
        return f == null ? null : f.toMap();
    }

    /** Replaces the calling thread's fields by the map's entries (null keys skipped). */
    public static void replaceAll(Map<?, ?> fields) {
        set(fields == null ? null : ThreadFieldsFrame.of(fields));
    }

    /** Writer thread: forgets the fields of threads that ended without clearing them. */
    public static void sweepDead() {
        if (LIVE.isEmpty()) {
            return;
        }
        for (Map.Entry<Thread, ThreadFieldsFrame> e : LIVE.entrySet()) {
            Thread t = e.getKey();
            if (!t.isAlive() && LIVE.remove(t, e.getValue())) {
                COUNT.getAndAdd(IN_USE, FallbackContextStore.slot(t.threadId()), -1);
            }
        }
    }

    /** Threads that currently hold fields (for statistics and tests). */
    public static int threadsWithFields() {
        return LIVE.size();
    }
}
