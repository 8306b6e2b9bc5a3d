package fastlog.internal.ambient;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import fastlog.api.TraceContextProvider;

/**
 * Finds the {@link TraceContextProvider} with {@link ServiceLoader}, once per JVM, on the first
 * pipeline that asks (so at the first logging call, not when {@code Fastlog} is loaded).
 *
 * <ul>
 *   <li><b>Where.</b> {@code ServiceLoader.load(TraceContextProvider.class, loader of fastlog)}:
 *       the {@code provides} clauses of named modules (module {@code fastlog} {@code uses} the
 *       service), then {@code META-INF/services} files on the class path. fastlog's own class
 *       loader, not the thread's context loader, so the answer does not depend on which thread
 *       logs first.</li>
 *   <li><b>None.</b> No provider: events carry no trace fields and pay one check.</li>
 *   <li><b>Several.</b> The one whose class name {@code -Dfastlog.traceProvider} /
 *       {@code FASTLOG_TRACE_PROVIDER} names; without that setting, the first found (module path
 *       before class path, then class-path order), with one stderr line naming all of them.</li>
 *   <li><b>Broken.</b> A provider that cannot be loaded or instantiated (a missing OpenTelemetry
 *       API jar, a constructor that throws) is skipped with one stderr line; logging goes on.</li>
 * </ul>
 * A provider must not log from its constructor: that logging call would start fastlog before
 * discovery finished, without a provider.
 */
public final class TraceProviders {

    private TraceProviders() {
    }

    /**
     * The provider for pipelines that were not given one: the discovered one, or null (none found,
     * or {@code choice} is {@code none}). {@code choice} is a class name, {@code none}, or null /
     * {@code auto} for the discovery rule above. Reports problems on {@code errors}.
     */
    public static TraceContextProvider<?> discovered(String choice, PrintStream errors) {
        if (choice != null && choice.equalsIgnoreCase("none")) {
            return null;
        }
        return choose(Found.ALL, choice == null || choice.equalsIgnoreCase("auto") ? null : choice, errors);
    }

    static TraceContextProvider<?> choose(List<TraceContextProvider<?>> found, String className, PrintStream errors) {
        if (className != null) {
            for (TraceContextProvider<?> p : found) {
                if (p.getClass().getName().equals(className)) {
                    return p;
                }
            }
            errors.println("fastlog: trace context provider " + className + " (from fastlog.traceProvider) was not found"
                    + " among " + names(found) + "; events carry no trace fields");
            return null;
        }
        if (found.size() > 1) {
            errors.println("fastlog: " + found.size() + " trace context providers found " + names(found) + "; using "
                    + found.get(0).getClass().getName() + " (choose one with -Dfastlog.traceProvider=<class name>)");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String names(List<TraceContextProvider<?>> found) {
        List<String> names = new ArrayList<>();
        for (TraceContextProvider<?> p : found) {
            names.add(p.getClass().getName());
        }
        return names.toString();
    }

    /** Every provider that loads, in ServiceLoader order; each failure reported on stderr. */
    static List<TraceContextProvider<?>> load(ClassLoader loader, PrintStream errors) {
        List<TraceContextProvider<?>> found = new ArrayList<>();
        try {
            @SuppressWarnings("rawtypes")
            Iterator<TraceContextProvider> it = ServiceLoader.load(TraceContextProvider.class, loader).iterator();
            // Bounded: should the iterator fail on the same entry again and again, give up.
            for (int failures = 0; failures < 16; ) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    failures++;
                    errors.println("fastlog: a trace context provider could not be loaded and is skipped: " + e
                            + (e.getCause() != null ? " (cause: " + e.getCause() + ")" : ""));
                }
            }
        } catch (Throwable t) {
            errors.println("fastlog: looking for trace context providers failed; events carry no trace fields: " + t);
        }
        return found;
    }

    /** The providers of this JVM, loaded when first needed. */
    private static final class Found {
        static final List<TraceContextProvider<?>> ALL = load(TraceProviders.class.getClassLoader(), System.err);
    }
}
