package fastlog.jdk;

import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import fastlog.api.Fastlog;
import fastlog.api.Level;

/**
 * Routes java.util.logging to fastlog with one call, and keeps JUL's levels equal to fastlog's so
 * that a disabled JUL call costs JUL's own level check and nothing more (no {@code LogRecord}, no
 * handler).
 *
 * <pre>{@code
 * FastlogJul.install();   // early in main
 * java.util.logging.Logger.getLogger("com.acme.db").info("connected");
 * // {"ts":"...","level":"INFO","logger":"com.acme.db","msg":"connected"}
 * }</pre>
 *
 * <p>{@link #install()}:
 * <ol>
 *   <li>{@code LogManager.reset()}: every handler is closed and removed (the JDK's default
 *       {@code ConsoleHandler} on the root logger included), every logger's level is cleared.
 *       Loggers that had {@code useParentHandlers} off and are now left without a handler get it
 *       back on, so their records reach the root.</li>
 *   <li>A {@link FastlogHandler} on the root logger.</li>
 *   <li>Level mirroring: the root logger's level follows fastlog's global level, and each logger
 *       name that has a level of its own in fastlog ({@link Fastlog#levels()}) gets the same
 *       level in JUL (strongly referenced here, because LogManager forgets a logger's level when
 *       nobody holds the logger). JUL and fastlog both apply the nearest level set for a prefix of
 *       the name at a dot, so every JUL logger, existing or future, then enables exactly what
 *       fastlog enables (for fastlog's INFO, JUL's threshold is between FINE and CONFIG: CONFIG
 *       maps to INFO; see {@link FastlogHandler} for the mapping).</li>
 *   <li>Re-mirroring on every fastlog level change ({@link Fastlog#setLevel(Level)},
 *       {@link Fastlog#setLevel(String, Level)}) and after every JUL re-configuration
 *       ({@code LogManager.readConfiguration}, {@code updateConfiguration}), which also puts the
 *       handler back on the root if the new configuration has none. LevelMapping or handlers the new
 *       configuration sets for other loggers are left as configured.</li>
 * </ol>
 *
 * <p>A JUL level set directly on some logger afterwards ({@code Logger.setLevel}) is JUL's own
 * filter for that subtree; fastlog's level still applies after it. After a plain
 * {@code LogManager.reset()} (which notifies no one) call {@link #install()} again: when already
 * installed it puts the handler back and re-mirrors the levels.
 */
public final class FastlogJul {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Runnable ON_LEVEL_CHANGE = FastlogJul::mirrorLevels;
    private static final Runnable ON_RECONFIGURATION = FastlogJul::reconfigured;

    // Guarded by LOCK.
    private static boolean installed;
    private static FastlogHandler handler;
    private static Logger root;
    private static Map<String, Logger> mirrored = new HashMap<>();

    private FastlogJul() {
    }

    /**
     * Routes java.util.logging to fastlog and mirrors fastlog's levels into JUL (see the class
     * description). Idempotent: a later call only puts the handler back on the root if it is
     * missing and re-mirrors the levels.
     */
    public static void install() {
        LOCK.lock();
        try {
            if (installed) {
                ensureHandler();
                mirrorLevels();
                return;
            }
            LogManager manager = LogManager.getLogManager();
            manager.reset();
            root = Logger.getLogger("");
            reattachOrphans(manager);
            handler = new FastlogHandler();
            root.addHandler(handler);
            installed = true;
            // Listeners first: a change racing with this call then re-mirrors after it.
            Fastlog.addLevelListener(ON_LEVEL_CHANGE);
            manager.addConfigurationListener(ON_RECONFIGURATION);
            mirrorLevels();
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Undoes {@link #install()} as far as it cheaply can: removes the handler and the listeners,
     * clears the levels it set (the root logger's goes back to INFO, JUL's default). It does not
     * bring back the handlers {@code install()} removed; {@code LogManager.readConfiguration()}
     * does. Does nothing if not installed.
     */
    public static void uninstall() {
        LOCK.lock();
        try {
            if (!installed) {
                return;
            }
            installed = false;
            Fastlog.removeLevelListener(ON_LEVEL_CHANGE);
            LogManager.getLogManager().removeConfigurationListener(ON_RECONFIGURATION);
            root.removeHandler(handler);
            for (Logger l : mirrored.values()) {
                l.setLevel(null);
            }
            root.setLevel(java.util.logging.Level.INFO);
            mirrored = new HashMap<>();
            handler = null;
            root = null;
        } finally {
            LOCK.unlock();
        }
    }

    /** Whether {@link #install()} is in effect. */
    public static boolean isInstalled() {
        LOCK.lock();
        try {
            return installed;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Sets JUL's levels from fastlog's current ones. Reads fastlog's levels under the lock, so the
     * last run (every change runs it after the change) leaves the latest levels.
     */
    private static void mirrorLevels() {
        LOCK.lock();
        try {
            if (!installed) {
                return;
            }
            Level global = Fastlog.level();
            Map<String, Level> explicit = Fastlog.levels();
            // fastlog's "" applies to the logger named "" only (the JUL root's records), JUL's
            // root level to every logger without one: take the more permissive of the two.
            Level rootLevel = global;
            Level ownRoot = explicit.get("");
            if (ownRoot != null && ownRoot.compareTo(global) < 0) {
                rootLevel = ownRoot;
            }
            root.setLevel(LevelMapping.julThreshold(rootLevel));
            Map<String, Logger> next = new HashMap<>();
            for (Map.Entry<String, Level> e : explicit.entrySet()) {
                String name = e.getKey();
                if (name.isEmpty()) {
                    continue;
                }
                Logger jul = mirrored.get(name);
                if (jul == null) {
                    jul = Logger.getLogger(name);
                }
                jul.setLevel(LevelMapping.julThreshold(e.getValue()));
                next.put(name, jul);
            }
            for (Map.Entry<String, Logger> e : mirrored.entrySet()) {
                if (!next.containsKey(e.getKey())) {
                    e.getValue().setLevel(null);
                }
            }
            mirrored = next;
        } finally {
            LOCK.unlock();
        }
    }

    private static void reconfigured() {
        LOCK.lock();
        try {
            if (installed) {
                ensureHandler();
                mirrorLevels();
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Puts the handler on the root unless it (or another FastlogHandler) is there. */
    private static void ensureHandler() {
        for (Handler h : root.getHandlers()) {
            if (h instanceof FastlogHandler) {
                return;
            }
        }
        root.addHandler(handler);
    }

    private static void reattachOrphans(LogManager manager) {
        for (Enumeration<String> names = manager.getLoggerNames(); names.hasMoreElements(); ) {
            Logger l = manager.getLogger(names.nextElement());
            if (l != null && l != root && !l.getUseParentHandlers() && l.getHandlers().length == 0) {
                l.setUseParentHandlers(true);
            }
        }
    }
}
