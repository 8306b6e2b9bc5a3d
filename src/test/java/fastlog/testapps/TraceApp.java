package fastlog.testapps;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/** Child-JVM program: logs one line outside the test provider's span and one inside it. */
public final class TraceApp {

    public static void main(String[] args) {
        Logger log = Fastlog.logger("trace.app");
        log.info("outside");
        TestTraceProviders.active = true;
        log.info("inside");
        TestTraceProviders.active = false;
        Fastlog.flush();
    }
}
