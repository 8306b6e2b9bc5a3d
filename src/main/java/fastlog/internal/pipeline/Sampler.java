package fastlog.internal.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

import fastlog.internal.record.LoggerCore;

/**
 * The opt-in sampling policy, in the style of zap's sampler and zerolog's BurstSampler: of the
 * events with one level, logger name and message, the first {@code first} in each period are
 * written, then every {@code thereafter}-th (none if 0); the others are suppressed and counted.
 *
 * <p>Keys are hashed into a fixed table of {@value #SLOTS} counters, so memory is constant and two
 * keys that share a counter are sampled together (as in zap). Each counter is one {@code long}:
 * the period it counts (low {@value #WINDOW_BITS} bits of the period number) above the count of
 * events seen in it ({@value #COUNT_BITS} bits, saturating; 0 only before the first event).
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> Any thread calls {@link #admit} (and {@link #admitAt}), on the
 *       calling thread, after the level check and before any value is captured; any thread reads
 *       {@link #suppressed()}.</li>
 *   <li><b>The counter.</b> A CAS loop on the slot: it either increments the count of the slot's
 *       period or, if the slot holds an older period, replaces it by (this period, 1). An event
 *       whose period is up to {@value #MAX_LATE} periods older than the slot's (its thread read the
 *       clock, then was descheduled while another started a new period) counts in the slot's
 *       period: a late event never takes the counter back. Every event's CAS succeeds exactly once,
 *       so each event gets a distinct count within its period and the first {@code first} of them
 *       are admitted whatever the interleaving (jcstress {@code sampling.SamplerStress}).
 *       Lock-free: a CAS fails only because another event's succeeded. No allocation, no
 *       per-thread state.</li>
 *   <li><b>Suppressed.</b> A {@link LongAdder} (contention spreads over its cells, which it
 *       allocates once): {@link #suppressed()} is exact once the suppressing calls have
 *       returned.</li>
 *   <li>A period number wraps after 2<sup>{@value #WINDOW_BITS}</sup> periods (49 days at 1 ms); a
 *       counter untouched for that long, to within {@value #MAX_LATE} periods, is taken for current
 *       (its next events count on from its old count for the rest of that period).</li>
 * </ul>
 */
public final class Sampler {

    static final int SLOTS = 4096;
    static final int COUNT_BITS = 32;
    /** An event at most this many periods older than its counter's period counts in that period. */
    static final long MAX_LATE = 1024;
    static final int WINDOW_BITS = 64 - COUNT_BITS;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long WINDOW_MASK = (1L << WINDOW_BITS) - 1;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots = new long[SLOTS];
    private final long periodNanos;
    private final long origin = System.nanoTime();
    private final long first;
    private final long thereafter;
    private final LongAdder suppressed = new LongAdder();

    /**
     * @param periodNanos length of a period (at least 1 ms)
     * @param first events per key written in each period before sampling starts (at least 1)
     * @param thereafter after that, every this-many-th event is written; 0 writes none
     */
    public Sampler(long periodNanos, int first, int thereafter) {
        if (periodNanos < 1_000_000L || first < 1 || thereafter < 0) {
            throw new IllegalArgumentException("sampling: period >= 1 ms, first >= 1, thereafter >= 0");
        }
        this.periodNanos = periodNanos;
        this.first = first;
        this.thereafter = thereafter;
    }

    public long periodNanos() {
        return periodNanos;
    }

    /** Whether this event (level, logger, message) is written; a suppressed one is counted. */
    public boolean admit(LoggerCore core, int level, String msg) {
        int hash = core.name().hashCode() * 31 + (msg == null ? 0 : msg.hashCode());
        return admitAt(hash * 8 + level, (System.nanoTime() - origin) / periodNanos);
    }

    /**
     * The decision for one event whose key hashes to {@code hash}, in period number
     * {@code period} (a caller-supplied clock: what {@link #admit} and the jcstress tests call).
     */
    public boolean admitAt(int hash, long period) {
        int i = (hash * 0x9E3779B9) >>> (32 - 12); // SLOTS == 1 << 12
        long window = period & WINDOW_MASK;
        long current;
        long next;
        do {
            current = (long) SLOT.getVolatile(slots, i);
            long count = current & COUNT_MASK;
            long ahead = ((current >>> COUNT_BITS) - window) & WINDOW_MASK; // the slot's period ahead of ours
            if (count == 0 || ahead > MAX_LATE) {
                next = window << COUNT_BITS | 1; // a new period (or the first event)
            } else if (count != COUNT_MASK) {
                next = current + 1; // this period, or a late event counted in the slot's newer one
            } else {
                next = current; // saturated: stays the last count of the period
            }
        } while (!SLOT.compareAndSet(slots, i, current, next));
        long n = next & COUNT_MASK;
        if (n <= first || (thereafter > 0 && (n - first) % thereafter == 0)) {
            return true;
        }
        suppressed.increment();
        return false;
    }

    /** Events suppressed so far. */
    public long suppressed() {
        return suppressed.sum();
    }
}
