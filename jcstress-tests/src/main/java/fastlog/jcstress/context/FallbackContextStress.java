package fastlog.jcstress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.FallbackContextStore;

/**
 * The Java 21 fallback context store ({@link FallbackContextStore}) skips its ThreadLocal when the
 * calling thread's in-scope counter slot is zero. The claims: a thread inside a scope always finds
 * its own frame, a thread outside finds none, and the counter returns to zero, while other threads
 * enter and leave scopes on the same slot (no counter update is lost). Before and after its scope
 * each actor is a thread outside any scope while the other may be inside one on the same slot.
 */
public final class FallbackContextStress {

    private FallbackContextStress() {
    }

    /** A slot no other test uses; every actor below uses it, as threads with colliding ids would. */
    static final int SLOT = 4093;

    static ContextFrame frame(String value) {
        return ContextFrame.extend(null, new String[] {"k"}, new Object[] {value});
    }

    /** 1 if the thread saw its own frame inside its scope and none before and after it, else 0. */
    static int scoped(ContextFrame mine) {
        boolean before = FallbackContextStore.current(SLOT) == null;
        boolean inside = FallbackContextStore.call(SLOT, mine, () -> FallbackContextStore.current(SLOT) == mine);
        boolean after = FallbackContextStore.current(SLOT) == null;
        return before && inside && after ? 1 : 0;
    }

    @JCStressTest
    @Description("Two threads on one counter slot each look up outside, run a scope and look up inside, then outside.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "Each thread saw exactly its own frame inside its scope and none outside; the counter is back to zero.")
    @Outcome(expect = FORBIDDEN,
            desc = "r1 or r2 = 0: a thread inside a scope missed its own frame (its slot read as zero: an increment was "
                    + "lost, or its own increment not seen) or saw another's, or saw a frame outside its scope. r3 = 0: the "
                    + "counter is not back to zero after both scopes ended (an update was lost).")
    @State
    public static class SharedSlot {
        final ContextFrame a = frame("a");
        final ContextFrame b = frame("b");

        @Actor
        public void first(III_Result r) {
            r.r1 = scoped(a);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = scoped(b);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = FallbackContextStore.inScope(SLOT) == 0 ? 1 : 0;
        }
    }
}
