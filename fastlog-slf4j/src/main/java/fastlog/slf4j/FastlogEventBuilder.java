package fastlog.slf4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Marker;
import org.slf4j.spi.CallerBoundaryAware;
import org.slf4j.spi.LoggingEventBuilder;

import fastlog.api.Level;
import fastlog.api.Logger;
import fastlog.api.MessageSyntax;

/**
 * The fluent API ({@code log.atInfo().addKeyValue("user_id", 48213).log("user login")}) straight
 * into fastlog: each key/value pair becomes a top-level field, typed as fastlog types it (numbers
 * stay numbers), in call order; markers become {@code tags}; {@code setCause} the
 * {@code exception} field; arguments fill the message's {@code {}} on the writer thread.
 *
 * <p>{@code atInfo()} makes one only when the level is enabled. Up to three pairs and two
 * arguments are held in fields, so the common shapes need no arrays: a call with pairs only (at
 * most three) is fastlog's typed call, one with at most two arguments and nothing else its
 * two-argument pattern call. Suppliers are called on the calling thread when given, as SLF4J's
 * own builder does; one that throws gives a value saying so instead of throwing into the caller.
 * A builder is for one event on one thread; {@code log} may be called once.
 */
final class FastlogEventBuilder implements LoggingEventBuilder, CallerBoundaryAware {

    private static final Object[] NO_ARGS = new Object[0];

    private final Logger fl;
    private final Level level;
    private String message;
    private Throwable cause;

    private int argc;
    private Object a0;
    private Object a1;
    /** All arguments once there are more than two. */
    private Object[] args;

    private int pairs;
    private String k0;
    private Object v0;
    private String k1;
    private Object v1;
    private String k2;
    private Object v2;
    /** Keys and values of all pairs once there are more than three. */
    private Object[] kv;

    private Marker marker;
    /** All markers once there is more than one. */
    private List<Marker> markers;

    FastlogEventBuilder(Logger fl, Level level) {
        this.fl = fl;
        this.level = level;
    }

    @Override
    public LoggingEventBuilder setCause(Throwable cause) {
        this.cause = cause;
        return this;
    }

    // The builder never escapes its methods (slow paths are static and take values, not the
    // builder), so that C2 can scalar-replace it when atInfo()...log() is inlined.

    @Override
    public LoggingEventBuilder addMarker(Marker m) {
        if (m != null) {
            if (marker == null) {
                marker = m;
            } else {
                markers = moreMarkers(markers, marker, m);
            }
        }
        return this;
    }

    @Override
    public LoggingEventBuilder addArgument(Object p) {
        int n = argc;
        if (n == 0) {
            a0 = p;
        } else if (n == 1) {
            a1 = p;
        } else {
            args = moreArgs(args, n, a0, a1, p);
        }
        argc = n + 1;
        return this;
    }

    @Override
    public LoggingEventBuilder addArgument(Supplier<?> objectSupplier) {
        return addArgument(get(objectSupplier));
    }

    @Override
    public LoggingEventBuilder addKeyValue(String key, Object value) {
        int n = pairs;
        if (n == 0) {
            k0 = key;
            v0 = value;
        } else if (n == 1) {
            k1 = key;
            v1 = value;
        } else if (n == 2) {
            k2 = key;
            v2 = value;
        } else {
            kv = morePairs(kv, n, k0, v0, k1, v1, k2, v2, key, value);
        }
        pairs = n + 1;
        return this;
    }

    @Override
    public LoggingEventBuilder addKeyValue(String key, Supplier<Object> valueSupplier) {
        return addKeyValue(key, get(valueSupplier));
    }

    @Override
    public LoggingEventBuilder setMessage(String message) {
        this.message = message;
        return this;
    }

    @Override
    public LoggingEventBuilder setMessage(Supplier<String> messageSupplier) {
        this.message = messageSupplier == null ? null : text(get(messageSupplier));
        return this;
    }

    @Override
    public void setCallerBoundary(String fqcn) {
        // fastlog records no caller location
    }

    @Override
    public void log() {
        if (argc == 0 && cause == null && marker == null && pairs <= 3) {
            logPairs(fl, level, message, pairs, k0, v0, k1, v1, k2, v2);
        } else {
            logGeneral(fl, level, message, cause, argc, a0, a1, args, pairs, k0, v0, k1, v1, k2, v2, kv, marker, markers);
        }
    }

    @Override
    public void log(String message) {
        this.message = message;
        log();
    }

    @Override
    public void log(String message, Object arg) {
        this.message = message;
        addArgument(arg);
        log();
    }

    @Override
    public void log(String message, Object arg0, Object arg1) {
        this.message = message;
        addArgument(arg0);
        addArgument(arg1);
        log();
    }

    @Override
    public void log(String message, Object... args) {
        this.message = message;
        if (args != null) { // SLF4J's own builder throws here; a null array is "no arguments"
            for (Object a : args) {
                addArgument(a);
            }
        }
        log();
    }

    @Override
    public void log(Supplier<String> messageSupplier) {
        this.message = messageSupplier == null ? null : text(get(messageSupplier));
        log();
    }

    /** Pairs (at most three), nothing else: fastlog's typed call; the message is as given. */
    private static void logPairs(Logger fl, Level level, String msg, int pairs,
                                 String k0, Object v0, String k1, Object v1, String k2, Object v2) {
        switch (pairs) {
            case 0 -> fl.log(level, msg);
            case 1 -> {
                switch (level) {
                    case TRACE -> fl.trace(msg, k0, v0);
                    case DEBUG -> fl.debug(msg, k0, v0);
                    case INFO -> fl.info(msg, k0, v0);
                    case WARN -> fl.warn(msg, k0, v0);
                    case ERROR -> fl.error(msg, k0, v0);
                }
            }
            case 2 -> {
                switch (level) {
                    case TRACE -> fl.trace(msg, k0, v0, k1, v1);
                    case DEBUG -> fl.debug(msg, k0, v0, k1, v1);
                    case INFO -> fl.info(msg, k0, v0, k1, v1);
                    case WARN -> fl.warn(msg, k0, v0, k1, v1);
                    case ERROR -> fl.error(msg, k0, v0, k1, v1);
                }
            }
            default -> {
                switch (level) {
                    case TRACE -> fl.trace(msg, k0, v0, k1, v1, k2, v2);
                    case DEBUG -> fl.debug(msg, k0, v0, k1, v1, k2, v2);
                    case INFO -> fl.info(msg, k0, v0, k1, v1, k2, v2);
                    case WARN -> fl.warn(msg, k0, v0, k1, v1, k2, v2);
                    case ERROR -> fl.error(msg, k0, v0, k1, v1, k2, v2);
                }
            }
        }
    }

    /**
     * Everything else: a pattern with arguments (formatted on the writer), cause, tags, pairs.
     * Up to two arguments and nothing else: the core's two-argument form, without arrays.
     */
    private static void logGeneral(Logger fl, Level level, String msg, Throwable cause,
                                   int argc, Object a0, Object a1, Object[] args,
                                   int pairs, String k0, Object v0, String k1, Object v1, String k2, Object v2,
                                   Object[] kv, Marker marker, List<Marker> markers) {
        if (pairs == 0 && marker == null && argc <= 2) {
            switch (argc) {
                case 0 -> fl.logPattern(level, MessageSyntax.SLF4J, msg, (Object[]) null, cause);
                case 1 -> fl.logPattern(level, MessageSyntax.SLF4J, msg, a0, cause);
                default -> fl.logPattern(level, MessageSyntax.SLF4J, msg, a0, a1, cause);
            }
            return;
        }
        Object[] arguments = switch (argc) {
            case 0 -> NO_ARGS;
            case 1 -> new Object[] {a0};
            case 2 -> new Object[] {a0, a1};
            default -> args.length == argc ? args : Arrays.copyOf(args, argc);
        };
        // keys and values in call order (the core makes a null key "null")
        Object[] keysAndValues = switch (pairs) {
            case 0 -> null;
            case 1 -> new Object[] {k0, v0};
            case 2 -> new Object[] {k0, v0, k1, v1};
            case 3 -> new Object[] {k0, v0, k1, v1, k2, v2};
            default -> Arrays.copyOf(kv, 2 * pairs);
        };
        String[] tags = markers != null ? Tags.of(markers) : Tags.of(marker);
        fl.logPattern(level, MessageSyntax.SLF4J, msg, arguments, cause, tags, keysAndValues);
    }

    /** The markers list after adding {@code m}; the first marker is in {@code first}. */
    private static List<Marker> moreMarkers(List<Marker> markers, Marker first, Marker m) {
        List<Marker> out = markers;
        if (out == null) {
            out = new ArrayList<>(4);
            out.add(first);
        }
        out.add(m);
        return out;
    }

    /** The array of all arguments after adding argument number {@code n} (2 or more). */
    private static Object[] moreArgs(Object[] args, int n, Object a0, Object a1, Object p) {
        Object[] out = args;
        if (out == null) {
            out = new Object[8];
            out[0] = a0;
            out[1] = a1;
        } else if (n == out.length) {
            out = Arrays.copyOf(out, 2 * n);
        }
        out[n] = p;
        return out;
    }

    /** The array of all keys and values after adding pair number {@code n} (3 or more). */
    private static Object[] morePairs(Object[] kv, int n, String k0, Object v0, String k1, Object v1,
                                      String k2, Object v2, String key, Object value) {
        Object[] out = kv;
        if (out == null) {
            out = new Object[16];
            out[0] = k0;
            out[1] = v0;
            out[2] = k1;
            out[3] = v1;
            out[4] = k2;
            out[5] = v2;
        } else if (2 * n == out.length) {
            out = Arrays.copyOf(out, 2 * out.length);
        }
        out[2 * n] = key;
        out[2 * n + 1] = value;
        return out;
    }

    /** The supplier's value, called now; never throws into the caller. */
    private static Object get(Supplier<?> supplier) {
        if (supplier == null) {
            return null;
        }
        try {
            return supplier.get();
        } catch (RuntimeException | StackOverflowError e) {
            return "<supplier threw " + e.getClass().getName() + ">";
        }
    }

    /** A supplied message as text (a raw-typed supplier may return anything); never throws. */
    private static String text(Object o) {
        if (o == null || o instanceof String) {
            return (String) o;
        }
        try {
            return String.valueOf(o);
        } catch (RuntimeException | StackOverflowError e) {
            return "<supplier result's toString() threw " + e.getClass().getName() + ">";
        }
    }
}
