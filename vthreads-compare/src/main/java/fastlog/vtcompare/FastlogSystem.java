package fastlog.vtcompare;

import java.io.FileOutputStream;
import java.nio.file.Path;

import fastlog.api.Fastlog;
import fastlog.api.FullQueuePolicy;
import fastlog.api.LogContext;
import fastlog.api.Logger;
import fastlog.api.Stats;

/**
 * fastlog with its defaults (queue capacity 65,536, BLOCK when full), writing to a file. The
 * request id is bound with {@link LogContext} (a ScopedValue on Java 25; the ThreadLocal
 * fallback when the child runs with {@code -Dfastlog.context.fallback=true}).
 *
 * <p>{@code -Dvt.fastlog.queueCapacity} and {@code -Dvt.fastlog.fullQueuePolicy=DROP} are for
 * experiments and for proving that a run which loses events fails ({@code make bench-selftest}).
 */
final class FastlogSystem implements LogSystem {

    private FileOutputStream file;
    private Logger log;

    @Override
    public void start(Path out) throws Exception {
        file = new FileOutputStream(out.toFile());
        var config = Fastlog.configure().output(file);
        Integer capacity = Integer.getInteger("vt.fastlog.queueCapacity");
        if (capacity != null) { // for experiments; the comparison uses the default
            config.queueCapacity(capacity);
        }
        String policy = System.getProperty("vt.fastlog.fullQueuePolicy");
        if (policy != null) { // for the self-test only; the comparison uses the default, BLOCK
            config.fullQueuePolicy(FullQueuePolicy.valueOf(policy));
        }
        config.apply();
        log = Fastlog.logger("vthreads.request");
        System.err.println("fastlog: context mechanism " + LogContext.mechanism());
    }

    @Override
    public void request(int n, int events) {
        Logger l = log;
        LogContext.where("request_id", LogSystem.requestId(n)).run(() -> {
            for (int step = 0; step < events; step++) {
                l.info("request step", "step", step, "of", events, "ms", LogSystem.ms(n, step));
            }
        });
    }

    @Override
    public void stop() throws Exception {
        Fastlog.shutdown();
        System.err.println("fastlog: " + Fastlog.stats());
        file.close();
    }

    @Override
    public String reportedProblems() {
        Stats s = Fastlog.stats();
        if (s.eventsDropped() == 0 && s.eventsLost() == 0 && s.writeErrors() == 0) {
            return null;
        }
        return "eventsDropped=" + s.eventsDropped() + ",eventsLost=" + s.eventsLost() + ",writeErrors=" + s.writeErrors();
    }
}
