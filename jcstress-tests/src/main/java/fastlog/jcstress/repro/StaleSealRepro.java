package fastlog.jcstress.repro;

import java.util.concurrent.atomic.AtomicLong;

import fastlog.internal.record.RecordLayout;
import fastlog.jcstress.support.TestPipeline;

/**
 * Not a jcstress test: a plain stress program for a suspected liveness bug in
 * {@code Stripe.claim} that jcstress cannot provoke (it needs one thread to be descheduled for a
 * whole ring cycle). Run: {@code java -cp jcstress-tests/target/jcstress.jar
 * fastlog.jcstress.repro.StaleSealRepro [seconds] [producers]}.
 *
 * <p>The suspicion: a producer reads {@code s = seq} and {@code b = ring[s % K]}, is preempted,
 * and meanwhile the stripe moves on by exactly {@code K} batches, so {@code b} is open again, now
 * as batch {@code s + K}. The producer's record does not fit and it seals {@code b} with a stale
 * idea of its sequence (the first core then stored a stale {@code handedSeq} and wedged the
 * stripe), or it opens a batch on a stale sequence (two open batches: records out of order or
 * lost). The batch tail now carries the sequence a batch is ready for, and the consumer finds
 * sealed batches itself; this program checks that no record is lost, torn or stuck.
 *
 * <p>Setup: one stripe, ring of 2 batches that hold one 1-field record each, many platform
 * producer threads on few cores (so the OS preempts them at arbitrary instructions) logging
 * through the real appender, one consumer thread that reads as the writer does (hand-offs, then
 * a sweep) through the real {@code StripeReader}. Exits 0 if the run completes and the consumer
 * read exactly the records the producers claimed, 1 (printing seq) if no record was produced for
 * 5 s (the stripe is wedged), 2 if a batch was torn or records were lost.
 */
public final class StaleSealRepro {

    private StaleSealRepro() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int producers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        TestPipeline p = new TestPipeline(2, RecordLayout.slotsFor(1));
        // Every call either writes its record or is counted in stripe.dropped(): the records written
        // are attempts - dropped. (A per-call "was it dropped" cannot be read from that shared counter
        // while other producers drop too: counting successes that way undercounts.)
        AtomicLong attempts = new AtomicLong();
        AtomicLong consumedRecords = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        volatileStop = false;

        Thread consumer = new Thread(() -> {
            while (!consumerStop) {
                // As the writer does: the handed-off batches, then a sweep that seals partial ones.
                int records = count(p.readHandedOff()) + count(p.sweep(true));
                if (records == 0) {
                    Thread.onSpinWait();
                }
                consumedRecords.addAndGet(records);
            }
        }, "consumer");
        consumer.setDaemon(true);
        consumer.start();
        Thread[] producerThreads = new Thread[producers];
        for (int i = 0; i < producers; i++) {
            int id = 1 + i % 8;
            Thread t = new Thread(() -> {
                while (!volatileStop) {
                    attempts.incrementAndGet();
                    if (!p.log(id, 1)) {
                        Thread.yield(); // as a real producer parks: let the one holding a claim run
                    }
                }
            }, "producer-" + i);
            t.setDaemon(true);
            t.start();
            producerThreads[i] = t;
        }

        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
            long n = attempts.get() - p.stripe.dropped();
            if (n != last) {
                last = n;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 5_000_000_000L) {
                System.out.printf("WEDGED after %,d records (%,d consumed): seq=%d%n",
                        n, consumedRecords.get(), p.stripe.sequence());
                System.exit(1);
            }
        }
        volatileStop = true;
        for (Thread t : producerThreads) {
            t.join();
        }
        // Every claimed record must reach the consumer: it seals the last partial batch itself.
        long wait = System.nanoTime() + 5_000_000_000L;
        long produced = attempts.get() - p.stripe.dropped();
        while (consumedRecords.get() < produced && System.nanoTime() - wait < 0) {
            Thread.sleep(10);
        }
        consumerStop = true;
        consumer.join();
        System.out.printf("completed: %,d records produced, %,d consumed, no wedge in %d s (seq=%d)%n",
                produced, consumedRecords.get(), seconds, p.stripe.sequence());
        System.exit(produced == consumedRecords.get() ? 0 : 2);
    }

    /** The number of records in a read's id digits; exits 2 on a torn or lost record. */
    private static int count(int digits) {
        if (digits < 0) {
            System.out.println("BAD READ: " + digits + " (-1 torn, -3 lost)");
            System.exit(2);
        }
        return digits == 0 ? 0 : Integer.toString(digits).length();
    }

    private static volatile boolean volatileStop;
    private static volatile boolean consumerStop;

}
