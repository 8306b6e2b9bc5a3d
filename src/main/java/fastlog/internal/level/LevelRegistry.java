package fastlog.internal.level;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import fastlog.internal.record.LevelSetting;

/**
 * Owns one {@link LevelSetting} per logger name and keeps each one's threshold equal to its
 * effective level: the level set for the nearest name prefix at a dot boundary ({@code "com.acme"}
 * covers {@code "com.acme.db.Pool"}), else the global level.
 *
 * <p>Level changes and new names are rare; they take a lock (a {@link ReentrantLock}, which
 * never pins a virtual thread) so a change and a new logger cannot race. Reading a level on the
 * logging path is one volatile load in the logger's own setting, no lookup.
 */
public final class LevelRegistry {

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<String, LevelSetting> settings = new ConcurrentHashMap<>();
    private final Map<String, Integer> explicit = new HashMap<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile int global;

    public LevelRegistry(int globalThreshold) {
        this.global = globalThreshold;
    }

    /** The setting shared by every logger with this name. */
    public LevelSetting setting(String name) {
        LevelSetting s = settings.get(name);
        if (s != null) {
            return s;
        }
        lock.lock();
        try {
            return settings.computeIfAbsent(name, n -> new LevelSetting(effective(n)));
        } finally {
            lock.unlock();
        }
    }

    public int global() {
        return global;
    }

    public void setGlobal(int threshold) {
        lock.lock();
        try {
            global = threshold;
            recomputeAll();
        } finally {
            lock.unlock();
        }
        notifyListeners();
    }

    /** Sets ({@code threshold >= 0}) or clears ({@code threshold < 0}) the level of a name prefix. */
    public void setForName(String name, int threshold) {
        lock.lock();
        try {
            if (threshold < 0) {
                explicit.remove(name);
            } else {
                explicit.put(name, threshold);
            }
            recomputeAll();
        } finally {
            lock.unlock();
        }
        notifyListeners();
    }

    /** The thresholds set for name prefixes ({@link #setForName}): a snapshot. */
    public Map<String, Integer> explicitSnapshot() {
        lock.lock();
        try {
            return Map.copyOf(explicit);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code listener} after every later change, on the changing thread, outside the lock. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                System.err.println("fastlog: a level listener failed: " + e);
            }
        }
    }

    private void recomputeAll() {
        for (Map.Entry<String, LevelSetting> e : settings.entrySet()) {
            e.getValue().threshold(effective(e.getKey()));
        }
    }

    /** Caller holds the lock. */
    private int effective(String name) {
        String n = name;
        for (;;) {
            Integer t = explicit.get(n);
            if (t != null) {
                return t;
            }
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return global;
            }
            n = n.substring(0, dot);
        }
    }
}
