package fastlog.internal.pipeline;

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
 *   <li><b>Only the writer stores {@code state}.</b> Wakers read it and unpark; they never
 *       write it. A waker's store could land after the writer had already woken, written, and
 *       gone IDLE again, leaving a parked writer marked RUNNING that every later wake-up would
 *       skip; and a waker that dies mid-wake-up (a StackOverflowError at its stack's edge) can
 *       at worst skip its unpark, leaving the writer IDLE until the next wake-up or the
 *       backstop. The cost is that producers arriving while the writer is waking up may each
 *       unpark it (a spare permit: one extra loop pass): about 10 ns of producer CPU per event
 *       in the persisted benchmark ({@code bench/results/persisted-ab-wakeup-2026-12-02.json}).
 *       Tagging the state with the writer's park count would let wakers CAS it without the
 *       stale-store risk (a stale CAS would fail) and skip those unparks again: not yet done.
 *       jcstress {@code NoLostWakeUp.WakerRacesWriterCycle}.</li>
 *   <li><b>A hand-off or a drop</b> ({@link #wake}): a producer that sealed a batch or dropped an
 *       event unparks a writer that is not RUNNING, so full batches and drop reports do not
 *       wait for the linger period.</li>
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

    private static final int RUNNING = 0;
    private static final int LINGERING = 1;
    private static final int IDLE = 2;
    /** How often the writer forgets the per-thread fields of threads that ended with fields set. */
    private static final long FIELDS_SWEEP_NANOS = 1_000_000_000L;
    /** The IDLE park's timeout: the backstop in the class comment. */
    static final long IDLE_RECHECK_NANOS = 1_000_000_000L;
    /** How long the writer waits for a flush to finish with the consumer role. */
    private static final long FLUSH_POLL_NANOS = 50_000L;

    private final ConsumerRole role;
    private final LineWriter lines;
    private final long lingerNanos;
    private final Thread thread;
    /** RUNNING, LINGERING or IDLE; written by the writer thread only. */
    private volatile int state;
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
                state = LINGERING;
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
        state = RUNNING;
    }

    /**
     * Writer thread, between passes: announces IDLE, then re-checks for work.
     *
     * @return whether it may park IDLE (no work, no stop, no flush waiting)
     */
    public boolean goIdle() {
        state = IDLE;
        return !lines.hasWork() && !stopping && !role.flushWaiting();
    }

    /**
     * Producer, after publishing the record at {@code slot}: the first one of a batch wakes an
     * IDLE writer.
     *
     * @return whether this call woke the writer
     */
    public boolean recordPublished(int slot) {
        if (slot == 0 && state == IDLE) {
            LockSupport.unpark(thread); // and no store to state: see the class comment
            return true;
        }
        return false;
    }

    /** After a hand-off or a drop: the writer has work now, whatever it was waiting for. */
    public void wake() {
        if (state != RUNNING) {
            LockSupport.unpark(thread);
        }
    }

    void requestStop() {
        stopping = true;
        LockSupport.unpark(thread);
    }

    /** For tests: whether the writer is in its IDLE park (or entering it). */
    boolean isParkedIdle() {
        Thread.State s = thread.getState();
        return state == IDLE && (s == Thread.State.TIMED_WAITING || s == Thread.State.WAITING);
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
