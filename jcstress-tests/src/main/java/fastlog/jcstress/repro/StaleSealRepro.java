package fastlog.jcstress.repro;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.Stripe;
import fastlog.jcstress.support.Records;

/**
 * Not a jcstress test: a plain stress program for a suspected liveness bug in
 * {@code Stripe.claim} that jcstress cannot provoke (it needs one thread to be descheduled for a
 * whole ring cycle). Run: {@code java -cp jcstress-tests/target/jcstress.jar
 * fastlog.jcstress.repro.StaleSealRepro [seconds] [producers]}.
 *
 * <p>The suspicion: a producer reads {@code s = seq} and {@code b = ring[s % K]}, is preempted,
 * and meanwhile the stripe moves on by exactly {@code K} batches, so {@code b} is open again, now
 * as batch {@code s + K}. The producer's record does not fit, it seals {@code b} and stores
 * {@code handedSeq = s}, a stale sequence. From then on every producer sees {@code seq = s + K},
 * a sealed batch and {@code handedSeq != s + K}, and spins forever; the consumer's sweep needs
 * {@code seq} to move. The stripe is wedged.
 *
 * <p>Setup: one stripe, ring of 2 batches that hold one 1-field record each, many platform
 * producer threads on few cores (so the OS preempts them at arbitrary instructions), one
 * consumer thread that works like {@code Consumer}. Exits 0 if the run completes, 1 (printing
 * seq and handedSeq) if no record was produced for 5 s (the stripe is wedged), 2 if the queue
 * delivered a batch other than the stripe's next sequence or a batch was torn.
 */
public final class StaleSealRepro {

    private StaleSealRepro() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int producers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        MpscArrayQueue<Batch> q = new MpscArrayQueue<>(2);
        Stripe stripe = new Stripe(0, 2, RecordLayout.slotsFor(1), q, () -> { });
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        volatileStop = false;

        Thread consumer = new Thread(() -> {
            long expected = 0;
            while (!volatileStop) {
                Batch b = q.poll();
                if (b == null) {
                    b = stripe.sealForConsumer(expected);
                }
                if (b == null) {
                    Thread.onSpinWait();
                    continue;
                }
                if (b != stripe.batchAt(expected)) {
                    System.out.printf("OUT OF SEQUENCE: expected batch %d (ring slot %d), the queue delivered ring "
                            + "slot %d (openSeq=%s); seq=%d handedSeq=%d%n", expected,
                            expected & (stripe.ringSize() - 1), ringIndex(stripe, b), openSeq(b),
                            stripe.sequence(), handedSeqOrMinus(stripe));
                    System.exit(2);
                }
                int used = b.sealedSlots();
                int content = Records.readSealed(b);
                if (content < 0) {
                    System.out.println("BAD BATCH " + expected + ": " + content);
                    System.exit(2);
                }
                b.recycle(used, expected + stripe.ringSize());
                consumed.incrementAndGet();
                expected++;
            }
        }, "consumer");
        consumer.setDaemon(true);
        consumer.start();
        for (int i = 0; i < producers; i++) {
            int id = 1 + i % 8;
            Thread t = new Thread(() -> {
                while (!volatileStop) {
                    if (Records.claimAndWrite(stripe, id, 1) == Stripe.FULL) {
                        Thread.onSpinWait();
                    } else {
                        produced.incrementAndGet();
                    }
                }
            }, "producer-" + i);
            t.setDaemon(true);
            t.start();
        }

        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
            long p = produced.get();
            if (p != last) {
                last = p;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 5_000_000_000L) {
                System.out.printf("WEDGED after %,d records (%,d batches consumed): seq=%d handedSeq=%d%n",
                        p, consumed.get(), stripe.sequence(), handedSeq(stripe));
                System.exit(1);
            }
        }
        volatileStop = true;
        System.out.printf("completed: %,d records, %,d batches, no wedge in %d s (seq=%d handedSeq=%d)%n",
                produced.get(), consumed.get(), seconds, stripe.sequence(), handedSeq(stripe));
        System.exit(0);
    }

    private static volatile boolean volatileStop;

    private static int ringIndex(Stripe s, Batch b) {
        for (int i = 0; i < s.ringSize(); i++) {
            if (s.batch(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** Batch.openSeq (package-private, present in newer cores), or "n/a". */
    private static String openSeq(Batch b) {
        try {
            Field f = Batch.class.getDeclaredField("openSeq");
            f.setAccessible(true);
            return Long.toString(f.getLong(b));
        } catch (ReflectiveOperationException e) {
            return "n/a";
        }
    }

    private static long handedSeqOrMinus(Stripe s) {
        try {
            return handedSeq(s);
        } catch (ReflectiveOperationException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long handedSeq(Stripe s) throws ReflectiveOperationException {
        Field f = Stripe.class.getSuperclass().getDeclaredField("handedSeq");
        f.setAccessible(true);
        return f.getLong(s);
    }
}
