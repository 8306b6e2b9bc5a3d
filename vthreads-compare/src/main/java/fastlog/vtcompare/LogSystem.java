package fastlog.vtcompare;

import java.nio.file.Path;

/**
 * One logging system under test. Every system handles the same request the same way: bind
 * {@code request_id} for the duration of the request with its scoped-context mechanism, then log
 * {@code events} events of the same shape (message "request step" and the fields {@code step},
 * {@code of}, {@code ms}), one JSON line each, to the file {@code out}.
 *
 * <p>Implementations are separate classes so that a child JVM loads only the system it runs.
 */
interface LogSystem {

    /** Configures the system to write to {@code out} and starts it. */
    void start(Path out) throws Exception;

    /** One request: the scoped {@code request_id} plus {@code events} events. */
    void request(int n, int events);

    /** Writes everything that was logged and shuts the system down. */
    void stop() throws Exception;

    /**
     * After {@link #stop}: what the system itself reports as dropped, lost or failed (null if
     * nothing, or if it cannot tell). fastlog reads {@code Fastlog.stats()}; the peers' APIs do not
     * count their losses, which show only in the line count.
     */
    default String reportedProblems() {
        return null;
    }

    /** The {@code ms} field of a request's event: a double that is not always an integer. */
    static double ms(int n, int step) {
        return 0.25 * (n % 400) + step;
    }

    static String requestId(int n) {
        return "req-" + n;
    }

    static LogSystem of(String name) {
        return switch (name) {
            case "fastlog", "fastlog-fallback", "fastlog-no-sv-cache" -> new FastlogSystem();
            case "log4j2", "log4j2-nothreadlocals" -> new Log4jSystem();
            case "logback" -> new LogbackSystem();
            case "nolog" -> new NoLogSystem();
            default -> throw new IllegalArgumentException("unknown system: " + name
                    + " (fastlog, fastlog-fallback, fastlog-no-sv-cache, log4j2, log4j2-nothreadlocals, logback, nolog)");
        };
    }

    /** The baseline: nothing is started and a request logs nothing. */
    final class NoLogSystem implements LogSystem {
        @Override
        public void start(Path out) {
        }

        @Override
        public void request(int n, int events) {
        }

        @Override
        public void stop() {
        }
    }
}
