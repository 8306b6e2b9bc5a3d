package fastlog.testapps;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;

/**
 * Child-JVM program for the pinning test: virtual threads log through a tiny queue into a slow
 * output, so most of them must wait for room. A control virtual thread named "control-pin"
 * parks inside a class initializer, which pins on every JDK, to prove the recording catches
 * pinning at all.
 */
public final class PinningWorkload {

    static final class ParksWhileInitializing {
        static {
            LockSupport.parkNanos(50_000_000L);
        }

        static void touch() {
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int perThread = Integer.parseInt(args[1]);
        OutputStream slow = new OutputStream() {
            private final OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);

            @Override
            public void write(int b) throws java.io.IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                LockSupport.parkNanos(2_000_000L); // a slow reader
                out.write(b, off, len);
            }
        };
        Fastlog.configure().queueCapacity(64).output(slow).apply();
        Logger log = Fastlog.logger("pinning");
        // First use initializes fastlog's classes; a virtual thread that waits for another
        // thread's class initializer is pinned by the JVM (any library, first use only). Do it
        // here so the recording measures the logging path itself, including waits for room.
        LogContext.where("warm_up", true).run(() -> log.info("warm-up", "worker", -1, "seq", -1));
        Fastlog.flush();
        Thread control = Thread.ofVirtual().name("control-pin").start(ParksWhileInitializing::touch);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(Thread.ofVirtual().name("logger-" + t).start(() ->
                    LogContext.where("worker", id).run(() -> {
                        for (int i = 0; i < perThread; i++) {
                            log.info("event", "worker", id, "seq", i);
                        }
                    })));
        }
        for (Thread t : all) {
            t.join();
        }
        control.join();
        Fastlog.flush();
        System.err.println("dropped=" + Fastlog.stats().eventsDropped());
    }
}
