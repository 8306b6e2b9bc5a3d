package fastlog.internal.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import fastlog.internal.context.ThreadFieldsStore;

/**
 * The writer: one platform daemon thread that takes the consumer role, reads handed-off batches
 * (and sweeps every stripe when it has nothing handed off, and at least once per linger period),
 * renders and writes them, and parks when there is nothing to do.
 *
 * <h2>Concurrency contract: waking the writer</h2>
 * <ul>
 *   <li>{@code state} is RUNNING, LINGERING (a timed park: partly filled batches are waiting to
 *       fill) or IDLE (parked until woken: nothing is staged anywhere; see the backstop).</li>
 *   <li><b>Going idle</b> ({@link #goIdle}): the writer stores IDLE (volatile), then re-checks for
 *       work (volatile loads of the hand-off queue's indices and the batches' tails) and parks
 *       only if it found none.</li>
 *   <li><b>The first record of a batch</b> ({@link #recordPublished}): the producer that claimed
 *       slot 0 (its tail CAS is volatile) loads {@code state} after publishing and unparks an
 *       IDLE writer. Volatile accesses are sequentially consistent, so either the writer's
 *       re-check sees the claim or the producer sees IDLE: no lost wake-up (jcstress
 *       {@code NoLostWakeUp.WriterGoingIdle}). Records after the first wait at most one linger
 *       period, or until their batch is full.</li>
 *   <li><b>A waker's store can never be stale.</b> {@code state} carries the writer's cycle
 *       count beside its mode, and every waker's store is a compare-and-set from the exact value it
 *       read: a waker unparks the writer, then CASes that value to RUNNING of the same cycle, so
 *       the wakers that come after it skip their unpark. The CAS can only succeed while the
 *       writer is still in the park (or before the {@link #awake} that follows it) that the
 *       waker read, and the unpark that precedes it has by then woken that park or left a permit
 *       for it. A CAS that lands after the writer has woken, written and gone IDLE again finds a
 *       later cycle and fails, so a parked writer is never marked RUNNING (9751597's
 *       unpark-then-untagged-CAS did this; jcstress {@code NoLostWakeUp.WakerRacesWriterCycle}).
 *       Unparking first also means a waker that dies between the two steps (a
 *       StackOverflowError at its stack's edge) has either woken the writer or left it IDLE for
 *       the next waker; it never leaves a parked writer marked RUNNING (f80a31b's CAS-then-unpark
 *       could).</li>
 *   <li><b>A hand-off or a drop</b> ({@link #wake}): a producer that sealed a batch or dropped an
 *       event wakes, as above, a writer that is not RUNNING (IDLE or LINGERING), so full batches
 *       and drop reports do not wait for the linger period.</li>
 *   <li><b>Flush.</b> While a {@code flush()} waits for the consumer role the writer neither takes
 *       it nor parks IDLE. {@link #goIdle} reads the reader's positions before
 *       {@code flushWaiting}: a flush that began after that read drains what it finds, and
 *       producers that claim after the flush's seal find the writer IDLE and wake it.</li>
 *   <li><b>Stop.</b> {@code stopping} is set once, by shutdown. A producer reads it after
 *       publishing; if it is set the producer writes its event itself. If it read false, its
 *       claim preceded the store in the synchronization order, so the final drain, which starts
 *       after the writer sees the store, reads its record.</li>
 *   <li><b>The backstop.</b> The IDLE park times out after {@link #IDLE_RECHECK_NANOS}: when every
 *       wake-up above happens, nothing is due then and the pass finds nothing. It bounds the wait
 *       of a record whose producer died between publishing it and waking the writer, and of any
 *       wake-up this contract failed to foresee, to one second instead of "until the next batch
 *       or flush". Its cost is one empty pass a second in an idle process.</li>
 * </ul>
 */
public final class WriterThread implements Runnable {

    /** {@code state}'s low two bits: the mode; the bits above them: the writer's cycle count. */
    private static final long RUNNING = 0;
    private static final long LINGERING = 1;
    private static final long IDLE = 2;
    private static final long MODE_MASK = 3;
    private static final int CYCLE_SHIFT = 2;
    /** {@link #recordPublished}'s result when it did not wake the writer. */
    public static final long NOT_WOKEN = -1;
    /** How often the writer forgets the per-thread fields of threads that ended with fields set. */
    private static final long FIELDS_SWEEP_NANOS = 1_000_000_000L;
    /** The IDLE park's timeout: the backstop in the class comment. */
    static final long IDLE_RECHECK_NANOS = 1_000_000_000L;
    /** How long the writer waits for a flush to finish with the consumer role. */
    private static final long FLUSH_POLL_NANOS = 50_000L;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WriterThread.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConsumerRole role;
    private final LineWriter lines;
    private final long lingerNanos;
    private final Thread thread;
    /**
     * The mode (RUNNING, LINGERING or IDLE) and the cycle it belongs to. The writer stores it;
     * wakers only CAS one cycle's IDLE or LINGERING to that cycle's RUNNING.
     */
    private volatile long state;
    /** The writer's cycle count: one more for each IDLE or LINGERING it announces. Writer only. */
    private long cycle;
    private volatile boolean stopping;
    private volatile boolean failureReported;

    public WriterThread(ConsumerRole role, LineWriter lines, long lingerNanos) {
        this.role = role;
        this.lines = lines;
        this.lingerNanos = lingerNanos;
        this.thread = new Thread(this, "fastlog-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        long lastSweep = System.nanoTime();
        long lastFieldsSweep = lastSweep;
        while (!stopping) {
            if (role.flushWaiting() || !role.tryAcquire()) {
                LockSupport.parkNanos(this, FLUSH_POLL_NANOS);
                continue;
            }
            int events = 0;
            try {
                events = lines.readHandedOff();
                long now = System.nanoTime();
                if (events == 0 || now - lastSweep >= lingerNanos) {
                    events += lines.sweep(true);
                    lastSweep = now;
                }
                lines.reportDrops();
                lines.writeOut();
                if (now - lastFieldsSweep >= FIELDS_SWEEP_NANOS) {
                    ThreadFieldsStore.sweepDead();
                    lastFieldsSweep = now;
                }
            } catch (Throwable t) {
                reportFailure(t);
            } finally {
                role.release();
            }
            if (lines.hasHandOffs() || stopping) {
                continue;
            }
            if (events > 0 || lines.hasWork()) {
                state = ++cycle << CYCLE_SHIFT | LINGERING;
                if (!lines.hasHandOffs() && !stopping) {
                    LockSupport.parkNanos(this, lingerNanos);
                }
            } else if (goIdle()) {
                LockSupport.parkNanos(this, IDLE_RECHECK_NANOS);
            }
            awake();
        }
        role.acquire(Long.MAX_VALUE);
        try {
            lines.drainAll();
        } catch (Throwable t) {
            reportFailure(t);
        } finally {
            role.release();
        }
    }

    /** Writer thread, after a park returns: it is running again, so wakers may skip the unpark. */
    public void awake() {
        state = cycle << CYCLE_SHIFT | RUNNING;
    }

    /**
     * Writer thread, between passes: announces IDLE, then re-checks for work.
     *
     * @return whether it may park IDLE (no work, no stop, no flush waiting)
     */
    public boolean goIdle() {
        state = ++cycle << CYCLE_SHIFT | IDLE;
        return !lines.hasWork() && !stopping && !role.flushWaiting();
    }

    /**
     * Producer, after publishing the record at {@code slot}: the first one of a batch wakes an
     * IDLE writer.
     *
     * @return the state this call woke the writer from (its cycle and IDLE), or
     *         {@link #NOT_WOKEN}; the value is for tests, which need to know which cycle was woken
     */
    public long recordPublished(int slot) {
        if (slot == 0) {
            long s = state;
            if ((s & MODE_MASK) == IDLE) {
                return wakeFrom(s);
            }
        }
        return NOT_WOKEN;
    }

    /** After a hand-off or a drop: the writer has work now, whatever it was waiting for. */
    public void wake() {
        long s = state;
        if ((s & MODE_MASK) != RUNNING) {
            wakeFrom(s);
        }
    }

    /** Unpark, then mark this cycle RUNNING so later wakers skip theirs: the class comment. */
    private long wakeFrom(long s) {
        LockSupport.unpark(thread);
        STATE.compareAndSet(this, s, s & ~MODE_MASK | RUNNING);
        return s;
    }

    /**
     * For tests: the state the writer's latest {@link #goIdle} stored, which is what
     * {@link #recordPublished} returns when it wakes the writer from that IDLE.
     */
    public long idleState() {
        return cycle << CYCLE_SHIFT | IDLE;
    }

    void requestStop() {
        stopping = true;
        LockSupport.unpark(thread);
    }

    /** For tests: whether the writer is in its IDLE park (or entering it). */
    boolean isParkedIdle() {
        Thread.State s = thread.getState();
        return (state & MODE_MASK) == IDLE && (s == Thread.State.TIMED_WAITING || s == Thread.State.WAITING);
    }

    boolean isStopping() {
        return stopping;
    }

    boolean isWriterThread(Thread t) {
        return t == thread;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private void reportFailure(Throwable t) {
        if (!failureReported) {
            failureReported = true;
            try {
                System.err.println("fastlog: writer error, continuing: " + t);
            } catch (Throwable ignored) {
                // nothing more to do
            }
        }
    }
}
