package fastlog.slf4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.spi.MDCAdapter;

import fastlog.api.ThreadFields;

/**
 * SLF4J's MDC over fastlog's per-thread fields ({@link ThreadFields}): every event the thread
 * logs, through SLF4J or {@code fastlog.api}, carries the MDC entries as fields, with the lowest
 * precedence (a scoped, bound or call field with the same key wins).
 *
 * <p>No ThreadLocal anywhere: a thread that never touches the MDC keeps nothing, and one whose
 * MDC became empty again (last {@code remove}, {@code clear}, {@code setContextMap} of an empty
 * map) drops all of its state. {@link #getCopyOfContextMap()} returns null when the thread has
 * no entries (as Logback does for a fresh thread). Child threads do not inherit the MDC.
 *
 * <p><b>Deques</b> ({@link #pushByKey} and friends) are per thread and per key, separate from the
 * entries and not written on events (as in Logback and SLF4J's {@code BasicMDCAdapter}). They are
 * kept here, in a map from thread to its stacks that holds only threads with a non-empty stack:
 * popping the last value, or {@link #clearDequeByKey}, drops the thread's state, and a thread that
 * never pushes costs one read of a shared counter. {@code popByKey} of an empty or unknown stack
 * returns null; null keys are ignored; null values are kept. {@link #clear()} clears the entries,
 * not the deques (as in Logback). Stacks of threads that ended without emptying them are dropped
 * the next time the map has grown enough to be swept.
 */
final class FastlogMDCAdapter implements MDCAdapter {

    /** Stacks of each thread that has at least one non-empty stack: owner thread writes only. */
    private static final ConcurrentHashMap<Thread, Map<String, ArrayList<String>>> DEQUES = new ConcurrentHashMap<>();
    /** {@code DEQUES.size()}, read first so that threads without deques never touch the map. */
    private static final AtomicInteger THREADS_WITH_DEQUES = new AtomicInteger();
    /** Sweep dead threads' stacks when the map reaches this size; then twice the live size. */
    private static volatile int sweepAt = 64;
    private static final AtomicBoolean SWEEPING = new AtomicBoolean();

    FastlogMDCAdapter() {
    }

    // ---------------------------------------------------------------- entries

    /**
     * Sets {@code key} for the calling thread; {@code val} may be null (written as JSON null).
     *
     * @throws IllegalArgumentException if {@code key} is null (as Logback; {@code MDC.put} checks first)
     */
    @Override
    public void put(String key, String val) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        ThreadFields.put(key, val);
    }

    @Override
    public String get(String key) {
        return ThreadFields.get(key);
    }

    @Override
    public void remove(String key) {
        ThreadFields.remove(key);
    }

    @Override
    public void clear() {
        ThreadFields.clear();
    }

    /** A copy of the calling thread's entries, in insertion order; null if it has none. */
    @Override
    public Map<String, String> getCopyOfContextMap() {
        return ThreadFields.copy();
    }

    /**
     * Replaces the calling thread's entries by a copy of {@code contextMap} (null keys skipped,
     * non-String values of raw-typed maps as text); null or empty clears them.
     */
    @Override
    public void setContextMap(Map<String, String> contextMap) {
        ThreadFields.replaceAll(contextMap == null || allStrings(contextMap) ? contextMap : asText(contextMap));
    }

    /** Whether every key and value is a String or null (a raw-typed caller may pass anything). */
    private static boolean allStrings(Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            Object v = e.getValue();
            if ((k != null && !(k instanceof String)) || (v != null && !(v instanceof String))) {
                return false;
            }
        }
        return true;
    }

    /** The map with keys and values as text, made so that a failing toString() does not throw. */
    private static Map<String, String> asText(Map<?, ?> m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() != null) {
                out.put(text(e.getKey()), e.getValue() == null ? null : text(e.getValue()));
            }
        }
        return out;
    }

    private static String text(Object o) {
        try {
            String s = String.valueOf(o);
            return s != null ? s : "null";
        } catch (RuntimeException | StackOverflowError e) {
            return "<toString() threw " + e.getClass().getName() + " for " + o.getClass().getName() + ">";
        }
    }

    // ---------------------------------------------------------------- deques

    @Override
    public void pushByKey(String key, String value) {
        if (key == null) {
            return;
        }
        Thread t = Thread.currentThread();
        Map<String, ArrayList<String>> stacks = THREADS_WITH_DEQUES.get() == 0 ? null : DEQUES.get(t);
        if (stacks == null) {
            stacks = new HashMap<>(4);
            THREADS_WITH_DEQUES.incrementAndGet();
            DEQUES.put(t, stacks);
            if (DEQUES.size() >= sweepAt) {
                sweepDeadThreads();
            }
        }
        stacks.computeIfAbsent(key, k -> new ArrayList<>(4)).add(value);
    }

    /** Removes and returns the top of {@code key}'s stack; null if the stack is empty or absent. */
    @Override
    public String popByKey(String key) {
        Map<String, ArrayList<String>> stacks = stacks();
        if (stacks == null || key == null) {
            return null;
        }
        ArrayList<String> stack = stacks.get(key);
        if (stack == null) {
            return null;
        }
        String top = stack.remove(stack.size() - 1);
        if (stack.isEmpty()) {
            dropKey(stacks, key);
        }
        return top;
    }

    /** A copy of {@code key}'s stack, top first; null if it is empty or absent. */
    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        Map<String, ArrayList<String>> stacks = stacks();
        ArrayList<String> stack = stacks == null || key == null ? null : stacks.get(key);
        if (stack == null) {
            return null;
        }
        Deque<String> copy = stack.contains(null) ? new LinkedList<>() : new ArrayDeque<>(stack.size());
        for (int i = stack.size() - 1; i >= 0; i--) {
            copy.addLast(stack.get(i));
        }
        return copy;
    }

    @Override
    public void clearDequeByKey(String key) {
        Map<String, ArrayList<String>> stacks = stacks();
        if (stacks != null && key != null && stacks.containsKey(key)) {
            dropKey(stacks, key);
        }
    }

    /** The calling thread's stacks, or null; one counter read for a thread that never pushed. */
    private static Map<String, ArrayList<String>> stacks() {
        return THREADS_WITH_DEQUES.get() == 0 ? null : DEQUES.get(Thread.currentThread());
    }

    private static void dropKey(Map<String, ArrayList<String>> stacks, String key) {
        stacks.remove(key);
        if (stacks.isEmpty() && DEQUES.remove(Thread.currentThread(), stacks)) {
            THREADS_WITH_DEQUES.decrementAndGet();
        }
    }

    /**
     * Forgets the stacks of threads that ended with a non-empty stack. Any thread may run it; one
     * at a time (a thread that finds a sweep running skips it). A dead thread cannot race it.
     */
    static void sweepDeadThreads() {
        if (!SWEEPING.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Map.Entry<Thread, Map<String, ArrayList<String>>> e : DEQUES.entrySet()) {
                if (!e.getKey().isAlive() && DEQUES.remove(e.getKey(), e.getValue())) {
                    THREADS_WITH_DEQUES.decrementAndGet();
                }
            }
            sweepAt = Math.max(64, 2 * DEQUES.size());
        } finally {
            SWEEPING.set(false);
        }
    }

    /** Threads that currently hold deque state (for tests). */
    static int threadsWithDeques() {
        return DEQUES.size();
    }
}
