package fastlog.internal.pipeline;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import fastlog.api.TraceContextProvider;
import fastlog.internal.ambient.AmbientSettings;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.file.RollingFile;
import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.render.ConsoleRenderer;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.render.LineRenderer;
import fastlog.internal.render.console.FormatChoice;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.sink.Output;
import fastlog.internal.sink.Sink;
import fastlog.internal.sink.StreamOutput;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;
import fastlog.internal.stripe.StripeReader;
import fastlog.internal.value.ValueCapture;

/**
 * One running logging system: builds the parts, starts and stops them, and answers
 * {@code flush()} and {@code stats()}.
 *
 * <pre>
 *  logging threads                                         writer thread (one)
 *  EventAppender ── claim, fill, publish ──▶ Stripe[] ──▶ StripeReader ──▶ LineWriter ──▶ Sink
 *        │           (RecordProtocol)          │  ▲            ▲              (EventRenderer)
 *        │                                     │  └ recycle ───┘
 *        └─ full: FullQueueHandler      seal ──┴──▶ hand-off queue (MpscArrayQueue) ──┘
 * </pre>
 *
 * <p>Where each protocol lives: the record ({@link RecordProtocol}), the batch state word and the
 * stripe's sequence ({@link Batch}, {@link Stripe}), the consumer's order and where it looks
 * ({@link StripeReader}), waking the writer and stopping it ({@link WriterThread}), the right to
 * render ({@link ConsumerRole}), waiting for room ({@link FullQueueHandler}).
 *
 * <p>All methods are safe from any thread. {@link #shutdown} is idempotent and may run in the
 * JVM's shutdown hook; after it, logging threads write their own events.
 */
public final class Pipeline {

    private static final VarHandle CLOSED;
    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(Pipeline.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PipelineConfig config;
    private final StagingSize size;
    private final StripeReader reader;
    private final Sink sink;
    private final LineWriter lines;
    private final ConsumerRole role = new ConsumerRole();
    private final WriterThread writer;
    private final EventAppender appender;
    private final Sampler sampler;
    private final Thread shutdownHook;

    private volatile boolean closed;
    private volatile boolean terminated;

    public Pipeline(PipelineConfig config, PrintStream errorReport) {
        this.config = config;
        this.size = StagingSize.of(config.queueCapacity(), Runtime.getRuntime().availableProcessors());
        MpscArrayQueue<Batch> handOffs = new MpscArrayQueue<>(size.stripeCount() * size.ringSize());
        Stripe[] stripes = new Stripe[size.stripeCount()];
        Runnable wakeWriter = this::wakeWriter;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe(i, size.ringSize(), size.batchSlots(), handOffs, wakeWriter);
        }
        ParkedProducers parked = new ParkedProducers();
        this.reader = new StripeReader(stripes, handOffs, parked, RecordProtocol.WRITER_MAX_PARKS);
        this.sink = new Sink(output(config, errorReport), errorReport);
        PipelineConfig.Sampling sampling = config.sampling();
        this.sampler = sampling == null ? null
                : new Sampler(sampling.periodNanos(), sampling.first(), sampling.thereafter());
        AmbientSettings ambient = config.ambient();
        TraceContextProvider<?> provider = ambient.provider(errorReport);
        TraceSource trace = provider == null ? null : new TraceSource(provider, errorReport);
        SchemaLayout schema = config.schema().withExtras(extras(trace != null, ambient));
        this.lines = new LineWriter(reader, renderer(config, schema, errorReport), sink, config.maxStringLength(), sampler);
        this.writer = new WriterThread(role, lines, config.lingerNanos());
        Runnable writeSynchronously = this::writeSynchronously;
        this.appender = new EventAppender(stripes, size.maxFields(),
                new FullQueueHandler(config.dropWhenFull(), parked, role, writer, writeSynchronously),
                writer, writeSynchronously, sampler, trace, ambient.threadName(), ambient.callerLocation());
        this.shutdownHook = new Thread(this::shutdown, "fastlog-shutdown");
        FirstCallClasses.load();
    }

    /** The user's stream, else the file (opened by the writer at its first write), else stdout. */
    private static Output output(PipelineConfig config, PrintStream errorReport) {
        if (config.output() != null) {
            return new StreamOutput(config.output());
        }
        return config.file() != null ? new RollingFile(config.file(), errorReport) : new StreamOutput(Sink.stdout());
    }

    /**
     * The renderer of the format chosen now, once for the pipeline's life (JSON unless the code,
     * {@code -Dfastlog.format} or {@code FASTLOG_FORMAT} asks for console or auto): the writer
     * then calls the one renderer it was given, with no per-event test of the format.
     */
    private static LineRenderer renderer(PipelineConfig config, SchemaLayout schema, PrintStream errorReport) {
        FormatChoice choice = FormatChoice.forThisProcess(config.format(), config.output() == null && config.file() == null,
                errorReport);
        if (choice.console()) {
            return new ConsoleRenderer(schema.reservedKeys(), config.maxStringLength(), config.valueLimits(),
                    config.redaction(), ZoneId.systemDefault(), choice.color());
        }
        return new EventRenderer(schema, config.maxStringLength(), config.valueLimits(), config.redaction());
    }

    /** The optional per-event fields this pipeline captures, whose names the schema then reserves. */
    private static Set<SchemaLayout.Extra> extras(boolean trace, AmbientSettings ambient) {
        Set<SchemaLayout.Extra> extras = EnumSet.noneOf(SchemaLayout.Extra.class);
        if (trace) {
            extras.add(SchemaLayout.Extra.TRACE);
        }
        if (ambient.threadName()) {
            extras.add(SchemaLayout.Extra.THREAD);
        }
        if (ambient.callerLocation()) {
            extras.add(SchemaLayout.Extra.CALLER);
        }
        return extras;
    }

    /** Where logging calls go. */
    public EventAppender appender() {
        return appender;
    }

    /** Starts the writer and registers the JVM shutdown hook; installs the value limits for capture. */
    public void start() {
        ValueCapture.limits(config.valueLimits());
        writer.start();
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Started during JVM shutdown: events are written synchronously from now on.
            shutdown();
        }
    }

    private void wakeWriter() {
        writer.wake();
    }

    // ---------------------------------------------------------------- flush and shutdown

    /** Writes every event published before the call; see {@code Fastlog.flush()}. */
    public void flush() {
        flush(Long.MAX_VALUE);
    }

    /** @return false if the consumer role was not free before the deadline */
    public boolean flush(long deadline) {
        if (role.isHeldBy(Thread.currentThread())) {
            return false; // called while rendering (e.g. from a toString()): cannot wait for ourselves
        }
        role.flushStarting();
        try {
            if (!role.acquire(deadline)) {
                return false;
            }
            try {
                lines.drainAll();
            } finally {
                role.release();
            }
            return true;
        } finally {
            role.flushEnded();
        }
    }

    /** After shutdown: this thread writes what is staged, itself, before its logging call returns. */
    private void writeSynchronously() {
        flush(System.nanoTime() + config.shutdownTimeoutNanos());
    }

    /** Drains, flushes and stops the writer. Idempotent; safe from any thread and from the hook. */
    public void shutdown() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            awaitTermination();
            return;
        }
        writer.requestStop();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | SecurityException inShutdown) {
                // the JVM is exiting; the hook is running or will run and find us closed
            }
        }
        long timeoutMillis = TimeUnit.NANOSECONDS.toMillis(config.shutdownTimeoutNanos());
        try {
            writer.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            System.err.println("fastlog: shutdown gave up after " + timeoutMillis
                    + " ms: the output is not accepting writes; " + reader.pendingEvents()
                    + " events may not be written");
        } else {
            long deadline = System.nanoTime() + config.shutdownTimeoutNanos();
            flush(deadline);
            closeOutput(deadline);
        }
        terminated = true;
    }

    /**
     * Closes the output (a file: forced to disk if so set, its descriptor closed, background
     * compression given until the deadline) as the role holder. Events logged later reopen it.
     */
    private void closeOutput(long deadline) {
        if (role.isHeldBy(Thread.currentThread()) || !role.acquire(deadline)) {
            return;
        }
        try {
            sink.close(deadline);
        } finally {
            role.release();
        }
    }

    private void awaitTermination() {
        long deadline = System.nanoTime() + config.shutdownTimeoutNanos();
        while (!terminated && System.nanoTime() - deadline < 0 && !writer.isWriterThread(Thread.currentThread())) {
            LockSupport.parkNanos(this, 1_000_000L);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- statistics (racy snapshots)

    public long eventsWritten() {
        return lines.eventsWritten();
    }

    public long eventsDropped() {
        return reader.totalDropped();
    }

    public long queueDepth() {
        return reader.pendingEvents();
    }

    public int queueCapacity() {
        return size.capacityEvents();
    }

    public long writeErrors() {
        return sink.writeErrors();
    }

    /** Events the sampling policy suppressed (0 without one). */
    public long eventsSampledOut() {
        return sampler == null ? 0 : sampler.suppressed();
    }

    public long eventsLost() {
        return sink.eventsLost() + lines.lostEvents();
    }
}
