package fastlog.internal.pipeline;

import fastlog.internal.json.JsonOutput;
import fastlog.internal.level.Levels;
import fastlog.internal.record.RecordVisitor;
import fastlog.internal.render.LineRenderer;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.StripeReader;

/**
 * Turns the records the {@link StripeReader} finds into lines (NDJSON, or the console format: the
 * {@link LineRenderer} chosen when the pipeline was built) in one reusable buffer,
 * writes the buffer to the sink, and reports dropped and lost events in the stream.
 *
 * <p>Only the thread holding the {@link ConsumerRole} calls the reading, rendering and writing
 * methods (normally the writer thread; a thread in {@code flush()}, or logging after shutdown,
 * for a while). The role is passed on by a CAS and a release store, which orders all of this
 * state. The counters are volatile so that {@code stats()} can read them from any thread.
 */
public final class LineWriter implements RecordVisitor {

    private static final String[] LOST_KEYS = {"lost", "lost_total"};
    private static final String[] DROP_KEYS = {"dropped", "dropped_total"};
    private static final String[] SAMPLED_KEYS = {"sampled_out", "sampled_out_total"};
    /** Write out between batches once this much is buffered. */
    private static final int WRITE_THRESHOLD = 1 << 20;
    /** A buffer grown past this by a huge event is dropped after writing, not kept. */
    private static final int MAX_RETAINED_BUFFER = 8 << 20;
    /** Grows to the write threshold within the first passes, then is kept. */
    private static final int INITIAL_BUFFER = 16 << 10;

    private final StripeReader reader;
    private final LineRenderer renderer;
    private final Sink sink;
    private final int maxStringLength;
    /** The sampling policy, or null: its suppressed events are reported at most once per period. */
    private final Sampler sampler;
    private JsonOutput out;
    private long eventsInBuffer;
    private long reportedDrops;
    private long reportedLost;
    private long reportedSampled;
    private long lastSampledReport = System.nanoTime();
    /** Events claimed but never published (see {@code RecordProtocol.abandon}). */
    private volatile long lostEvents;
    private volatile long eventsWritten;

    public LineWriter(StripeReader reader, LineRenderer renderer, Sink sink, int maxStringLength) {
        this(reader, renderer, sink, maxStringLength, null);
    }

    public LineWriter(StripeReader reader, LineRenderer renderer, Sink sink, int maxStringLength, Sampler sampler) {
        this.sampler = sampler;
        this.reader = reader;
        this.renderer = renderer;
        this.sink = sink;
        this.maxStringLength = maxStringLength;
        this.out = new JsonOutput(INITIAL_BUFFER, maxStringLength);
    }

    /** Renders the batches handed off since the last call. @return records read */
    public int readHandedOff() {
        return reader.readHandedOff(this);
    }

    /** Renders every stripe's sealed batches, and partly filled ones if {@code sealPartials}. */
    public int sweep(boolean sealPartials) {
        return reader.sweep(sealPartials, this);
    }

    /** Renders and writes every event published before this call began, then flushes the sink. */
    public void drainAll() {
        reader.readAll(this);
        reportDrops();
        reportSampled(true);
        writeOut();
        sink.flush();
    }

    @Override
    public void published(long[] longs, Object[] refs, int at, long header) {
        renderer.render(out, longs, refs, at, header);
        eventsInBuffer++;
    }

    @Override
    public void lost(int events) {
        lostEvents = lostEvents + events; // single writer: the role holder
    }

    @Override
    public void batchDone() {
        if (out.size() >= WRITE_THRESHOLD) {
            writeOut();
        }
    }

    /** Writes a line for the events dropped, and one for the events lost, since the last report. */
    public void reportDrops() {
        long dropped = reader.totalDropped();
        if (dropped > reportedDrops) {
            renderer.renderInternal(out, EpochClock.micros(), Levels.WARN,
                    "fastlog dropped events: the queue was full", DROP_KEYS,
                    new long[] {dropped - reportedDrops, dropped});
            reportedDrops = dropped;
        }
        long lost = lostEvents;
        if (lost > reportedLost) {
            renderer.renderInternal(out, EpochClock.micros(), Levels.ERROR,
                    "fastlog lost events: their logging calls failed before completing them (StackOverflowError)",
                    LOST_KEYS, new long[] {lost - reportedLost, lost});
            reportedLost = lost;
        }
        reportSampled(false);
    }

    /**
     * A line for the events the sampling policy suppressed since the last report: at most once per
     * sampling period, or now if {@code force} (flush, shutdown).
     */
    private void reportSampled(boolean force) {
        if (sampler == null) {
            return;
        }
        long sampled = sampler.suppressed();
        long now = System.nanoTime();
        if (sampled > reportedSampled && (force || now - lastSampledReport >= sampler.periodNanos())) {
            renderer.renderInternal(out, EpochClock.micros(), Levels.INFO,
                    "fastlog sampled out events: the sampling policy suppressed them", SAMPLED_KEYS,
                    new long[] {sampled - reportedSampled, sampled});
            reportedSampled = sampled;
            lastSampledReport = now;
        }
    }

    /** One write for everything rendered so far. */
    public void writeOut() {
        int size = out.size();
        if (size == 0) {
            return;
        }
        long events = eventsInBuffer;
        eventsWritten = eventsWritten + sink.write(out.array(), size, events); // single writer: the role holder
        eventsInBuffer = 0;
        if (out.array().length > MAX_RETAINED_BUFFER) {
            out = new JsonOutput(INITIAL_BUFFER, maxStringLength);
        } else {
            out.reset();
        }
    }

    /** Whether anything waits to be read or reported (racy; the writer's re-check before it parks). */
    public boolean hasWork() {
        return reader.hasWork() || reader.totalDropped() > reportedDrops || lostEvents > reportedLost
                || (sampler != null && sampler.suppressed() > reportedSampled);
    }

    boolean hasHandOffs() {
        return reader.hasHandOffs();
    }

    long eventsWritten() {
        return eventsWritten;
    }

    long lostEvents() {
        return lostEvents;
    }
}
