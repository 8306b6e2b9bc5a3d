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

    @Override
    public LoggingEventBuilder addMarker(Marker m) {
        if (m == null) {
            return this;
        }
        if (marker == null && markers == null) {
            marker = m;
        } else {
            if (markers == null) {
                markers = new ArrayList<>(4);
                markers.add(marker);
            }
            markers.add(m);
        }
        return this;
    }

    @Override
    public LoggingEventBuilder addArgument(Object p) {
        switch (argc) {
            case 0 -> a0 = p;
            case 1 -> a1 = p;
            case 2 -> {
                args = new Object[8];
                args[0] = a0;
                args[1] = a1;
                args[2] = p;
            }
            default -> {
                if (argc == args.length) {
                    args = Arrays.copyOf(args, 2 * argc);
                }
                args[argc] = p;
            }
        }
        argc++;
        return this;
    }

    @Override
    public LoggingEventBuilder addArgument(Supplier<?> objectSupplier) {
        return addArgument(get(objectSupplier));
    }

    @Override
    public LoggingEventBuilder addKeyValue(String key, Object value) {
        switch (pairs) {
            case 0 -> { k0 = key; v0 = value; }
            case 1 -> { k1 = key; v1 = value; }
            case 2 -> { k2 = key; v2 = value; }
            case 3 -> {
                kv = new Object[16];
                kv[0] = k0;
                kv[1] = v0;
                kv[2] = k1;
                kv[3] = v1;
                kv[4] = k2;
                kv[5] = v2;
                kv[6] = key;
                kv[7] = value;
            }
            default -> {
                if (2 * pairs == kv.length) {
                    kv = Arrays.copyOf(kv, 2 * kv.length);
                }
                kv[2 * pairs] = key;
                kv[2 * pairs + 1] = value;
            }
        }
        pairs++;
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
            logPairsOnly();
        } else if (pairs == 0 && marker == null && argc <= 2) {
            switch (argc) {
                case 0 -> fl.logPattern(level, MessageSyntax.SLF4J, message, (Object[]) null, cause);
                case 1 -> fl.logPattern(level, MessageSyntax.SLF4J, message, a0, cause);
                default -> fl.logPattern(level, MessageSyntax.SLF4J, message, a0, a1, cause);
            }
        } else {
            fl.logPattern(level, MessageSyntax.SLF4J, message, arguments(), cause,
                    markers != null ? Tags.of(markers) : Tags.of(marker), keysAndValues());
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
    private void logPairsOnly() {
        switch (pairs) {
            case 0 -> fl.log(level, message);
            case 1 -> {
                switch (level) {
                    case TRACE -> fl.trace(message, k0, v0);
                    case DEBUG -> fl.debug(message, k0, v0);
                    case INFO -> fl.info(message, k0, v0);
                    case WARN -> fl.warn(message, k0, v0);
                    case ERROR -> fl.error(message, k0, v0);
                }
            }
            case 2 -> {
                switch (level) {
                    case TRACE -> fl.trace(message, k0, v0, k1, v1);
                    case DEBUG -> fl.debug(message, k0, v0, k1, v1);
                    case INFO -> fl.info(message, k0, v0, k1, v1);
                    case WARN -> fl.warn(message, k0, v0, k1, v1);
                    case ERROR -> fl.error(message, k0, v0, k1, v1);
                }
            }
            default -> {
                switch (level) {
                    case TRACE -> fl.trace(message, k0, v0, k1, v1, k2, v2);
                    case DEBUG -> fl.debug(message, k0, v0, k1, v1, k2, v2);
                    case INFO -> fl.info(message, k0, v0, k1, v1, k2, v2);
                    case WARN -> fl.warn(message, k0, v0, k1, v1, k2, v2);
                    case ERROR -> fl.error(message, k0, v0, k1, v1, k2, v2);
                }
            }
        }
    }

    private Object[] arguments() {
        return switch (argc) {
            case 0 -> NO_ARGS;
            case 1 -> new Object[] {a0};
            case 2 -> new Object[] {a0, a1};
            default -> args.length == argc ? args : Arrays.copyOf(args, argc);
        };
    }

    /** Keys and values in call order (the core makes a null key "null"). */
    private Object[] keysAndValues() {
        return switch (pairs) {
            case 0 -> null;
            case 1 -> new Object[] {k0, v0};
            case 2 -> new Object[] {k0, v0, k1, v1};
            case 3 -> new Object[] {k0, v0, k1, v1, k2, v2};
            default -> Arrays.copyOf(kv, 2 * pairs);
        };
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
