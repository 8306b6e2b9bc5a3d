package fastlog.vtcompare;

import java.nio.file.Path;

import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.message.StringMapMessage;

/**
 * Log4j 2 with all loggers asynchronous (AsyncLoggerContextSelector, LMAX Disruptor 3.4.4, default
 * ring of 256 Ki slots, default policy: callers wait when it is full) and JsonTemplateLayout into
 * a RandomAccessFile appender ({@code vt-log4j2.xml}, {@code vt-log4j2-template.json}). The
 * request id goes in the ThreadContext for the duration of the request (CloseableThreadContext);
 * fields travel in a MapMessage, which the template flattens into the line.
 */
final class Log4jSystem implements LogSystem {

    private Logger log;

    @Override
    public void start(Path out) {
        System.setProperty("vt.out", out.toString());
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
        System.setProperty("log4j2.configurationFile", "vt-log4j2.xml");
        log = LogManager.getLogger("vthreads.request");
        if (!(log instanceof AsyncLogger)) {
            throw new IllegalStateException("Log4j logger is not an AsyncLogger: " + log.getClass().getName());
        }
    }

    @Override
    @SuppressWarnings("try") // the scope's resource is only closed
    public void request(int n, int events) {
        try (CloseableThreadContext.Instance ignored = CloseableThreadContext.put("request_id", LogSystem.requestId(n))) {
            for (int step = 0; step < events; step++) {
                log.info(new StringMapMessage(4).with("msg", "request step").with("step", step)
                        .with("of", events).with("ms", LogSystem.ms(n, step)));
            }
        }
    }

    @Override
    public void stop() {
        LogManager.shutdown();
    }
}
