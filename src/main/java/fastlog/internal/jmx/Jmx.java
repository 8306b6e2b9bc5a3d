package fastlog.internal.jmx;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registers and unregisters the MBean without making {@code java.management} necessary: this
 * class uses only {@code java.base}, checks that the module is readable, and only then touches
 * {@link PlatformRegistration}. Failures (module missing, name taken by another copy of fastlog,
 * a security manager) are reported once on stderr and logging goes on.
 *
 * <p>Called by {@code Fastlog} when a pipeline starts (register) and at {@code Fastlog.shutdown()}
 * (unregister). The flag makes both idempotent; start and shutdown do not run concurrently in
 * practice, and if they did the worst case is an MBean left registered until the next shutdown.
 */
public final class Jmx {

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Jmx() {
    }

    /** Registers {@code fastlog:type=Logging} unless it is registered already. */
    public static void register(PrintStream err) {
        if (!available()) {
            warnOnce(err, "JMX is on but module java.management is not in the runtime"
                    + " (on the module path add --add-modules java.management); going on without the MBean");
            return;
        }
        if (!REGISTERED.compareAndSet(false, true)) {
            return;
        }
        try {
            PlatformRegistration.register();
        } catch (Exception | LinkageError e) {
            REGISTERED.set(false);
            warnOnce(err, "could not register the JMX MBean fastlog:type=Logging: " + e + "; going on without it");
        }
    }

    /** Unregisters it if this class registered it. */
    public static void unregister() {
        if (REGISTERED.compareAndSet(true, false)) {
            try {
                PlatformRegistration.unregister();
            } catch (Exception | LinkageError ignored) {
                // nothing to report: the MBean server is going away or the MBean is gone
            }
        }
    }

    /** Whether {@code java.management} is in the runtime and fastlog's module reads it. */
    static boolean available() {
        Module self = Jmx.class.getModule();
        ModuleLayer layer = self.getLayer() != null ? self.getLayer() : ModuleLayer.boot();
        Optional<Module> management = layer.findModule("java.management");
        return management.isPresent() && self.canRead(management.get());
    }

    private static void warnOnce(PrintStream err, String message) {
        if (WARNED.compareAndSet(false, true)) {
            err.println("fastlog: " + message);
        }
    }
}
