package fastlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer's reading of a sealed batch through every header state a record slot can hold:
 * published, abandoned, claimed and never published (its claim mark says how far to skip), and
 * 0 (length unknown: the rest of the batch is lost). One thread; jcstress covers the races.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordProtocolTest {

    /** Room for a few records of one field (5 slots each). */
    private final long[] longs = new long[64];
    private final Object[] refs = new Object[64];
    /** Record ids read (their timestamps), and -n for n events reported lost. */
    private final List<Long> seen = new ArrayList<>();
    private final RecordVisitor visitor = new RecordVisitor() {
        @Override
        public void published(long[] l, Object[] r, int at, long header) {
            seen.add(l[RecordLayout.timestampSlot(at)]);
        }

        @Override
        public void lost(int events) {
            seen.add((long) -events);
        }
    };
    private int used;

    /** Claims the next record (what {@code Stripe.claim} leaves in its first slot) and returns its slot. */
    private int claim() {
        int at = used;
        longs[at] = RecordLayout.claimed(1);
        used += RecordLayout.slotsFor(1);
        return at;
    }

    private void publish(int at, long id) {
        RecordProtocol.putField(longs, refs, at, 0, "n", RecordLayout.TAG_LONG, id, null);
        RecordProtocol.publish(longs, refs, at, null, 2, id, "m", null, 1);
    }

    private int read(int events, int maxParks) {
        return RecordProtocol.read(longs, refs, used, events, maxParks, visitor);
    }

    @Test
    void publishedRecordsAreReadInSlotOrder() {
        publish(claim(), 1);
        publish(claim(), 2);
        assertEquals(used, read(2, 5));
        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void anAbandonedRecordIsSkippedAtOnceAndCountedLost() {
        publish(claim(), 1);
        int failed = claim();
        RecordProtocol.putField(longs, refs, failed, 0, "n", RecordLayout.TAG_LONG, 99, null); // half written
        RecordProtocol.abandon(longs, failed, 1);
        publish(claim(), 3);
        assertEquals(used, read(3, 0)); // no patience needed: abandoned is a final state
        assertEquals(List.of(1L, -1L, 3L), seen);
    }

    @Test
    void abandonLeavesAPublishedHeaderAlone() {
        int at = claim();
        publish(at, 1);
        RecordProtocol.abandon(longs, at, 1);
        read(1, 0);
        assertEquals(List.of(1L), seen);
    }

    @Test
    void aClaimedRecordThatIsNeverPublishedCostsOnlyItself() {
        publish(claim(), 1);
        int dead = claim();
        RecordProtocol.putField(longs, refs, dead, 0, "n", RecordLayout.TAG_LONG, 99, null); // its tag is not a header
        publish(claim(), 3);
        assertEquals(used, read(3, 5));
        assertEquals(List.of(1L, -1L, 3L), seen);
    }

    @Test
    void aSlotStill0AfterThePatienceLosesTheRestOfTheBatch() {
        publish(claim(), 1);
        int unknown = claim();
        longs[unknown] = 0; // the claim mark never became visible: the record's length is unknown
        publish(claim(), 3);
        assertEquals(unknown, read(3, 5));
        assertEquals(List.of(1L, -2L), seen);
    }

    @Test
    void theReaderWaitsForARecordPublishedLate() throws Exception {
        int late = claim();
        publish(claim(), 2);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            publish(late, 1);
        });
        assertEquals(used, read(2, RecordProtocol.WRITER_MAX_PARKS));
        producer.join();
        assertEquals(List.of(1L, 2L), seen);
    }
}
