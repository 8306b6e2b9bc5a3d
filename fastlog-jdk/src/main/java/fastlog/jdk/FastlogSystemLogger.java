package fastlog.jdk;

import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * A {@link System.Logger} over one fastlog {@link Logger}; see {@link FastlogLoggerFinder}. (Inside
 * this class {@code Level} is {@code System.Logger.Level}; fastlog's is spelled out.)
 */
final class FastlogSystemLogger implements System.Logger {

    private final String name;
    private final Logger log;

    FastlogSystemLogger(String name) {
        this.name = name;
        this.log = Fastlog.logger(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
        return log.isEnabled(LevelMapping.fromSystem(level));
    }

    @Override
    public void log(System.Logger.Level level, String msg) {
        fastlog.api.Level l = LevelMapping.fromSystem(level);
        if (log.isEnabled(l)) {
            log.log(l, msg);
        }
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        fastlog.api.Level l = LevelMapping.fromSystem(level);
        if (log.isEnabled(l)) {
            String text = Messages.localize(bundle, msg);
            if (thrown == null) {
                log.log(l, text);
            } else {
                log.logPattern(l, null, text, (Object[]) null, thrown);
            }
        }
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
        fastlog.api.Level l = LevelMapping.fromSystem(level);
        if (log.isEnabled(l)) {
            Messages.log(log, l, Messages.localize(bundle, format), params, null);
        }
    }

    /**
     * As specified (the supplier runs only when the level is enabled), except that a supplier
     * that throws does not throw into the caller: the event says so and carries its exception.
     */
    @Override
    public void log(System.Logger.Level level, Supplier<String> msgSupplier) {
        Objects.requireNonNull(msgSupplier, "msgSupplier");
        fastlog.api.Level l = LevelMapping.fromSystem(level);
        if (log.isEnabled(l)) {
            supplied(l, msgSupplier, null);
        }
    }

    /** As {@link #log(System.Logger.Level, Supplier)}, with {@code thrown} as the exception. */
    @Override
    public void log(System.Logger.Level level, Supplier<String> msgSupplier, Throwable thrown) {
        Objects.requireNonNull(msgSupplier, "msgSupplier");
        fastlog.api.Level l = LevelMapping.fromSystem(level);
        if (log.isEnabled(l)) {
            supplied(l, msgSupplier, thrown);
        }
    }

    /**
     * As specified ({@code obj.toString()} only when the level is enabled), except that a
     * {@code toString()} that throws does not throw into the caller.
     */
    @Override
    public void log(System.Logger.Level level, Object obj) {
        Objects.requireNonNull(obj, "obj");
        fastlog.api.Level l = LevelMapping.fromSystem(level);
        if (log.isEnabled(l)) {
            String text;
            try {
                text = obj.toString();
            } catch (RuntimeException | StackOverflowError e) {
                text = "<toString() threw " + e.getClass().getName() + " for " + obj.getClass().getName() + ">";
            }
            log.log(l, text);
        }
    }

    private void supplied(fastlog.api.Level l, Supplier<String> msgSupplier, Throwable thrown) {
        String text;
        Throwable exception = thrown;
        try {
            text = msgSupplier.get();
        } catch (RuntimeException | StackOverflowError e) {
            text = "<message supplier threw " + e.getClass().getName() + ">";
            if (exception == null) {
                exception = e;
            }
        }
        if (exception == null) {
            log.log(l, text);
        } else {
            log.logPattern(l, null, text, (Object[]) null, exception);
        }
    }

    @Override
    public String toString() {
        return "FastlogSystemLogger[" + name + "]";
    }
}
