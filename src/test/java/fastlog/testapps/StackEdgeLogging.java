package fastlog.testapps;

import java.time.Duration;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child program: logging from a thread whose stack is nearly exhausted. A thread recurses until
 * StackOverflowError, then every frame logs on the way back, so the calls nearest the edge run
 * out of stack at every possible point inside fastlog. A StackOverflowError from such a call is
 * caught and counted (the JVM has no stack left; no library can promise otherwise). What must hold
 * afterwards: later events are written and {@code flush} completes.
 *
 * <p>Reports {@code attempts}, {@code overflowsInLog}, {@code deepThreadDone}, {@code flushed}.
 * A watchdog halts the JVM with exit code 3 after 30 s if the program is stuck.
 */
public final class StackEdgeLogging {

    private static final Logger LOG = Fastlog.logger("edge");
    private static long attempts;
    private static long overflowsInLog;
    private static volatile int shape;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Fastlog.configure().shutdownTimeout(Duration.ofSeconds(2)).apply();
        ChildReport.report("rounds", rounds); // loads ChildReport now: the watchdog must not depend on class loading
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
            try {
                ChildReport.report("wedged", true, "attempts", attempts, "overflowsInLog", overflowsInLog);
            } finally {
                Runtime.getRuntime().halt(3);
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Thread deep = new Thread(null, () -> {
            for (int r = 0; r < rounds; r++) {
                shape = r % 5;
                recurse(0);
            }
        }, "deep", 256 * 1024);
        deep.start();
        deep.join(20_000);
        boolean deepDone = !deep.isAlive();
        ChildReport.report("attempts", attempts, "overflowsInLog", overflowsInLog, "deepThreadDone", deepDone);
        LOG.info("after", "n", 1);
        boolean flushed = Fastlog.flush(Duration.ofSeconds(10));
        ChildReport.report("flushed", flushed);
        watchdog.interrupt();
    }

    private static void recurse(int depth) {
        try {
            recurse(depth + 1);
        } catch (StackOverflowError reachedTheEdge) {
            // fall through: log from here on the way back
        }
        attempts++;
        try {
            switch (shape) {
                case 0 -> LOG.info("edge");
                case 1 -> LOG.info("edge", "d", depth);
                case 2 -> LOG.info("edge", "d", depth, "s", "x", "f", 1.5);
                case 3 -> LOG.info("edge", "d", depth, "a", 1, "b", 2, "c", 3, "e", 4);
                default -> LOG.atInfo().field("d", depth).field("a", 1).field("b", 2.5).field("c", "x")
                        .field("e", true).log("edge");
            }
        } catch (StackOverflowError inLog) {
            overflowsInLog++;
        }
    }
}
