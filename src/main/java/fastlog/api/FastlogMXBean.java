package fastlog.api;

import java.util.Map;

/**
 * The JMX view of fastlog, registered as {@value #OBJECT_NAME} in the platform MBean server when
 * {@link Configuration#jmx(boolean)} (or {@code -Dfastlog.jmx=true}, {@code FASTLOG_JMX=true}) is
 * on, and unregistered by {@link Fastlog#shutdown()}. Attributes are the counters of
 * {@link Stats} and the global level; operations read and change per-logger levels, exactly as
 * {@link Fastlog#setLevel(String, Level)} does. Level names are those {@link Level#parse} accepts.
 *
 * <p>A JMX client can use this interface for a typed proxy:
 * {@code JMX.newMXBeanProxy(connection, new ObjectName(FastlogMXBean.OBJECT_NAME), FastlogMXBean.class)}.
 */
public interface FastlogMXBean {

    /** The MBean's name. */
    String OBJECT_NAME = "fastlog:type=Logging";

    /** {@link Stats#eventsWritten()}. */
    long getEventsWritten();

    /** {@link Stats#eventsDropped()}. */
    long getEventsDropped();

    /** {@link Stats#queueDepth()}. */
    long getQueueDepth();

    /** {@link Stats#queueCapacity()}. */
    long getQueueCapacity();

    /** {@link Stats#writeErrors()}. */
    long getWriteErrors();

    /** {@link Stats#eventsLost()}. */
    long getEventsLost();

    /** {@link Stats#eventsSampledOut()}. */
    long getEventsSampledOut();

    /** The global minimum level, e.g. {@code "INFO"}. */
    String getLevel();

    /**
     * Sets the global minimum level.
     *
     * @throws IllegalArgumentException if {@code level} is not a level name
     */
    void setLevel(String level);

    /** The levels set for logger-name prefixes (by configuration, code or JMX), by name. */
    Map<String, String> getLoggerLevels();

    /** The effective level of the logger with this name (its own, a prefix's, or the global one). */
    String getLoggerLevel(String loggerName);

    /**
     * Sets the level of a logger name and every name below it at a dot; an empty level, or
     * {@code "inherit"}, removes the setting.
     *
     * @throws IllegalArgumentException if the name is empty or the level is not a level name
     */
    void setLoggerLevel(String loggerName, String level);
}
