package fastlog.internal.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;

/** The stripe protocol step by step, on one thread; jcstress covers the races. */
class StripeTest {

    private final MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(4);
    private final AtomicInteger handOffs = new AtomicInteger();
    private final Stripe stripe = new Stripe(0, 2, 8, queue, handOffs::incrementAndGet);

    /** The batch that holds sequence {@code seq}: ring slot {@code seq % ringSize}. */
    private Batch batchAt(long seq) {
        return stripe.batch((int) (seq % stripe.ringSize()));
    }

    private int claimAndPublish(int fields, long marker) {
        long c = stripe.claim(RecordLayout.slotsFor(fields), RecordLayout.claimed(fields));
        assertNotEquals(Stripe.FULL, c);
        Batch b = stripe.batch((int) (c >>> 32));
        int at = (int) c;
        RecordProtocol.publish(b.longs(), b.refs(), at, null, 2, marker, null, null, fields);
        return at;
    }

    @Test
    void aClaimStoresItsMarkInTheRecordsFirstSlot() {
        long c = stripe.claim(RecordLayout.slotsFor(1), RecordLayout.claimed(1));
        Batch b = stripe.batch((int) (c >>> 32));
        assertEquals(RecordLayout.claimed(1), b.longs()[(int) c]);
        assertFalse(RecordLayout.isPublished(b.longs()[(int) c]), "a claim mark is not a published header");
        assertEquals(0L, b.longs()[(int) c + RecordLayout.slotsFor(1)], "nothing past the claimed slots");
    }

    @Test
    void claimsAreConsecutiveInTheOpenBatch() {
        assertEquals(0, claimAndPublish(0, 1));                          // 3 slots
        assertEquals(3, claimAndPublish(1, 2));                          // 5 slots
        assertEquals(8, openSlots());
        assertTrue(queue.isEmpty());
    }

    @Test
    void aRecordThatDoesNotFitSealsAndHandsOffTheBatch() {
        claimAndPublish(0, 1); // 3 slots
        claimAndPublish(0, 2); // 6 slots
        Batch first = batchAt(0);
        claimAndPublish(0, 3); // needs 3 more: seals batch 0, opens batch 1
        assertSame(first, queue.poll());
        assertEquals(1, handOffs.get());
        assertEquals(6, first.sealedSlots());
        assertEquals(1, stripe.sequence());
        assertEquals(3, openSlots());
    }

    @Test
    void fullWhenTheNextBatchIsNotRecycledAndRoomAfterRecycling() {
        claimAndPublish(2, 1);  // 7 of batch 0
        claimAndPublish(2, 2);  // batch 1
        assertEquals(Stripe.FULL, stripe.claim(RecordLayout.slotsFor(2), RecordLayout.claimed(2))); // batch 0 not recycled
        assertEquals(7, openSlots());
        Batch zero = queue.poll();
        assertSame(batchAt(0), zero);
        assertEquals(1L, zero.longs()[RecordLayout.timestampSlot(0)], "record intact");
        zero.recycle(zero.sealedSlots(), 2);
        assertNotEquals(Stripe.FULL, stripe.claim(RecordLayout.slotsFor(2), RecordLayout.claimed(2)));
        assertEquals(2, stripe.sequence());
        assertSame(batchAt(1), queue.poll());
    }

    private int openSlots() {
        return batchAt(stripe.sequence()).sealedSlots();
    }

    @Test
    void consumerSealsOnlyTheExpectedNonEmptyBatch() {
        assertNull(stripe.takeForConsumer(0, true), "empty batch is left open");
        assertFalse(stripe.hasRecords(0));
        claimAndPublish(0, 7);
        assertTrue(stripe.hasRecords(0));
        assertNull(stripe.takeForConsumer(0, false), "a partly filled batch is sealed only when asked");
        assertNull(stripe.takeForConsumer(1, true), "batch 1 is not open yet");
        Batch b = stripe.takeForConsumer(0, true);
        assertSame(batchAt(0), b);
        assertEquals(3, b.sealedSlots());
        assertTrue(queue.isEmpty(), "the consumer keeps what it seals");
        b.recycle(3, 2);
        claimAndPublish(0, 8); // advances to batch 1
        assertEquals(1, stripe.sequence());
    }

    @Test
    void aSealedBatchReachesTheConsumerEvenIfItsHandOffNeverHappened() {
        claimAndPublish(2, 1); // 7 of 8 slots
        Batch zero = batchAt(0);
        long t = zero.lvTail();
        assertTrue(zero.casTail(t, t | Batch.SEALED)); // a sealer that dies right after its seal CAS
        assertTrue(queue.isEmpty());
        assertSame(zero, stripe.takeForConsumer(0, false), "the consumer finds it by looking");
        // Producers are not held up by the missing hand-off: they move on to batch 1.
        assertEquals(0, claimAndPublish(0, 2));
        assertEquals(1, stripe.sequence());
    }

    @Test
    void aBatchWhoseOpenerDiedIsOpenedByTheNextClaimer() {
        claimAndPublish(2, 1);
        Batch zero = batchAt(0);
        long t = zero.lvTail();
        assertTrue(zero.casTail(t, t | Batch.SEALED));
        assertTrue(stripe.casSeq(0, 1)); // advanced seq, then died before opening batch 1
        assertTrue(Batch.isReady(batchAt(1).lvTail()));
        assertEquals(0, claimAndPublish(0, 2), "the next claimer opens batch 1 and claims its first slot");
        assertEquals(1, stripe.sequence());
    }

    @Test
    void aStaleOpenerCannotReopenARecycledBatch() {
        long readyForOne = Batch.readyFor(1);
        Batch one = batchAt(1);
        assertEquals(readyForOne, one.lvTail());
        // Batch 1 is used and recycled for batch 3 while a claimer still holds "ready for 1".
        claimAndPublish(2, 1);              // batch 0
        claimAndPublish(2, 2);              // seals 0, opens 1
        Batch zero = stripe.takeForConsumer(0, false);
        zero.recycle(zero.sealedSlots(), 2);
        Batch b1 = stripe.takeForConsumer(1, true);
        assertSame(one, b1);
        b1.recycle(b1.sealedSlots(), 3);
        assertFalse(one.casTail(readyForOne, 0), "the stale CAS must fail: the batch is ready for 3 now");
        assertEquals(Batch.readyFor(3), one.lvTail());
    }

    @Test
    void droppedEventsAreCounted() {
        stripe.countDrop();
        stripe.countDrop();
        assertEquals(2, stripe.dropped());
    }
}
