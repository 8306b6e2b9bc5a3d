package fastlog.internal.pipeline;

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
     * Renders at most {@code maxBatches} handed-off batches, so that one writer pass under
     * sustained load stays short and a waiting {@code flush()} gets its turn.
     */
    int drainQueue(int maxBatches) {
        int events = 0;
        Batch b;
        for (int n = 0; n < maxBatches && (b = queue.poll()) != null; n++) {
            events += renderBatch(b);
        }
        return events;
    }

    /** Seals and renders every partly filled current batch whose predecessors are done. */
    int sweepPartials() {
        int events = 0;
        for (int i = 0; i < stripes.length; i++) {
            Batch b = stripes[i].sealForConsumer(expected[i]);
            if (b != null) {
                events += renderBatch(b);
            }
        }
        return events;
    }

    /**
     * Renders and writes every event published before this call began, then flushes the sink.
     * Waits only for hand-offs already in progress (a few instructions each).
     */
    void drainAll() {
        drainQueue(queue.capacity()); // batches handed off before the targets are read precede them
        for (int i = 0; i < stripes.length; i++) {
            flushTarget[i] = stripes[i].sequence();
        }
        for (int spins = 0; ; spins++) {
            drainQueue(queue.capacity());
            boolean done = true;
            for (int i = 0; i < stripes.length; i++) {
                long e = expected[i];
                if (e > flushTarget[i]) {
                    continue;
                }
                Batch b = stripes[i].sealForConsumer(e);
                if (b != null) {
                    renderBatch(b);
                    continue;
                }
                if (!stripes[i].isOpenAndEmpty(e)) {
                    done = false; // a hand-off in flight: it will be in the queue momentarily
                }
            }
            if (done) {
                break;
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
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
        for (int at = 0; at < used; events++) {
            long header = awaitHeader(b, at);
            renderer.render(out, longs, refs, at, header);
            at += RecordLayout.slotsFor(RecordLayout.fieldCount(header));
        }
        b.recycle(used, seq + stripe.ringSize());
        expected[si] = seq + 1;
        parked.wakeAll();
        eventsInBuffer += events;
        if (out.size() >= WRITE_THRESHOLD) {
            writeOut();
        }
        return events;
    }

    /** A claimed record is published within a few instructions; wait for it, never skip it. */
    private static long awaitHeader(Batch b, int at) {
        long header;
        for (int spins = 0; (header = b.headerAcquire(at)) == 0; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
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
    }

    boolean dropsUnreported() {
        return totalDropped() > reportedDrops;
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
        for (Stripe s : stripes) {
            if (s.openSlots() > 0) {
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
