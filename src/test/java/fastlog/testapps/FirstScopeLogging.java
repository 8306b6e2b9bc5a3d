package fastlog.testapps;

import java.util.concurrent.CountDownLatch;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;

/**
 * Child-JVM program for {@code FirstScopeIT}: logs before any scope was ever entered in this JVM
 * (the context store answers without a lookup then), then from a virtual thread inside the
 * process's first scope while the main thread logs outside it, then after the scope has ended.
 * Prints {@code LogContext.mechanism()} on stderr.
 */
public final class FirstScopeLogging {

    private FirstScopeLogging() {
    }

    public static void main(String[] args) throws Exception {
        Logger log = Fastlog.logger("first.scope");
        log.info("before any scope");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread scoped = Thread.ofVirtual().start(() -> LogContext.where("request_id", "r-1").run(() -> {
            log.info("first scope");
            inside.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("first scope, later");
        }));
        inside.await();
        log.info("main, while another thread is in a scope");
        done.countDown();
        scoped.join();
        log.info("after the scope");
        LogContext.where("request_id", "r-2").run(() -> log.info("main's own scope"));
        Fastlog.flush();
        System.err.println("mechanism=" + LogContext.mechanism());
    }
}
