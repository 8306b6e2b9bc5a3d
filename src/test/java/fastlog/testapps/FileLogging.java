package fastlog.testapps;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child-JVM program: logs N events without configuring anything and returns from main, so the
 * output comes from {@code -Dfastlog.file*} / {@code FASTLOG_FILE*} and the exit hook closes it.
 */
public final class FileLogging {

    public static void main(String[] args) {
        int events = Integer.parseInt(args[0]);
        Logger log = Fastlog.logger("child");
        for (int i = 0; i < events; i++) {
            log.info("event", "seq", i, "pad", "p".repeat(i % 40));
        }
    }
}
