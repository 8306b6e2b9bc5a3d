package fastlog.internal.value;

import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The calling thread's entry point for values that are not scalars ({@link ImmutableTypes#isScalar}):
 * keeps deeply immutable structures by reference ({@link Kept}), snapshots the rest
 * ({@link Snapshot}), and turns anything else into its {@code toString()} ({@link Text}).
 *
 * <p>The limits are the running configuration's, installed by the pipeline when it starts; a
 * capture reads them once (a volatile load), so a value is captured under one set of limits.
 */
public final class ValueCapture {

    private static volatile ValueLimits limits = ValueLimits.DEFAULTS;

    private ValueCapture() {
    }

    /** Installs the limits later captures use (a new configuration). */
    public static void limits(ValueLimits newLimits) {
        limits = newLimits;
    }

    public static ValueLimits limits() {
        return limits;
    }

    /** What a record may hold for {@code v}, which is not null and not a scalar. Never throws. */
    public static Object capture(Object v) {
        ValueLimits l = limits;
        if (ImmutableTypes.isContainerCandidate(v)) {
            if (Kept.check(v, 0, l.maxNodes(), l) >= 0) {
                return v;
            }
        } else if (v instanceof Map<?, ?> m) {
            Object flat = Snapshot.flatMap(m, l);
            if (flat != null) {
                return flat;
            }
        } else if (v instanceof List<?> list && v instanceof RandomAccess) {
            Object flat = Snapshot.flatList(list, l);
            if (flat != null) {
                return flat;
            }
        }
        if (!Snapshot.isStructured(v)) {
            return Text.describe(v);
        }
        return new Snapshot(l).capture(v, 0);
    }

    /**
     * Whether {@code v} (not null, not a scalar) may be held as it is: an immutable structure whose
     * contents are kept, as far as the writer will read them. Runs no user code.
     */
    public static boolean isKept(Object v) {
        ValueLimits l = limits;
        return ImmutableTypes.isContainerCandidate(v) && Kept.check(v, 0, l.maxNodes(), l) >= 0;
    }
}
