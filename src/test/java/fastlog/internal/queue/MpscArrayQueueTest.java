package fastlog.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Single-threaded contract of the queue; the concurrent properties are proven with jcstress. */
class MpscArrayQueueTest {

    @Test
    void capacityRoundsUpToAPowerOfTwo() {
        assertEquals(2, new MpscArrayQueue<String>(1).capacity());
        assertEquals(8, new MpscArrayQueue<String>(5).capacity());
        assertEquals(16, new MpscArrayQueue<String>(16).capacity());
        assertThrows(IllegalArgumentException.class, () -> new MpscArrayQueue<String>(0));
    }

    @Test
    void fifoAcrossManyWrapArounds() {
        MpscArrayQueue<Integer> q = new MpscArrayQueue<>(4);
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 1000; round++) {
            int n = round % 4 + 1;
            for (int i = 0; i < n; i++) {
                assertTrue(q.offer(next++));
            }
            assertEquals(n, q.size());
            for (int i = 0; i < n; i++) {
                assertEquals(expected++, q.poll());
            }
            assertTrue(q.isEmpty());
            assertNull(q.poll());
        }
    }

    @Test
    void offerOnAFullQueueFailsAndChangesNothing() {
        MpscArrayQueue<String> q = new MpscArrayQueue<>(2);
        assertTrue(q.offer("a"));
        assertTrue(q.offer("b"));
        assertFalse(q.offer("c"));
        assertEquals(2, q.size());
        assertEquals("a", q.poll());
        assertTrue(q.offer("d"));
        assertEquals("b", q.poll());
        assertEquals("d", q.poll());
        assertNull(q.poll());
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> new MpscArrayQueue<String>(2).offer(null));
    }

    /**
     * A lost element would leave the consumer waiting for ever: it spins on {@code poll}, so the
     * {@link Timeout} interrupt is what it checks to give up (and the producers stop then too).
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentProducersLoseNothing() throws Exception {
        MpscArrayQueue<Integer> q = new MpscArrayQueue<>(64);
        int producers = 4;
        int each = 50_000;
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            threads[p] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (!q.offer(base + i)) {
                        if (stop.get()) {
                            return;
                        }
                        Thread.onSpinWait();
                    }
                }
            }, "producer-" + p);
            threads[p].setDaemon(true);
            threads[p].start();
        }
        int[] last = new int[producers];
        java.util.Arrays.fill(last, -1);
        int seen = 0;
        try {
            while (seen < producers * each) {
                Integer v = q.poll();
                if (v == null) {
                    if (Thread.currentThread().isInterrupted()) {
                        fail("timed out after taking " + seen + " of " + producers * each
                                + " elements: an element was lost or the queue is stuck");
                    }
                    Thread.onSpinWait();
                    continue;
                }
                int p = v / each;
                assertTrue(v % each > last[p], "producer order");
                last[p] = v % each;
                seen++;
            }
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            stop.set(true); // on a failure, producers spinning on a full queue give up
        }
        assertNull(q.poll());
    }
}
