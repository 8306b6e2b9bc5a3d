import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.LongAdder;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Two loads for counting the writer's wake-ups (run by bench/wakeup_counts.py against a
 * WriterThread with counters patched in): "burst" (N platform threads log one event each at the
 * same moment, then sleep 2 ms, 2,000 times) keeps the writer going IDLE between bursts; "steady"
 * (N platform threads logging as fast as they can) keeps it busy. Lines go to stdout.
 */
public final class WakeupLoad {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        int perThread = Integer.parseInt(args[2]);
        Logger log = Fastlog.logger("wakeup");
        LongAdder events = new LongAdder();
        CyclicBarrier burst = new CyclicBarrier(threads);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        if (mode.equals("burst")) {
                            burst.await();
                        }
                        log.info("wake-up load", "thread", id, "i", i);
                        events.increment();
                        if (mode.equals("burst")) {
                            Thread.sleep(2);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread t : ts) {
            t.join();
        }
        Fastlog.flush();
        System.err.println("WAKEUP_LOAD events=" + events.sum());
    }
}
