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
 *       fill) or IDLE (an untimed park: nothing is staged anywhere).</li>
 *   <li><b>Going idle</b> ({@link #goIdle}): the writer stores IDLE (volatile), then re-checks for
 *       work (volatile loads of the hand-off queue's indices and the batches' tails) and parks
 *       only if it found none.</li>
 *   <li><b>The first record of a batch</b> ({@link #recordPublished}): the producer that claimed
 *       slot 0 (its tail CAS is volatile) loads {@code state} after publishing and unparks an
 *       IDLE writer. Volatile accesses are sequentially consistent, so either the writer's
 *       re-check sees the claim or the producer sees IDLE: no lost wake-up (jcstress
 *       {@code NoLostWakeUp.WriterGoingIdle}). Records after the first wait at most one linger
 *       period, or until their batch is full.</li>
 *   <li><b>Unpark, then RUNNING.</b> Both wake-ups unpark the writer before they CAS
 *       {@code state} to RUNNING: a waker that dies between the two (a StackOverflowError in a
 *       producer at its stack's edge) leaves at worst a spare permit, never RUNNING stored over a
 *       parked writer, which every later wake-up would skip (seen as a wedged pipeline in
 *       {@code StackExhaustionTest}).</li>
 *   <li><b>A hand-off or a drop</b> ({@link #wake}): a producer that sealed a batch or dropped an
 *       event unparks a writer that is not RUNNING, so full batches and drop reports do not
 *       wait for the linger period.</li>
 *   <li><b>Flush.</b> While a {@code flush()} waits for the consumer role the writer neither takes
 *       it nor parks untimed. {@link #goIdle} reads the reader's positions before
 *       {@code flushWaiting}: a flush that began after that read drains what it finds, and
 *       producers that claim after the flush's seal find the writer IDLE and wake it.</li>
 *   <li><b>Stop.</b> {@code stopping} is set once, by shutdown. A producer reads it after
 *       publishing; if it is set the producer writes its event itself. If it read false, its
 *       claim preceded the store in the synchronization order, so the final drain, which starts
 *       after the writer sees the store, reads its record.</li>
 * </ul>
 */
public final class WriterThread implements Runnable {

    private static final int RUNNING = 0;
    private static final int LINGERING = 1;
    private static final int IDLE = 2;
    /** How often the writer forgets the per-thread fields of threads that ended with fields set. */
    private static final long FIELDS_SWEEP_NANOS = 1_000_000_000L;
    /** How long the writer waits for a flush to finish with the consumer role. */
    private static final long FLUSH_POLL_NANOS = 50_000L;

    private static final VarHandle STATE;
    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WriterThread.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConsumerRole role;
    private final LineWriter lines;
    private final long lingerNanos;
    private final Thread thread;
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
                STATE.setVolatile(this, LINGERING);
                if (!lines.hasHandOffs() && !stopping) {
                    LockSupport.parkNanos(this, lingerNanos);
                }
            } else if (goIdle()) {
                LockSupport.park(this);
            }
            STATE.setVolatile(this, RUNNING);
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

    /**
     * Writer thread, between passes: announces IDLE, then re-checks for work.
     *
     * @return whether it may park untimed (no work, no stop, no flush waiting)
     */
    public boolean goIdle() {
        STATE.setVolatile(this, IDLE);
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
            // Unpark first: a producer that dies between the two (a StackOverflowError at the
            // stack's edge) must not leave RUNNING stored and the writer parked, which every later
            // wake-up would then skip. The CAS only spares other producers a redundant unpark.
            LockSupport.unpark(thread);
            STATE.compareAndSet(this, IDLE, RUNNING);
            return true;
        }
        return false;
    }

    /** After a hand-off or a drop: the writer has work now, whatever it was waiting for. */
    public void wake() {
        int s = state;
        if (s != RUNNING) {
            LockSupport.unpark(thread); // before the CAS, as in recordPublished
            STATE.compareAndSet(this, s, RUNNING);
        }
    }

    void requestStop() {
        stopping = true;
        LockSupport.unpark(thread);
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
