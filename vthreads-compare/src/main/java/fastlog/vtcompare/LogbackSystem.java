package fastlog.vtcompare;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import ch.qos.logback.classic.LoggerContext;

/**
 * Logback with logstash-logback-encoder: LoggingEventAsyncDisruptorAppender (ring of 8 Ki, with
 * {@code appendTimeout=-1} so callers wait instead of dropping) in front of a FileAppender with
 * LogstashEncoder ({@code vt-logback.xml}). The request id goes in the MDC for the duration of the
 * request (MDC.putCloseable); fields are StructuredArguments, which the encoder writes as fields.
 */
final class LogbackSystem implements LogSystem {

    private Logger log;

    @Override
    public void start(Path out) {
        System.setProperty("vt.out", out.toString());
        System.setProperty("logback.configurationFile", "vt-logback.xml");
        log = LoggerFactory.getLogger("vthreads.request");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            throw new IllegalStateException("SLF4J is not bound to Logback: " + LoggerFactory.getILoggerFactory());
        }
    }

    @Override
    @SuppressWarnings("try") // the scope's resource is only closed
    public void request(int n, int events) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("request_id", LogSystem.requestId(n))) {
            for (int step = 0; step < events; step++) {
                log.info("request step", kv("step", step), kv("of", events), kv("ms", LogSystem.ms(n, step)));
            }
        }
    }

    @Override
    public void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
