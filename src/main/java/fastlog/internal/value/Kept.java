package fastlog.internal.value;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import fastlog.api.Loggable;

/**
 * Whether a value may be held by reference and read later by the writer: it is a scalar, or an
 * immutable JDK collection ({@link ImmutableTypes}), an {@code Optional} or a readable record
 * whose elements are kept too, as far as the writer will read them ({@link ValueLimits}: beyond
 * the depth limit, the element cap and the budget the writer writes markers and reads nothing).
 *
 * <p>Runs no user code: type checks, JDK collection reads, and record field reads
 * ({@link RecordInfo}). Allocates nothing of its own (the JDK's map and set iterators are small
 * and do not escape). Spends the budget exactly as the writer will: {@code min(size, maxElements,
 * budget)} per container before its elements, depth first.
 */
final class Kept {

    static final int NOT_KEPT = -1;

    private Kept() {
    }

    /** The budget left if {@code v} at {@code depth} may be kept, else {@link #NOT_KEPT}. */
    static int check(Object v, int depth, int budget, ValueLimits l) {
        if (v == null || v instanceof String) {
            return budget;
        }
        Class<?> c = v.getClass();
        if (c == Long.class || c == Integer.class || c == Double.class || c == Boolean.class) {
            return budget; // the usual elements first
        }
        if (ImmutableTypes.isMap(c)) {
            return map((Map<?, ?>) v, depth, budget, l);
        }
        if (ImmutableTypes.isList(c)) {
            return list((List<?>) v, depth, budget, l);
        }
        if (ImmutableTypes.isSet(c)) {
            return set((Set<?>) v, depth, budget, l);
        }
        if (c == Optional.class) {
            return optional((Optional<?>) v, depth, budget, l);
        }
        if (v instanceof Record r) {
            return v instanceof Supplier<?> || v instanceof Loggable ? NOT_KEPT : record(r, depth, budget, l);
        }
        return ImmutableTypes.isScalar(v) ? budget : NOT_KEPT;
    }

    private static int optional(Optional<?> o, int depth, int budget, ValueLimits l) {
        Object v = o;
        for (int wraps = 0; v instanceof Optional<?> opt; wraps++) {
            if (wraps >= ValueLimits.MAX_WRAPS) {
                return budget; // the writer writes a marker here
            }
            v = opt.orElse(null);
        }
        return check(v, depth, budget, l);
    }

    private static int list(List<?> list, int depth, int budget, ValueLimits l) {
        if (depth >= l.maxDepth()) {
            return budget;
        }
        int n = Math.min(Math.min(list.size(), l.maxElements()), budget);
        budget -= n;
        for (int i = 0; i < n && budget >= 0; i++) {
            budget = check(list.get(i), depth + 1, budget, l);
        }
        return budget;
    }

    private static int map(Map<?, ?> map, int depth, int budget, ValueLimits l) {
        if (depth >= l.maxDepth()) {
            return budget;
        }
        int n = Math.min(Math.min(map.size(), l.maxElements()), budget);
        budget -= n;
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        for (int i = 0; i < n && budget >= 0; i++) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof String)) {
                return NOT_KEPT; // other keys become text on the calling thread
            }
            budget = check(e.getValue(), depth + 1, budget, l);
        }
        return budget;
    }

    private static int set(Set<?> set, int depth, int budget, ValueLimits l) {
        if (depth >= l.maxDepth()) {
            return budget;
        }
        int n = Math.min(Math.min(set.size(), l.maxElements()), budget);
        budget -= n;
        Iterator<?> it = set.iterator();
        for (int i = 0; i < n && budget >= 0; i++) {
            budget = check(it.next(), depth + 1, budget, l);
        }
        return budget;
    }

    private static int record(Record r, int depth, int budget, ValueLimits l) {
        RecordInfo info = RecordInfo.of(r);
        if (!info.readable()) {
            return NOT_KEPT;
        }
        if (depth >= l.maxDepth()) {
            return budget;
        }
        int n = Math.min(Math.min(info.size(), l.maxElements()), budget);
        budget -= n;
        if (info.immutableByType()) {
            return budget;
        }
        for (int i = 0; i < n && budget >= 0; i++) {
            if (info.kind(i) == RecordInfo.REF) {
                budget = check(info.ref(r, i), depth + 1, budget, l);
            }
        }
        return budget;
    }
}
