package fastlog.internal.context;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Where a thread inside a scope keeps its current {@link ContextFrame} without any state on the
 * thread: a fixed table of slots, indexed by a hash of the thread id. A thread entering its
 * outermost scope takes its slot if the slot is free, keeps its frame there until that scope ends,
 * then frees it; its lookups inside read the slot. A thread whose slot is held by another thread
 * uses the context mechanism alone ({@code ScopedValue}, or the Java 21 ThreadLocal), as it did
 * before this table: the table makes lookups cheaper to keep, never different.
 *
 * <p>Why: both mechanisms leave state on every thread that looked up a binding. A
 * {@code ScopedValue} lookup that finds a binding gives the thread a 144 B cache, which the JDK
 * keeps with a parked virtual thread (it survives the scope); the ThreadLocal leaves a 104 B map.
 * With a million parked virtual threads that is 100–150 MB of live data the GC copies, and most of
 * what a million threads added to logging's CPU per event (docs/virtual-threads.md). The table
 * costs 48 KB once. On Java 25 the {@code ScopedValue} is still bound in every scope, so
 * structured-concurrency subtasks inherit the fields; they find them through it.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who writes.</b> {@code holder[s]} goes from 0 to a thread's id only by that thread's
 *       {@code compareAndSet}, and back to 0 only by that thread (a release store) when its
 *       outermost scope ends. {@code frame[s]} is written only by the slot's holder.</li>
 *   <li><b>A thread reads its own id in a slot exactly while it holds it.</b> Ids are never 0 and
 *       never reused, only the thread itself writes its id, and after its own release store it
 *       reads 0 or a later holder's id (coherence of the slot), so a read of its id is never
 *       stale.</li>
 *   <li><b>The frame a holder reads is its own.</b> Only the holder writes {@code frame[s]} while
 *       it holds the slot, and it reads in program order after its writes. The previous holder's
 *       writes (its clearing to null) happen-before the release store of 0 that the new holder's
 *       {@code compareAndSet} reads, so they cannot land after the new holder's.</li>
 *   <li><b>Never a wrong answer.</b> A thread that does not read its own id uses its mechanism.
 *       Another thread's hold only makes it do so.</li>
 *   <li><b>Cost.</b> A lookup: the thread id, an opaque load of its slot, a plain load. An
 *       outermost scope: a CAS, two stores and a release store. A nested scope: two stores.</li>
 * </ul>
 * jcstress: {@code fastlog.jcstress.context.ContextSlotsStress}.
 *
 * <p>Public only so the jcstress tests can reach the slot-level methods; the module does not
 * export this package.
 */
public final class ContextSlots {

    /** The table the context stores use: 4,096 holders at once before collisions grow; 48 KB. */
    public static final ContextSlots SHARED = new ContextSlots(4096);
    private static final long FREE = 0;
    private static final VarHandle HOLDERS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] holder;
    private final ContextFrame[] frame;
    private final int mask;

    /** A table of {@code slots} slots (a power of two); its own instance for each jcstress state. */
    public ContextSlots(int slots) {
        if (slots <= 0 || (slots & (slots - 1)) != 0) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        holder = new long[slots];
        frame = new ContextFrame[slots];
        mask = slots - 1;
    }

    /** The number of slots. */
    public int slots() {
        return mask + 1;
    }

    /** The slot of a thread id (ids are sequential: spread them so neighbours differ). */
    public int slot(long threadId) {
        return (int) ((threadId * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    /** The frame of the thread {@code threadId} if it holds {@code slot}, else null. */
    public ContextFrame held(int slot, long threadId) {
        return (long) HOLDERS.getOpaque(holder, slot) == threadId ? frame[slot] : null;
    }

    /** Takes {@code slot} for {@code threadId} with {@code f} if it is free; false if it is held. */
    public boolean tryHold(int slot, long threadId, ContextFrame f) {
        if ((long) HOLDERS.getOpaque(holder, slot) != FREE || !HOLDERS.compareAndSet(holder, slot, FREE, threadId)) {
            return false;
        }
        frame[slot] = f;
        return true;
    }

    /** Sets the holder's frame (a nested scope, or its end). Only the slot's holder calls this. */
    public void replace(int slot, ContextFrame f) {
        frame[slot] = f;
    }

    /** Frees {@code slot}. Only its holder calls this, when its outermost scope ends. */
    public void release(int slot) {
        frame[slot] = null; // no frame outlives its scope in the table
        HOLDERS.setRelease(holder, slot, FREE);
    }

    /** The id of the thread holding {@code slot}, or 0 (for tests). */
    public long holder(int slot) {
        return (long) HOLDERS.getVolatile(holder, slot);
    }

    /** Whether {@code slot} is free and keeps no frame (for tests). */
    public boolean isClear(int slot) {
        return holder(slot) == FREE && frame[slot] == null;
    }
}
