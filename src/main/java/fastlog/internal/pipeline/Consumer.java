package fastlog.internal.pipeline;

import java.util.concurrent.locks.LockSupport;

import fastlog.api.Level;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;

/**
 * The consumer side of the pipeline: takes sealed batches, renders their records into one
 * reusable buffer, writes the buffer to the sink, and recycles the batches.
 *
 * <p>Only the thread holding the pipeline's consumer role may call the methods here (normally the
 * writer thread; a thread calling {@code flush()}, or logging after shutdown, takes the role for
 * a while). The role is passed on by a CAS and a release store, which orders all of this state.
 */
final class Consumer {

    /** See {@link #awaitHeader}. */
    private static final int ABANDON_AFTER_PARKS = 2_000;
    private static final String[] LOST_KEYS = {"lost", "lost_total"};
    /** Write out mid-pass once this much is buffered. */
    private static final int WRITE_THRESHOLD = 1 << 20;
    /** A buffer grown past this by a huge event is dropped after writing, not kept. */
    private static final int MAX_RETAINED_BUFFER = 8 << 20;
    private static final int INITIAL_BUFFER = 256 << 10;
    private static final String[] DROP_KEYS = {"dropped", "dropped_total"};

    private final Stripe[] stripes;
    private final MpscArrayQueue<Batch> queue;
    private final ParkedProducers parked;
    private final EventRenderer renderer;
    private final Sink sink;
    private final int maxStringLength;
    /** Next sequence expected from each stripe; batches of a stripe arrive in this order. */
    private final long[] expected;
    private final long[] flushTarget;
    private JsonOutput out;
    private long eventsInBuffer;
    private long reportedDrops;
    /** Events whose logging call failed after claiming room (see {@link RecordLayout#abandoned}). */
    private volatile long abandonedEvents; // written by the role holder only; read by stats()
    private long reportedAbandoned;
    private volatile long eventsWritten;

    Consumer(Stripe[] stripes, MpscArrayQueue<Batch> queue, ParkedProducers parked, EventRenderer renderer,
             Sink sink, int maxStringLength) {
        this.stripes = stripes;
        this.queue = queue;
        this.parked = parked;
        this.renderer = renderer;
        this.sink = sink;
        this.maxStringLength = maxStringLength;
        this.expected = new long[stripes.length];
        this.flushTarget = new long[stripes.length];
        this.out = new JsonOutput(INITIAL_BUFFER, maxStringLength);
    }

    /**
     * Empties the queue of hand-off hints (at most {@code max}). A hint only says that some
     * stripe sealed a batch; {@link #collectAll} finds every sealed batch by looking, in sequence
     * order, so the hints themselves are not needed for correctness.
     *
     * @return the number of hints taken
     */
    int takeHints(int max) {
        int n = 0;
        while (n < max && queue.poll() != null) {
            n++;
        }
        return n;
    }

    /**
     * Renders every sealed batch of every stripe, hinted or not (a sealer may have died before its
     * hand-off), and, if {@code sealPartials}, the partly filled open batches too.
     */
    int collectAll(boolean sealPartials) {
        int events = 0;
        for (int i = 0; i < stripes.length; i++) {
            events += drainStripe(i, Long.MAX_VALUE, sealPartials);
        }
        return events;
    }

    /**
     * Renders stripe {@code si}'s batches in sequence order up to {@code lastSeq}, at most one
     * ring's worth per call, so a pass never chases a producer that keeps filling the stripe
     * (the pass ends, its output is written, and the next pass continues).
     */
    private int drainStripe(int si, long lastSeq, boolean sealPartial) {
        int events = 0;
        Stripe stripe = stripes[si];
        Batch b;
        for (int n = stripe.ringSize(); n > 0 && expected[si] <= lastSeq
                && (b = stripe.takeForConsumer(expected[si], sealPartial)) != null; n--) {
            events += renderBatch(b);
        }
        return events;
    }

    /**
     * Renders and writes every event published before this call began, then flushes the sink.
     * Nothing to wait for but records claimed and not yet published (a few instructions each).
     */
    void drainAll() {
        takeHints(queue.capacity());
        for (int i = 0; i < stripes.length; i++) {
            long last = stripes[i].sequence();
            while (expected[i] <= last && drainStripe(i, last, true) > 0) {
                // up to the sequence that was current when the flush began
            }
        }
        reportDrops();
        writeOut();
        sink.flush();
    }

    private int renderBatch(Batch b) {
        int si = b.stripeIndex();
        Stripe stripe = stripes[si];
        long seq = expected[si];
        int used = b.sealedSlots();
        long[] longs = b.longs();
        Object[] refs = b.refs();
        int events = 0;
        for (int at = 0; at < used; ) {
            long header = awaitHeader(b, at);
            if (header == 0) {
                // Claimed and never published: its logging call died mid-way without marking it.
                // The records after it cannot be located; count them all as lost.
                abandonedEvents += b.eventCount() - events;
                break;
            }
            if (RecordLayout.isAbandoned(header)) {
                abandonedEvents++;
            } else {
                renderer.render(out, longs, refs, at, header);
                eventsInBuffer++;
            }
            events++;
            at += RecordLayout.slotsFor(RecordLayout.fieldCount(header));
        }
        b.recycle(used, seq + stripe.ringSize());
        expected[si] = seq + 1;
        parked.wakeAll();
        if (out.size() >= WRITE_THRESHOLD) {
            writeOut();
        }
        return events;
    }

    /**
     * A claimed record is published within a few instructions, so wait for it. Gives up (returns
     * 0) only after {@link #ABANDON_AFTER_PARKS} parks of 1 ms, a couple of seconds, so a
     * producer that died between its claim and its publish (a StackOverflowError it could not
     * even mark) cannot stall the writer forever. Counting parks rather than reading a clock means
     * a long pause of the whole JVM (GC) does not count as the producer's delay.
     */
    private static long awaitHeader(Batch b, int at) {
        long header;
        for (int spins = 0; (header = b.headerAcquire(at)) == 0; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else if (spins < 1_100) {
                Thread.yield();
            } else if (spins < 1_100 + ABANDON_AFTER_PARKS) {
                LockSupport.parkNanos(1_000_000L);
            } else {
                return 0;
            }
        }
        return header;
    }

    /** Writes a line with the number of events dropped since the last report, if any. */
    void reportDrops() {
        long total = totalDropped();
        if (total > reportedDrops) {
            renderer.renderInternal(out, EpochClock.micros(), Level.WARN.ordinal(),
                    "fastlog dropped events: the queue was full", DROP_KEYS,
                    new long[] {total - reportedDrops, total});
            reportedDrops = total;
        }
        if (abandonedEvents > reportedAbandoned) {
            renderer.renderInternal(out, EpochClock.micros(), Level.ERROR.ordinal(),
                    "fastlog lost events: their logging calls failed before completing them (StackOverflowError)",
                    LOST_KEYS, new long[] {abandonedEvents - reportedAbandoned, abandonedEvents});
            reportedAbandoned = abandonedEvents;
        }
    }

    long abandonedEvents() {
        return abandonedEvents;
    }

    boolean dropsUnreported() {
        return totalDropped() > reportedDrops || abandonedEvents > reportedAbandoned;
    }

    long totalDropped() {
        long total = 0;
        for (Stripe s : stripes) {
            total += s.dropped();
        }
        return total;
    }

    /** One write for everything rendered so far. */
    void writeOut() {
        int size = out.size();
        if (size == 0) {
            return;
        }
        long events = eventsInBuffer;
        if (sink.write(out.array(), size, events)) {
            eventsWritten = eventsWritten + events; // single writer: the role holder
        }
        eventsInBuffer = 0;
        if (out.array().length > MAX_RETAINED_BUFFER) {
            out = new JsonOutput(INITIAL_BUFFER, maxStringLength);
        } else {
            out.reset();
        }
    }

    /** Whether anything is waiting to be rendered (racy; used before the writer parks). */
    boolean hasWork() {
        if (!queue.isEmpty() || dropsUnreported()) {
            return true;
        }
        for (int i = 0; i < stripes.length; i++) {
            if (stripes[i].hasRecords(expected[i])) {
                return true;
            }
        }
        return false;
    }

    boolean queueIsEmpty() {
        return queue.isEmpty();
    }

    long eventsWritten() {
        return eventsWritten;
    }

    /** Events staged but not yet rendered (racy snapshot from any thread). */
    long pendingEvents() {
        long n = 0;
        for (int i = 0; i < stripes.length; i++) {
            n += stripes[i].pendingEvents(expected[i]);
        }
        return n;
    }

    Sink sink() {
        return sink;
    }
}
