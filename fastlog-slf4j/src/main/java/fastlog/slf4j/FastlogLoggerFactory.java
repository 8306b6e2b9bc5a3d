package fastlog.slf4j;

import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

import fastlog.api.Fastlog;

/**
 * One {@link FastlogLogger} per name, wrapping {@code Fastlog.logger(name)}: an SLF4J logger's
 * level is the fastlog level of its name ({@code Fastlog.setLevel(prefix, level)},
 * {@code fastlog.level}, {@code FASTLOG_LEVEL}), and a change applies to it at once. A null name
 * is {@code "null"}, as in fastlog; SLF4J's root logger is named {@code "ROOT"}.
 */
final class FastlogLoggerFactory implements ILoggerFactory {

    private final ConcurrentHashMap<String, FastlogLogger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
        String n = name == null ? "null" : name;
        FastlogLogger l = loggers.get(n);
        return l != null ? l : loggers.computeIfAbsent(n, k -> new FastlogLogger(Fastlog.logger(k)));
    }
}
