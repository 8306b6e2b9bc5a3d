package fastlog.internal.jmx;

import java.util.LinkedHashMap;
import java.util.Map;

import fastlog.api.Fastlog;
import fastlog.api.FastlogMXBean;
import fastlog.api.Level;

/** The MBean: reads counters and levels through the public API, and changes levels through it. */
final class LoggingMBean implements FastlogMXBean {

    @Override
    public long getEventsWritten() {
        return Fastlog.stats().eventsWritten();
    }

    @Override
    public long getEventsDropped() {
        return Fastlog.stats().eventsDropped();
    }

    @Override
    public long getQueueDepth() {
        return Fastlog.stats().queueDepth();
    }

    @Override
    public long getQueueCapacity() {
        return Fastlog.stats().queueCapacity();
    }

    @Override
    public long getWriteErrors() {
        return Fastlog.stats().writeErrors();
    }

    @Override
    public long getEventsLost() {
        return Fastlog.stats().eventsLost();
    }

    @Override
    public long getEventsSampledOut() {
        return Fastlog.stats().eventsSampledOut();
    }

    @Override
    public String getLevel() {
        return Fastlog.level().name();
    }

    @Override
    public void setLevel(String level) {
        Fastlog.setLevel(parse(level));
    }

    @Override
    public Map<String, String> getLoggerLevels() {
        Map<String, String> out = new LinkedHashMap<>();
        Fastlog.levels().forEach((name, level) -> out.put(name, level.name()));
        return out;
    }

    @Override
    public String getLoggerLevel(String loggerName) {
        return Fastlog.level(name(loggerName)).name();
    }

    @Override
    public void setLoggerLevel(String loggerName, String level) {
        String name = name(loggerName);
        boolean clear = level == null || level.isBlank() || level.trim().equalsIgnoreCase("inherit");
        Fastlog.setLevel(name, clear ? null : parse(level));
    }

    private static String name(String loggerName) {
        if (loggerName == null || loggerName.isBlank()) {
            throw new IllegalArgumentException("a logger name is needed");
        }
        return loggerName.trim();
    }

    private static Level parse(String level) {
        Level l = Level.parse(level);
        if (l == null) {
            throw new IllegalArgumentException("unknown level '" + level + "' (trace, debug, info, warn, error)");
        }
        return l;
    }
}
