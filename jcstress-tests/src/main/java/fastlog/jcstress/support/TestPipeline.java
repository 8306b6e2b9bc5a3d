package fastlog.jcstress.support;

import java.io.OutputStream;
import java.io.PrintStream;

import fastlog.api.BuilderAccess;
import fastlog.api.EventBuilder;
import fastlog.internal.level.Levels;
import fastlog.internal.pipeline.ConsumerRole;
import fastlog.internal.pipeline.EventAppender;
import fastlog.internal.pipeline.FullQueueHandler;
import fastlog.internal.pipeline.LineWriter;
import fastlog.internal.pipeline.WriterThread;
import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;
import fastlog.internal.stripe.StripeReader;

/**
 * The production pipeline's parts over one stripe, wired as {@code Pipeline} wires them, minus the
 * running writer thread and the output: the tests race the real {@link EventAppender} (producers)
 * against the real {@link StripeReader} (consumer) and the real {@link WriterThread} wake-up
 * state. The full-queue policy is DROP, so a claim that finds no room returns at once and is
 * counted in {@link Stripe#dropped()}.
 *
 * <p>Record {@code id} (1..9) is logged by logger {@code logger-id} with message
 * {@code message-id}, and field {@code f} is {@code key-id: id * 100 + f} (a long), so every slot
 * of a record names its producer; {@link IdReader} checks all of them.
 */
public final class TestPipeline {

    /** How long the test reader waits for a claimed, unpublished record: 10 s of 1 ms parks. */
    public static final int READER_MAX_PARKS = 10_000;

    static final LoggerCore[] CORE = new LoggerCore[10];
    static final String[] MSG = new String[10];
    static final String[] KEY = new String[10];

    static {
        for (int id = 0; id < 10; id++) {
            CORE[id] = new LoggerCore("logger-" + id, new LevelSetting(Levels.TRACE));
            MSG[id] = "message-" + id;
            KEY[id] = "key-" + id;
        }
    }

    public final MpscArrayQueue<Batch> queue;
    public final Stripe stripe;
    public final ParkedProducers parked = new ParkedProducers();
    public final StripeReader reader;
    public final WriterThread writer;
    public final EventAppender appender;
    private final IdReader ids = new IdReader();

    /**
     * @param ringSize batches in the stripe's ring
     * @param batchSlots slots per batch ({@code RecordLayout.slotsFor(n)} per record of n fields)
     */
    public TestPipeline(int ringSize, int batchSlots) {
        queue = new MpscArrayQueue<>(ringSize);
        WriterThread[] w = new WriterThread[1];
        stripe = new Stripe(0, ringSize, batchSlots, queue, () -> w[0].wake());
        reader = new StripeReader(new Stripe[] {stripe}, queue, parked, READER_MAX_PARKS);
        ConsumerRole role = new ConsumerRole();
        LineWriter lines = new LineWriter(reader, new EventRenderer(new ReservedKeys("ts", "level", "logger", "msg"), 64),
                new Sink(OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream())), 64);
        writer = w[0] = new WriterThread(role, lines, 1_000_000L);
        Runnable noSynchronousWrites = () -> { };
        appender = new EventAppender(new Stripe[] {stripe}, (batchSlots - RecordLayout.HEADER_SLOTS) / 2,
                new FullQueueHandler(true, parked, role, writer, noSynchronousWrites), writer, noSynchronousWrites);
    }

    /**
     * Logs record {@code id} with {@code fields} fields (0..3) through the real appender.
     *
     * @return whether it was written (false: the stripe was full and the record was dropped). Read
     *         from the stripe's shared drop counter: exact when no other thread drops a record
     *         during this call; while other producers may drop concurrently, a written record can
     *         read as dropped (count attempts - {@link Stripe#dropped()} instead, as
     *         {@code StaleSealRepro} does)
     */
    public boolean log(int id, int fields) {
        long dropped = stripe.dropped();
        LoggerCore c = CORE[id];
        String m = MSG[id];
        String k = KEY[id];
        long v = id * 100L;
        int t = RecordLayout.TAG_LONG;
        switch (fields) {
            case 0 -> appender.log0(c, Levels.INFO, m);
            case 1 -> appender.log1(c, Levels.INFO, m, k, t, v, null);
            case 2 -> appender.log2(c, Levels.INFO, m, k, t, v, null, k, t, v + 1, null);
            case 3 -> appender.log3(c, Levels.INFO, m, k, t, v, null, k, t, v + 1, null, k, t, v + 2, null);
            default -> throw new IllegalArgumentException("fields: " + fields);
        }
        return stripe.dropped() == dropped;
    }

    /**
     * Logs record {@code id} with {@code fields} fields (0..3) through the real event builder
     * ({@code Logger.atInfo().field(..).log(msg)}), which claims and fills its record in separate
     * steps ({@code EventAppender.begin}, then the fields, then {@code publishBegun}).
     *
     * @return as {@link #log}
     */
    public boolean logBuilt(int id, int fields) {
        long dropped = stripe.dropped();
        EventBuilder b = BuilderAccess.start(appender, CORE[id], Levels.INFO);
        for (int f = 0; f < fields; f++) {
            b = b.field(KEY[id], id * 100L + f);
        }
        b.log(MSG[id]);
        return stripe.dropped() == dropped;
    }

    /** Reads the handed-off batches (the writer's usual pass). @return their record ids, as digits, or an {@link IdReader} error */
    public int readHandedOff() {
        ids.reset();
        reader.readHandedOff(ids);
        return ids.result();
    }

    /** Sweeps the stripe (the writer's linger pass). @return the record ids read, as digits, or an error */
    public int sweep(boolean sealPartials) {
        ids.reset();
        reader.sweep(sealPartials, ids);
        return ids.result();
    }

    /** Reads everything claimed so far (what flush does). @return the record ids read, as digits, or an error */
    public int readAll() {
        ids.reset();
        reader.readAll(ids);
        return ids.result();
    }

    /**
     * Moves a fresh stripe on by {@code batches} batches, each holding one filler record (id 9,
     * {@code fields} fields) that is logged and read, so the ring wraps sooner: batch
     * {@code batches} then lives in ring slot {@code batches % ringSize}.
     *
     * @return the stripe's sequence afterwards (= {@code batches})
     */
    public long advance(int batches, int fields) {
        for (int s = 0; s < batches; s++) {
            if (!log(9, fields) || readAll() != 9) {
                throw new IllegalStateException("advance: could not log and read batch " + s);
            }
        }
        // The stripe's sequence moves to the next batch lazily, with the next claim.
        if (stripe.sequence() != Math.max(0, batches - 1) || !queue.isEmpty()) {
            throw new IllegalStateException("advance: stripe at " + stripe.sequence());
        }
        return batches;
    }
}
