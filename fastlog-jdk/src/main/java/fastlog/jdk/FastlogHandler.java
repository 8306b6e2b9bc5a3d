package fastlog.jdk;

import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.Logger;

/**
 * A {@code java.util.logging.Handler} that logs every record it is given through fastlog, as one
 * NDJSON line of fastlog's output.
 *
 * <ul>
 *   <li>LevelMapping: FINEST, FINER (and ALL) become TRACE, FINE DEBUG, CONFIG and INFO INFO, WARNING
 *       WARN, SEVERE ERROR; a custom level becomes the fastlog level of the nearest standard JUL
 *       level (ties go to the more severe); a record at level OFF is not logged.</li>
 *   <li>The message is what {@code java.util.logging.Formatter.formatMessage} gives: the resource
 *       bundle is looked up on the calling thread ({@code getString(message)}; a missing key
 *       leaves the message as it is); {@code {0}} parameters are substituted by
 *       {@code java.text.MessageFormat} on fastlog's writer thread, only when there are parameters
 *       and the message holds a {@code '{'} followed by a digit; a message that fails to format
 *       is logged as it is. Parameters are captured before {@code publish} returns.</li>
 *   <li>The record's Throwable becomes the {@code exception} field.</li>
 *   <li>The logger name is kept. The root logger ({@code ""}) and records without a logger name
 *       (anonymous loggers) log with the logger name {@code ""}, which, like JUL's root, follows
 *       fastlog's global level.</li>
 *   <li>fastlog's level for the logger name applies after JUL's own checks; the handler's level
 *       (default ALL) and filter apply too.</li>
 * </ul>
 *
 * <p>From {@code logging.properties}: {@code handlers=fastlog.jdk.FastlogHandler}, and optionally
 * {@code fastlog.jdk.FastlogHandler.level} (a JUL level name or number) and
 * {@code fastlog.jdk.FastlogHandler.filter} (a {@code java.util.logging.Filter} class with a
 * public no-argument constructor). JUL's levels from that file filter first; to make JUL follow
 * fastlog's levels instead, use {@link FastlogJul#install()}.
 *
 * <p>{@link #publish} never throws: a failure is reported once through the handler's
 * {@code ErrorManager}. {@link #close()} does nothing (LogManager closes handlers on
 * {@code reset()} and at JVM exit; fastlog stops with its own shutdown hook).
 */
public final class FastlogHandler extends Handler {

    /**
     * A handler at level ALL without a filter, unless the logging configuration sets
     * {@code fastlog.jdk.FastlogHandler.level} or {@code fastlog.jdk.FastlogHandler.filter}.
     */
    public FastlogHandler() {
        configureFromLogManager();
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (record == null) {
                return;
            }
            java.util.logging.Level julLevel = record.getLevel();
            if (julLevel == null) {
                return;
            }
            Level level = LevelMapping.fromJul(julLevel.intValue());
            if (level == null) {
                return;
            }
            String name = record.getLoggerName();
            Logger log = Fastlog.logger(name == null ? "" : name);
            if (!log.isEnabled(level) || !isLoggable(record)) {
                return;
            }
            Messages.log(log, level, Messages.localize(record.getResourceBundle(), record.getMessage()),
                    record.getParameters(), record.getThrown());
        } catch (RuntimeException | StackOverflowError e) {
            reportError("fastlog could not log a java.util.logging record", e instanceof Exception ex ? ex : null,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    /** Waits until everything fastlog was given so far is written ({@link Fastlog#flush()}). */
    @Override
    public void flush() {
        Fastlog.flush();
    }

    /** Does nothing: fastlog keeps running (the handler keeps working if it is added again). */
    @Override
    public void close() {
    }

    private void configureFromLogManager() {
        String prefix = FastlogHandler.class.getName();
        LogManager manager = LogManager.getLogManager();
        String level = manager.getProperty(prefix + ".level");
        if (level != null) {
            try {
                setLevel(java.util.logging.Level.parse(level.trim()));
            } catch (IllegalArgumentException e) {
                reportError("bad " + prefix + ".level in the logging configuration: " + level, e,
                        ErrorManager.GENERIC_FAILURE);
            }
        }
        String filter = manager.getProperty(prefix + ".filter");
        if (filter != null && !filter.isBlank()) {
            try {
                Class<?> type = ClassLoader.getSystemClassLoader().loadClass(filter.trim());
                setFilter((Filter) type.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                reportError("cannot create the " + prefix + ".filter " + filter, e instanceof Exception ex ? ex : null,
                        ErrorManager.GENERIC_FAILURE);
            }
        }
    }
}
