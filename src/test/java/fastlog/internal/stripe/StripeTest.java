package fastlog.internal.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;

/** The stripe protocol step by step, on one thread; jcstress covers the races. */
class StripeTest {

    private final MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(4);
    private final AtomicInteger handOffs = new AtomicInteger();
    private final Stripe stripe = new Stripe(0, 2, 8, queue, handOffs::incrementAndGet);

    private int claimAndPublish(int fields, long marker) {
        long c = stripe.claim(RecordLayout.slotsFor(fields));
        assertNotEquals(Stripe.FULL, c);
        Batch b = stripe.batch((int) (c >>> 32));
        int at = (int) c;
        b.longs()[at + 1] = marker;
        b.publish(at, RecordLayout.header(2, fields));
        return at;
    }

    @Test
    void claimsAreConsecutiveInTheOpenBatch() {
        assertEquals(0, claimAndPublish(0, 1));                          // 3 slots
        assertEquals(3, claimAndPublish(1, 2));                          // 5 slots
        assertEquals(8, stripe.openSlots());
        assertTrue(queue.isEmpty());
    }

    @Test
    void aRecordThatDoesNotFitSealsAndHandsOffTheBatch() {
        claimAndPublish(0, 1); // 3 slots
        claimAndPublish(0, 2); // 6 slots
        Batch first = stripe.batchAt(0);
        claimAndPublish(0, 3); // needs 3 more: seals batch 0, opens batch 1
        assertSame(first, queue.poll());
        assertEquals(1, handOffs.get());
        assertEquals(6, first.sealedSlots());
        assertEquals(1, stripe.sequence());
        assertEquals(3, stripe.openSlots());
    }

    @Test
    void fullWhenTheNextBatchIsNotRecycledAndRoomAfterRecycling() {
        claimAndPublish(2, 1);  // 7 of batch 0
        claimAndPublish(2, 2);  // batch 1
        assertEquals(Stripe.FULL, stripe.claim(RecordLayout.slotsFor(2))); // batch 0 not recycled
        assertEquals(7, stripe.openSlots());
        Batch zero = queue.poll();
        assertSame(stripe.batchAt(0), zero);
        assertEquals(1L, zero.longs()[1], "record intact");
        zero.recycle(zero.sealedSlots(), 2);
        assertNotEquals(Stripe.FULL, stripe.claim(RecordLayout.slotsFor(2)));
        assertEquals(2, stripe.sequence());
        assertSame(stripe.batchAt(1), queue.poll());
    }

    @Test
    void consumerSealsOnlyTheExpectedNonEmptyBatch() {
        assertNull(stripe.sealForConsumer(0), "empty batch is left open");
        assertTrue(stripe.isOpenAndEmpty(0));
        claimAndPublish(0, 7);
        assertNull(stripe.sealForConsumer(1), "not the current sequence");
        Batch b = stripe.sealForConsumer(0);
        assertSame(stripe.batchAt(0), b);
        assertEquals(3, b.sealedSlots());
        assertTrue(queue.isEmpty(), "the consumer keeps what it seals");
        b.recycle(3, 2);
        claimAndPublish(0, 8); // advances to batch 1
        assertEquals(1, stripe.sequence());
    }

    @Test
    void droppedEventsAreCounted() {
        stripe.countDrop();
        stripe.countDrop();
        assertEquals(2, stripe.dropped());
    }
}
