package fastlog.internal.pipeline;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import fastlog.api.FullQueuePolicy;
import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ContextStore;
import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.Capture;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;

/**
 * One running logging system: stripes, the hand-off queue, the writer thread and the sink.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Producers</b> (any thread) call the {@code log*} methods: capture values (user
 *       {@code toString()} runs here, before anything is claimed), claim slots in their stripe,
 *       fill them with plain stores and publish the header with release (see {@link Stripe}).</li>
 *   <li><b>Consumer role.</b> Rendering state lives in one {@link Consumer}; a thread may use it
 *       only while it owns {@code consumerOwner} (CAS from null to itself; released with a
 *       release store). The writer thread takes it for each pass; {@link #flush} and logging
 *       after shutdown take it on the calling thread.</li>
 *   <li><b>Writer wake-up.</b> {@code writerState} is RUNNING, LINGERING (timed park, waiting for
 *       partly filled batches to fill) or IDLE (untimed park: nothing staged anywhere). The writer
 *       stores its state (volatile), re-checks for work (volatile loads of queue indices and batch
 *       tails), then parks. A producer that claims the first slot of a batch (its tail CAS is
 *       volatile) then loads {@code writerState} and unparks an IDLE writer; a producer that hands
 *       off a batch or drops an event unparks a writer that is not RUNNING. Volatile accesses are
 *       sequentially consistent, so the writer's re-check or the producer's load sees the other:
 *       no lost wake-up. Events in a partly filled batch wait at most one linger period.</li>
 *   <li><b>Full.</b> Under BLOCK a producer registers in {@link ParkedProducers}, re-checks and
 *       parks; the consumer wakes all after recycling. Under DROP, or when the caller is the
 *       consumer itself (a {@code toString()} or {@code getMessage()} that logs while rendering),
 *       the event is counted as dropped and reported in the stream, so the writer never waits on
 *       itself.</li>
 *   <li><b>Close.</b> {@code closed} is set once. A producer reads it (volatile) after publishing;
 *       if set, it writes its event itself, holding the consumer role, before returning. If it
 *       read {@code false}, its tail CAS preceded the store of {@code closed} in the synchronization
 *       order, so the final drain, which starts after that store, sees and waits for its record.</li>
 * </ul>
 */
public final class Pipeline {

    private static final int RUNNING = 0;
    private static final int LINGERING = 1;
    private static final int IDLE = 2;
    private static final int RING_SIZE = 4;
    /** A waiting producer re-checks after this even if not woken (wake-ups are proven; see jcstress). */
    private static final long WAIT_SAFETY_NET_NANOS = 20_000_000L;
    /** Claims pack the stripe index above the ring index (bits 32..39) and slot (bits 0..31). */
    private static final int STRIPE_SHIFT = 40;
    private static final int RING_INDEX_MASK = 0xFF;
    /** Slots a three-field event takes: what the configured capacity is counted in. */
    private static final int SLOTS_PER_CAPACITY_EVENT = RecordLayout.slotsFor(3);
    private static final String TRUNCATED_KEY = "_truncated_fields";
    private static final String EXTRA_KEY = "_extra";
    private static final String EXCEPTION_KEY = "exception";
    private static final String CHANGED_WHILE_LOGGING = "<changed while logging>";

    private static final VarHandle CONSUMER_OWNER;
    private static final VarHandle WRITER_STATE;
    private static final VarHandle CLOSED;
    private static final VarHandle FLUSH_REQUESTS;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CONSUMER_OWNER = l.findVarHandle(Pipeline.class, "consumerOwner", Thread.class);
            WRITER_STATE = l.findVarHandle(Pipeline.class, "writerState", int.class);
            CLOSED = l.findVarHandle(Pipeline.class, "closed", boolean.class);
            FLUSH_REQUESTS = l.findVarHandle(Pipeline.class, "flushRequests", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PipelineConfig config;
    private final Stripe[] stripes;
    private final int stripeMask;
    private final int maxFields;
    private final MpscArrayQueue<Batch> queue;
    private final ParkedProducers parked = new ParkedProducers();
    private final Consumer consumer;
    private final Sink sink;
    private final boolean dropWhenFull;
    private final long lingerNanos;
    private final int capacityEvents;
    private final Thread writer;
    private final Thread shutdownHook;

    private volatile Thread consumerOwner;
    private volatile int writerState;
    private volatile boolean closed;
    private volatile boolean stopRequested;
    private volatile boolean terminated;
    private volatile int flushRequests;
    private volatile boolean writerFailureReported;

    public Pipeline(PipelineConfig config, PrintStream errorReport) {
        this.config = config;
        int stripeCount = stripeCount(Runtime.getRuntime().availableProcessors());
        long totalSlots = (long) config.queueCapacity() * SLOTS_PER_CAPACITY_EVENT;
        int batchSlots = (int) Math.max(64, Math.min(1 << 24, ceilDiv(totalSlots, (long) stripeCount * RING_SIZE)));
        this.capacityEvents = (int) Math.min(Integer.MAX_VALUE,
                (long) batchSlots * stripeCount * RING_SIZE / SLOTS_PER_CAPACITY_EVENT);
        this.maxFields = (batchSlots - RecordLayout.HEADER_SLOTS) / RecordLayout.SLOTS_PER_FIELD;
        this.queue = new MpscArrayQueue<>(stripeCount * RING_SIZE);
        this.stripes = new Stripe[stripeCount];
        this.stripeMask = stripeCount - 1;
        Runnable onHandOff = this::wakeWriter;
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new Stripe(i, RING_SIZE, batchSlots, queue, onHandOff);
        }
        this.sink = new Sink(config.output() != null ? config.output() : Sink.stdout(), errorReport);
        this.consumer = new Consumer(stripes, queue, parked,
                new EventRenderer(config.fieldNames(), config.maxStringLength()), sink, config.maxStringLength());
        this.dropWhenFull = config.fullQueuePolicy() == FullQueuePolicy.DROP;
        this.lingerNanos = config.lingerNanos();
        this.writer = new Thread(this::writerLoop, "fastlog-writer");
        this.writer.setDaemon(true);
        this.shutdownHook = new Thread(this::shutdown, "fastlog-shutdown");
    }

    static int stripeCount(int cpus) {
        int wanted = Math.min(64, Math.max(2, 2 * cpus));
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Starts the writer and registers the JVM shutdown hook. */
    public void start() {
        writer.start();
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Started during JVM shutdown: events are written synchronously from now on.
            shutdown();
        }
    }

    // ---------------------------------------------------------------- producer side

    /**
     * Claims room in the calling thread's stripe (chosen by thread id, so a thread's events stay
     * in order) or applies the full-queue policy.
     *
     * @return {@code stripe << STRIPE_SHIFT | ringIndex << 32 | slot}, or FULL if dropped
     */
    private long claim(int slots) {
        long id = Thread.currentThread().threadId();
        int si = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & stripeMask;
        Stripe stripe = stripes[si];
        long c = stripe.claim(slots);
        if (c == Stripe.FULL && (c = claimWhenFull(stripe, slots)) == Stripe.FULL) {
            return Stripe.FULL;
        }
        return ((long) si << STRIPE_SHIFT) | c;
    }

    private long claimWhenFull(Stripe stripe, int slots) {
        Thread me = Thread.currentThread();
        if (dropWhenFull || me == consumerOwner || me == writer) {
            stripe.countDrop();
            wakeWriter();
            return Stripe.FULL;
        }
        ParkedProducers.Waiter waiter = new ParkedProducers.Waiter();
        // park() returns at once while the interrupt flag is set: clear it for the wait so an
        // interrupted thread parks instead of spinning, and restore it before returning.
        boolean interrupted = Thread.interrupted();
        try {
            for (;;) {
                wakeWriter();
                parked.register(waiter);
                long c = stripe.claim(slots);
                if (c != Stripe.FULL) {
                    return c;
                }
                if (closed && !writer.isAlive()) {
                    writeSynchronously();
                    continue;
                }
                // Timed only as a safety net: the consumer unparks registered producers.
                LockSupport.parkNanos(this, WAIT_SAFETY_NET_NANOS);
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void log0(LoggerCore core, int level, String msg) {
        long ts = EpochClock.micros();
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(0));
        if (c != Stripe.FULL) {
            try {
                publish(batchOf(c), (int) c, core, level, ts, msg, ctx, 0);
            } catch (Throwable t) {
                abandon(c, 0);
                throw t;
            }
            afterPublish((int) c);
        }
    }

    public void log1(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0) {
        long ts = EpochClock.micros();
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(1));
        if (c != Stripe.FULL) {
            try {
                Batch b = batchOf(c);
                putField(b, (int) c, 0, k0, t0, b0, r0);
                publish(b, (int) c, core, level, ts, msg, ctx, 1);
            } catch (Throwable t) {
                abandon(c, 1);
                throw t;
            }
            afterPublish((int) c);
        }
    }

    public void log2(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0,
                     String k1, int t1, long b1, Object r1) {
        long ts = EpochClock.micros();
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(2));
        if (c != Stripe.FULL) {
            try {
                Batch b = batchOf(c);
                putField(b, (int) c, 0, k0, t0, b0, r0);
                putField(b, (int) c, 1, k1, t1, b1, r1);
                publish(b, (int) c, core, level, ts, msg, ctx, 2);
            } catch (Throwable t) {
                abandon(c, 2);
                throw t;
            }
            afterPublish((int) c);
        }
    }

    public void log3(LoggerCore core, int level, String msg,
                     String k0, int t0, long b0, Object r0,
                     String k1, int t1, long b1, Object r1,
                     String k2, int t2, long b2, Object r2) {
        long ts = EpochClock.micros();
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(3));
        if (c != Stripe.FULL) {
            try {
                Batch b = batchOf(c);
                putField(b, (int) c, 0, k0, t0, b0, r0);
                putField(b, (int) c, 1, k1, t1, b1, r1);
                putField(b, (int) c, 2, k2, t2, b2, r2);
                publish(b, (int) c, core, level, ts, msg, ctx, 3);
            } catch (Throwable t) {
                abandon(c, 3);
                throw t;
            }
            afterPublish((int) c);
        }
    }

    private Batch batchOf(long claim) {
        return stripes[(int) (claim >>> STRIPE_SHIFT)].batch((int) (claim >>> 32) & RING_INDEX_MASK);
    }

    private static void putField(Batch b, int at, int field, String key, int tag, long bits, Object ref) {
        int k = RecordLayout.keySlot(at, field);
        long[] longs = b.longs();
        Object[] refs = b.refs();
        longs[k] = tag;
        refs[k] = key;
        longs[k + 1] = bits;
        refs[k + 1] = ref;
    }

    /**
     * Fills the record's fixed slots and publishes its header (release). Everything that could
     * block or run foreign code (clock, context lookup, class initialization of either) happens
     * before the claim, so a claimed record is published within a few plain stores; the only
     * thing that can interrupt them is the thread running out of stack.
     */
    private static void publish(Batch b, int at, LoggerCore core, int level, long ts, String msg,
                                ContextFrame ctx, int fields) {
        b.refs()[at] = core;
        b.longs()[RecordLayout.timestampSlot(at)] = ts;
        b.refs()[RecordLayout.messageSlot(at)] = msg;
        b.refs()[RecordLayout.contextSlot(at)] = ctx;
        b.publish(at, RecordLayout.header(level, fields));
    }

    /** After the header is out: wake an idle writer; after shutdown, write it ourselves. */
    private void afterPublish(int at) {
        if (at == 0 && writerState == IDLE) {
            wakeWriterFromIdle();
        }
        if (closed) {
            writeSynchronously();
        }
    }

    /**
     * The logging call failed (StackOverflowError) between claiming its slots and publishing
     * them: mark them abandoned so the writer skips them and reports the event lost, instead of
     * waiting for it. Plain stores and no calls beyond two getters, so this usually still fits on
     * the stack that just overflowed; if not, the writer gives up on the record after a while
     * (see {@code Consumer.awaitHeader}). A header this thread already published is left alone.
     */
    private void abandon(long claim, int fields) {
        long[] longs = batchOf(claim).longs();
        int at = (int) claim;
        if (longs[at] == 0) {
            longs[at] = RecordLayout.abandoned(fields);
        }
    }

    /**
     * Any number of pairs as alternating keys and values. A trailing element without a value
     * becomes the value of a field named {@code exception} if it is a Throwable (the
     * {@code log.error("failed", e)} idiom), else of a field named {@code _extra}. Pairs beyond
     * what one batch can hold are cut and counted in a field named {@code _truncated_fields}.
     */
    public void logPairs(LoggerCore core, int level, String msg, Object[] keysAndValues) {
        long ts = EpochClock.micros();
        Object[] kv = keysAndValues == null ? new Object[0] : keysAndValues;
        int given = kv.length / 2 + (kv.length & 1);
        if ((kv.length & 1) == 0 && given <= maxFields && Capture.allKept(kv)) {
            logPlainPairs(core, level, msg, ts, kv, given);
            return;
        }
        int fields = Math.min(given, maxFields);
        int kept = given > maxFields ? maxFields - 1 : fields;
        // Capture before claiming: user toString() must never run while a record is half written.
        String[] keys = new String[fields];
        Object[] values = new Object[fields];
        for (int f = 0; f < kept; f++) {
            int i = 2 * f;
            if (i + 1 < kv.length) {
                keys[f] = Capture.key(kv[i]);
                values[f] = Capture.value(kv[i + 1]);
            } else {
                keys[f] = kv[i] instanceof Throwable ? EXCEPTION_KEY : EXTRA_KEY;
                values[f] = Capture.value(kv[i]);
            }
        }
        if (kept < fields) {
            keys[kept] = TRUNCATED_KEY;
            values[kept] = Long.valueOf(given - kept);
        }
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(fields));
        if (c == Stripe.FULL) {
            return;
        }
        try {
            Batch b = batchOf(c);
            for (int f = 0; f < fields; f++) {
                putField(b, (int) c, f, keys[f], RecordLayout.TAG_OBJECT, 0L, values[f]);
            }
            publish(b, (int) c, core, level, ts, msg, ctx, fields);
        } catch (Throwable t) {
            abandon(c, fields);
            throw t;
        }
        afterPublish((int) c);
    }

    /**
     * {@link #logPairs} when every key is a String and every value is kept as it is (see
     * {@link Capture#allKept}): no capture arrays, the pairs go from the caller's array straight
     * into the record. Only type checks run after the claim; should another thread change the
     * caller's array in between, an element that no longer passes them is written as a marker
     * string instead of running its {@code toString()} while the record is half written.
     */
    private void logPlainPairs(LoggerCore core, int level, String msg, long ts, Object[] kv, int fields) {
        ContextFrame ctx = ContextStore.current();
        long c = claim(RecordLayout.slotsFor(fields));
        if (c == Stripe.FULL) {
            return;
        }
        try {
            Batch b = batchOf(c);
            for (int f = 0; f < fields; f++) {
                Object k = kv[2 * f];
                Object v = kv[2 * f + 1];
                putField(b, (int) c, f, k instanceof String key ? key : CHANGED_WHILE_LOGGING,
                        RecordLayout.TAG_OBJECT, 0L, Capture.isKept(v) ? v : CHANGED_WHILE_LOGGING);
            }
            publish(b, (int) c, core, level, ts, msg, ctx, fields);
        } catch (Throwable t) {
            abandon(c, fields);
            throw t;
        }
        afterPublish((int) c);
    }

    // ---------------------------------------------------------------- writer side

    private void writerLoop() {
        long lastSweep = System.nanoTime();
        while (!stopRequested) {
            if (flushRequests > 0 || !tryAcquireConsumer()) {
                LockSupport.parkNanos(this, 50_000L);
                continue;
            }
            int events = 0;
            try {
                consumer.takeHints(queue.capacity());
                events = consumer.collectAll(false); // sealed batches, hinted or not
                long now = System.nanoTime();
                if (events == 0 || now - lastSweep >= lingerNanos) {
                    events += consumer.collectAll(true);
                    lastSweep = now;
                }
                consumer.reportDrops();
                consumer.writeOut();
            } catch (Throwable t) {
                reportWriterFailure(t);
            } finally {
                releaseConsumer();
            }
            if (!consumer.queueIsEmpty() || stopRequested) {
                continue;
            }
            if (events > 0 || consumer.hasWork()) {
                WRITER_STATE.setVolatile(this, LINGERING);
                if (consumer.queueIsEmpty() && !stopRequested) {
                    LockSupport.parkNanos(this, lingerNanos);
                }
            } else {
                WRITER_STATE.setVolatile(this, IDLE);
                if (!consumer.hasWork() && !stopRequested && flushRequests == 0) {
                    LockSupport.park(this);
                }
            }
            WRITER_STATE.setVolatile(this, RUNNING);
        }
        acquireConsumer(Long.MAX_VALUE);
        try {
            consumer.drainAll();
        } catch (Throwable t) {
            reportWriterFailure(t);
        } finally {
            releaseConsumer();
        }
    }

    private void reportWriterFailure(Throwable t) {
        if (!writerFailureReported) {
            writerFailureReported = true;
            try {
                System.err.println("fastlog: writer error, continuing: " + t);
            } catch (Throwable ignored) {
                // nothing more to do
            }
        }
    }

    /** After a hand-off or a drop: the writer has work now. */
    private void wakeWriter() {
        int s = writerState;
        if (s != RUNNING && WRITER_STATE.compareAndSet(this, s, RUNNING)) {
            LockSupport.unpark(writer);
        }
    }

    private void wakeWriterFromIdle() {
        if (WRITER_STATE.compareAndSet(this, IDLE, RUNNING)) {
            LockSupport.unpark(writer);
        }
    }

    private boolean tryAcquireConsumer() {
        return CONSUMER_OWNER.compareAndSet(this, (Thread) null, Thread.currentThread());
    }

    /** @return whether the role was acquired before the deadline ({@link System#nanoTime}) */
    private boolean acquireConsumer(long deadline) {
        for (int spins = 0; !tryAcquireConsumer(); spins++) {
            if (System.nanoTime() - deadline > 0 && deadline != Long.MAX_VALUE) {
                return false;
            }
            if (spins < 20) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 20_000L);
            }
        }
        return true;
    }

    private void releaseConsumer() {
        CONSUMER_OWNER.setRelease(this, (Thread) null);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Writes every event published before the call; see {@code Fastlog.flush()}. */
    public void flush() {
        flush(Long.MAX_VALUE);
    }

    /** @return false if the consumer role was not free before the deadline */
    public boolean flush(long deadline) {
        if (consumerOwner == Thread.currentThread()) {
            return false; // called while rendering (e.g. from a toString()): cannot wait for ourselves
        }
        FLUSH_REQUESTS.getAndAdd(this, 1);
        try {
            if (!acquireConsumer(deadline)) {
                return false;
            }
            try {
                consumer.drainAll();
            } finally {
                releaseConsumer();
            }
            return true;
        } finally {
            FLUSH_REQUESTS.getAndAdd(this, -1);
        }
    }

    /** After close: this thread writes what is staged, itself, before its logging call returns. */
    private void writeSynchronously() {
        if (consumerOwner == Thread.currentThread()) {
            return;
        }
        flush(System.nanoTime() + config.shutdownTimeoutNanos());
    }

    /** Drains, flushes and stops the writer. Idempotent; safe from any thread and from the hook. */
    public void shutdown() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            awaitTermination();
            return;
        }
        stopRequested = true;
        LockSupport.unpark(writer);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | SecurityException inShutdown) {
                // the JVM is exiting; the hook is running or will run and find us closed
            }
        }
        try {
            writer.join(TimeUnit.NANOSECONDS.toMillis(config.shutdownTimeoutNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            System.err.println("fastlog: shutdown gave up after "
                    + TimeUnit.NANOSECONDS.toMillis(config.shutdownTimeoutNanos())
                    + " ms: the output is not accepting writes; " + consumer.pendingEvents()
                    + " events may not be written");
        } else {
            flush(System.nanoTime() + config.shutdownTimeoutNanos());
        }
        terminated = true;
    }

    private void awaitTermination() {
        long deadline = System.nanoTime() + config.shutdownTimeoutNanos();
        while (!terminated && System.nanoTime() - deadline < 0 && Thread.currentThread() != writer) {
            LockSupport.parkNanos(this, 1_000_000L);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- statistics

    public long eventsWritten() {
        return consumer.eventsWritten();
    }

    public long eventsDropped() {
        return consumer.totalDropped();
    }

    public long queueDepth() {
        return consumer.pendingEvents();
    }

    public int queueCapacity() {
        return capacityEvents;
    }

    public long writeErrors() {
        return sink.writeErrors();
    }

    public long eventsLost() {
        return sink.eventsLost() + consumer.abandonedEvents();
    }

    public int maxFieldsPerEvent() {
        return maxFields;
    }
}
