package fastlog.jcstress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ContextSlots;

/**
 * {@link ContextSlots}: a thread inside a scope keeps its frame in a shared slot if the slot is
 * free. The claims: at most one thread holds a slot; a thread reads its own id in the slot exactly
 * while it holds it, and then reads its own frame (through a nested scope and back), never
 * another thread's; a thread that finds the slot held reads nothing there (and uses its
 * mechanism); the slot is free again when both scopes have ended. Each actor runs
 * {@code ContextStore.call}'s sequence on one slot, as two threads with colliding ids would, on the
 * production class ({@link ContextSlots#SHARED} is one instance of it).
 */
public final class ContextSlotsStress {

    private ContextSlotsStress() {
    }

    /** The one slot of each state's table. */
    static final int SLOT = 0;
    /** Thread ids are never reused; nor are these (a fresh pair per state). */
    private static final AtomicLong IDS = new AtomicLong(1L << 40);

    static ContextFrame frame(String value) {
        return ContextFrame.extend(null, new String[] {"k"}, new Object[] {value});
    }

    /**
     * One outermost scope with a nested one, by the thread {@code id}, checking every lookup.
     *
     * @return 2 if it held the slot and read exactly its own frames inside and nothing outside,
     *         1 if the slot was held by the other and it read nothing there throughout, 0 otherwise
     */
    static int scope(ContextSlots slots, long id, ContextFrame outer, ContextFrame inner) {
        if (slots.held(SLOT, id) != null) {
            return 0; // outside its scope it must read nothing
        }
        if (!slots.tryHold(SLOT, id, outer)) {
            return slots.held(SLOT, id) == null ? 1 : 0;
        }
        boolean ok = slots.held(SLOT, id) == outer;
        slots.replace(SLOT, inner); // a nested scope
        ok &= slots.held(SLOT, id) == inner;
        slots.replace(SLOT, outer); // the nested scope ends
        ok &= slots.held(SLOT, id) == outer;
        slots.release(SLOT);
        ok &= slots.held(SLOT, id) == null;
        return ok ? 2 : 0;
    }

    @JCStressTest
    @Description("Two threads whose ids share a slot each run a scope with a nested one, looking up at every step.")
    @Outcome(id = {"2, 2, 1", "2, 1, 1", "1, 2, 1"}, expect = ACCEPTABLE,
            desc = "Each thread either held the slot and read only its own frames while it did, or found it held by the "
                    + "other and read nothing; the slot is free afterwards.")
    @Outcome(expect = FORBIDDEN,
            desc = "r1 or r2 = 0: a thread read a frame outside its scope, or another thread's frame, or lost its own while "
                    + "holding the slot. \"1, 1, _\": both were refused although neither held the slot when the other "
                    + "tried. r3 = 0: the slot is still held, or still holds a frame, after both scopes ended.")
    @State
    public static class SharedSlot {
        /** Its own table (jcstress runs many states at once; a shared slot would mix them). */
        final ContextSlots slots = new ContextSlots(1);
        final long a = IDS.incrementAndGet();
        final long b = IDS.incrementAndGet();
        final ContextFrame aOuter = frame("a");
        final ContextFrame aInner = frame("a-inner");
        final ContextFrame bOuter = frame("b");
        final ContextFrame bInner = frame("b-inner");

        @Actor
        public void first(III_Result r) {
            r.r1 = scope(slots, a, aOuter, aInner);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = scope(slots, b, bOuter, bInner);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = slots.isClear(SLOT) ? 1 : 0;
        }
    }
}
