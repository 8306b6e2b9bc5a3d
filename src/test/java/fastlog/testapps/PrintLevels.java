package fastlog.testapps;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/** Child-JVM program: logs one event per level, so the caller can see which are enabled. */
public final class PrintLevels {

    public static void main(String[] args) {
        Logger log = Fastlog.logger("levels");
        log.trace("trace");
        log.debug("debug");
        log.info("info");
        log.warn("warn");
        log.error("error");
    }
}
