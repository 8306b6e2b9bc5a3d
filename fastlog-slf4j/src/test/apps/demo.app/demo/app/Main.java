package demo.app;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * Logs through SLF4J only, on the main thread and on virtual threads, then exits without flushing
 * anything: whatever provider SLF4J found must write it all. Reports on stderr, as
 * {@code CHILD key=value} lines, which logger factory and MDC adapter SLF4J chose.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger("demo.app.Main");
        System.err.println("CHILD factory=" + LoggerFactory.getILoggerFactory().getClass().getName()
                + " mdc=" + MDC.getMDCAdapter().getClass().getName()
                + " named_module=" + Main.class.getModule().isNamed());
        MDC.put("request_id", "r-1");
        log.info("user {} logged in", 48213);
        log.atInfo().addKeyValue("user_id", 48213).addKeyValue("path", "/api").log("user login");
        log.debug("debug {}", "detail");
        log.warn("failed", new IllegalStateException("boom"));
        log.info(MarkerFactory.getMarker("AUDIT"), "audited");
        MDC.remove("request_id");
        int workers = 8;
        int events = 50;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int id = w;
            threads.add(Thread.ofVirtual().start(() -> {
                MDC.put("worker", "w" + id);
                Logger wl = LoggerFactory.getLogger("demo.app.Worker");
                for (int i = 0; i < events; i++) {
                    wl.atInfo().addKeyValue("seq", i).log("event {}", i);
                }
                MDC.clear();
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        log.info("done");
    }
}
