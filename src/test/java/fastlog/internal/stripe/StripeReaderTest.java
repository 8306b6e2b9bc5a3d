package fastlog.internal.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.record.RecordVisitor;

/** Where the consumer looks: hand-offs first, sweeps as the recovery path; one thread, jcstress covers the races. */
class StripeReaderTest {

    /** Batches of 6 slots: two field-less records (3 slots each) fill one. */
    private final MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(8);
    private final Stripe[] stripes = {
            new Stripe(0, 4, 6, queue, () -> { }), new Stripe(1, 4, 6, queue, () -> { })};
    private final StripeReader reader = new StripeReader(stripes, queue, new ParkedProducers(), 10);
    /** Timestamps of the records read, in order: the test's record ids. */
    private final List<Long> read = new ArrayList<>();
    private final RecordVisitor visitor = new RecordVisitor() {
        @Override
        public void published(long[] longs, Object[] refs, int at, long header) {
            read.add(longs[RecordLayout.timestampSlot(at)]);
        }

        @Override
        public void lost(int events) {
            read.add((long) -events);
        }
    };

    private void write(int stripe, long id) {
        long c = stripes[stripe].claim(RecordLayout.slotsFor(0), RecordLayout.claimed(0));
        Batch b = stripes[stripe].batch((int) (c >>> 32));
        RecordProtocol.publish(b.longs(), b.refs(), (int) c, null, 2, id, null, null, 0);
    }

    @Test
    void aHandedOffBatchIsReadWithoutSweepingAndOtherStripesWait() {
        write(0, 1);
        write(0, 2);
        write(1, 10);     // stripe 1: open batch, nothing handed off
        write(0, 3);      // seals stripe 0's first batch and hands it off
        assertEquals(2, reader.readHandedOff(visitor));
        assertEquals(List.of(1L, 2L), read, "only the handed-off batch; the open ones wait for a sweep");
        assertFalse(reader.hasHandOffs());
        assertTrue(reader.hasWork(), "stripe 1 and stripe 0's open batch still hold records");
        assertEquals(2, reader.sweep(true, visitor));
        assertEquals(List.of(1L, 2L, 3L, 10L), read);
        assertFalse(reader.hasWork());
    }

    @Test
    void aStaleHandOffReadsNothingTwice() {
        write(0, 1);
        write(0, 2);
        write(0, 3);                     // hand-off of batch 0 queued
        assertEquals(3, reader.sweep(true, visitor)); // the sweep got there first
        assertEquals(0, reader.readHandedOff(visitor), "the queued hand-off names a batch already read");
        assertEquals(List.of(1L, 2L, 3L), read);
    }

    @Test
    void handOffsAreReadInSequenceOrderWhateverOrderTheyArriveIn() {
        write(0, 1);
        write(0, 2);
        write(0, 3);      // seals batch 0
        write(0, 4);
        write(0, 5);      // seals batch 1
        Batch first = queue.poll();
        Batch second = queue.poll();
        queue.offer(second);
        queue.offer(first);
        assertEquals(4, reader.readHandedOff(visitor));
        assertEquals(List.of(1L, 2L, 3L, 4L), read);
    }

    @Test
    void readAllSealsAndReadsEveryRecordClaimedBeforeIt() {
        write(0, 1);
        write(1, 2);
        write(1, 3);
        write(1, 4);
        reader.readAll(visitor);
        assertEquals(List.of(1L, 2L, 3L, 4L), read);
        assertFalse(reader.hasWork());
        assertEquals(0, reader.pendingEvents());
    }

    @Test
    void aRecordThatIsNeverPublishedCostsOnlyItselfAfterTheReaderGivesUp() {
        stripes[0].claim(RecordLayout.slotsFor(0), RecordLayout.claimed(0)); // its thread died
        write(0, 2);                                                         // same batch, after it
        write(0, 3);                                                         // the next batch
        reader.readAll(visitor);
        assertEquals(List.of(-1L, 2L, 3L), read);
    }
}
