package fastlog.internal.value;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Supplier;

import fastlog.api.Loggable;

/**
 * One capture of a structured value on the calling thread, before the logging call returns:
 * evaluates Suppliers and {@code Loggable}s, keeps what {@link Kept} accepts by reference, and
 * copies everything else into {@link CapturedObject} and {@link CapturedArray} (elements captured
 * the same way, recursively), within the {@link ValueLimits}. Never throws: user code that fails
 * (a {@code toString()}, an iterator, a Supplier, {@code logTo}) leaves a marker string in place
 * of the value it was making; a container already being captured (a cycle) becomes
 * {@code "<cycle: class>"}.
 *
 * <p>Used once, by one thread. Spends the budget as {@link Kept} and the writer do, so the
 * structures it keeps by reference are read by the writer exactly as far as they were checked.
 */
final class Snapshot {

    private final ValueLimits limits;
    /** The field's element budget left. */
    private int budget;
    /** {@code path[d]}: the container being captured at depth d (for cycles). */
    private final Object[] path;

    Snapshot(ValueLimits limits) {
        this.limits = limits;
        this.budget = limits.maxNodes();
        this.path = new Object[limits.maxDepth()];
    }

    /**
     * The snapshot of a map with String keys and scalar (or null) values only, within the element
     * cap: the common case, copied without a {@code Snapshot}. Null if the map is anything else
     * (then {@link #capture} does the general work, from the start).
     */
    static CapturedObject flatMap(Map<?, ?> m, ValueLimits limits) {
        try {
            int size = m.size();
            if (size > limits.maxElements()) {
                return null;
            }
            Object[] kv = new Object[2 * size];
            int i = 0;
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); i++) {
                Map.Entry<?, ?> e = it.next();
                Object value = e.getValue();
                if (i == size || !(e.getKey() instanceof String key) || (value != null && !ImmutableTypes.isScalar(value))) {
                    return null;
                }
                kv[2 * i] = key;
                kv[2 * i + 1] = value;
            }
            return new CapturedObject(CapturedObject.trim(kv, i), 0);
        } catch (RuntimeException e) {
            return null; // e.g. changed while iterating: the general path says so
        }
    }

    /** Like {@link #flatMap}, for a random-access list of scalars. */
    static CapturedArray flatList(List<?> list, ValueLimits limits) {
        try {
            int size = list.size();
            if (size > limits.maxElements()) {
                return null;
            }
            Object[] out = new Object[size];
            for (int i = 0; i < size; i++) {
                Object value = list.get(i);
                if (value != null && !ImmutableTypes.isScalar(value)) {
                    return null;
                }
                out[i] = value;
            }
            return new CapturedArray(out, 0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether {@link #capture} would do more than {@link Text#describe} for {@code v}. */
    static boolean isStructured(Object v) {
        return v instanceof Map<?, ?> || (v instanceof Iterable<?> && !(v instanceof Path))
                || (v.getClass().isArray() && !(v instanceof char[])) || v instanceof Record
                || v instanceof Loggable || v instanceof Supplier<?> || v instanceof Optional<?>;
    }

    /** What a record (or a snapshot) holds for {@code v} at {@code depth}. */
    Object capture(Object v, int depth) {
        for (int wraps = 0; ; wraps++) {
            if (v == null || ImmutableTypes.isScalar(v)) {
                return v;
            }
            if (!(v instanceof Loggable || v instanceof Supplier<?> || v instanceof Optional<?>)) {
                break;
            }
            if (wraps >= ValueLimits.MAX_WRAPS) {
                return Text.tooDeep(v);
            }
            if (v instanceof Loggable lg) {
                if (depth >= limits.maxDepth()) {
                    return Text.tooDeep(v);
                }
                if (onPath(v, depth)) {
                    return Text.cycle(v);
                }
                Object made = loggable(lg, depth);
                if (!(made instanceof LoggableFields fields)) {
                    return made; // logTo() failed: a marker
                }
                if (!fields.hasValue()) {
                    return fields.result();
                }
                v = fields.value; // logged as one value: capture that instead
            } else if (v instanceof Supplier<?> s) {
                v = evaluate(s);
            } else {
                v = ((Optional<?>) v).orElse(null);
            }
        }
        if (v instanceof CharSequence || v instanceof char[] || v instanceof Path) {
            return Text.describe(v);
        }
        if (ImmutableTypes.isContainerCandidate(v)) {
            int left = Kept.check(v, depth, budget, limits);
            if (left >= 0) {
                Object kept = budget == limits.maxNodes() ? v : new KeptRef(v, budget);
                budget = left;
                return kept;
            }
        }
        boolean readableRecord = v instanceof Record r && RecordInfo.of(r).readable();
        if (!(readableRecord || v instanceof Map<?, ?> || v instanceof Iterable<?> || v.getClass().isArray())) {
            return Text.describe(v);
        }
        if (depth >= limits.maxDepth()) {
            return Text.tooDeep(v);
        }
        if (onPath(v, depth)) {
            return Text.cycle(v);
        }
        int before = budget;
        path[depth] = v;
        try {
            if (readableRecord) {
                return record((Record) v, depth);
            } else if (v instanceof Map<?, ?> m) {
                return map(m, depth);
            } else if (v instanceof Iterable<?> it) {
                return iterable(it, depth);
            }
            return array(v, depth);
        } catch (StackOverflowError e) {
            budget = before;
            return Text.overflowed("iteration", v);
        } catch (Throwable t) {
            budget = before; // e.g. ConcurrentModificationException: the container is left out whole
            return Text.failed("iteration", t, v);
        } finally {
            path[depth] = null;
        }
    }

    private boolean onPath(Object v, int depth) {
        for (int d = 0; d < depth; d++) {
            if (path[d] == v) {
                return true;
            }
        }
        return false;
    }

    private int take(int size) {
        int n = Math.min(Math.min(size, limits.maxElements()), budget);
        budget -= n;
        return n;
    }

    private Object map(Map<?, ?> m, int depth) {
        int size = m.size();
        int n = take(size);
        Object[] kv = new Object[2 * n];
        int i = 0;
        for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); i < n && it.hasNext(); i++) {
            Map.Entry<?, ?> e = it.next();
            kv[2 * i] = Text.key(e.getKey());
            kv[2 * i + 1] = capture(e.getValue(), depth + 1);
        }
        budget += n - i;
        return new CapturedObject(CapturedObject.trim(kv, i), Math.max(0, size - i));
    }

    private Object iterable(Iterable<?> iterable, int depth) {
        int size = iterable instanceof Collection<?> c ? c.size() : -1;
        int n = take(size >= 0 ? size : Integer.MAX_VALUE);
        Object[] out = new Object[n];
        int i = 0;
        boolean more;
        if (iterable instanceof List<?> list && iterable instanceof RandomAccess) {
            for (int end = Math.min(n, list.size()); i < end; i++) {
                out[i] = capture(list.get(i), depth + 1);
            }
            more = false;
        } else {
            Iterator<?> it = iterable.iterator();
            for (; i < n && it.hasNext(); i++) {
                out[i] = capture(it.next(), depth + 1);
            }
            more = size < 0 && it.hasNext();
        }
        budget += n - i;
        int omitted = size >= 0 ? Math.max(0, size - i) : more ? CapturedArray.MORE : 0;
        return new CapturedArray(i == n ? out : Arrays.copyOf(out, i), omitted);
    }

    private Object array(Object a, int depth) {
        if (a instanceof Object[] arr) {
            int n = take(arr.length);
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = capture(arr[i], depth + 1);
            }
            return new CapturedArray(out, arr.length - n);
        }
        return switch (a) {
            case long[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            case int[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            case double[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            case byte[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            case short[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            case float[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            case boolean[] arr -> {
                int n = take(arr.length);
                yield new CapturedArray(Arrays.copyOf(arr, n), arr.length - n);
            }
            default -> Text.describe(a);
        };
    }

    private Object record(Record r, int depth) {
        RecordInfo info = RecordInfo.of(r);
        int size = info.size();
        int n = take(size);
        Object[] kv = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            kv[2 * i] = info.name(i);
            kv[2 * i + 1] = info.kind(i) == RecordInfo.REF ? capture(info.ref(r, i), depth + 1) : info.boxed(r, i);
        }
        return new CapturedObject(kv, size - n);
    }

    private static Object evaluate(Supplier<?> s) {
        try {
            return s.get();
        } catch (StackOverflowError e) {
            return Text.overflowed("Supplier.get()", s);
        } catch (Throwable t) {
            return Text.failed("Supplier.get()", t, null);
        }
    }

    /**
     * Runs {@code lg.logTo} with a fresh writer. Returns the writer (its fields, or its value), or
     * a marker string if {@code logTo} failed; the budget its fields took is given back when the
     * object turns out to be one value or to have failed.
     */
    private Object loggable(Loggable lg, int depth) {
        int before = budget;
        LoggableFields out = new LoggableFields(this, depth);
        path[depth] = lg;
        try {
            lg.logTo(out);
        } catch (StackOverflowError e) {
            budget = before;
            return Text.overflowed("logTo()", lg);
        } catch (Throwable t) {
            budget = before;
            return Text.failed("logTo()", t, lg);
        } finally {
            path[depth] = null;
            out.close();
        }
        if (out.hasValue()) {
            budget = before;
        }
        return out;
    }

    /** A {@code Loggable}'s fields, captured as they are written; valid only during {@code logTo}. */
    private static final class LoggableFields implements Loggable.Writer {
        private final Snapshot owner;
        private final int depth;
        private Object[] kv = new Object[8];
        private int size;
        private int omitted;
        private boolean closed;
        private boolean hasValue;
        private Object value;

        LoggableFields(Snapshot owner, int depth) {
            this.owner = owner;
            this.depth = depth;
        }

        @Override
        public Loggable.Writer field(String key, long value) {
            return field(key, (Object) value);
        }

        @Override
        public Loggable.Writer field(String key, double value) {
            return field(key, (Object) value);
        }

        @Override
        public Loggable.Writer field(String key, boolean value) {
            return field(key, (Object) value);
        }

        @Override
        public Loggable.Writer field(String key, Object value) {
            if (closed || hasValue) {
                return this;
            }
            if (size >= owner.limits.maxElements() || owner.budget <= 0) {
                omitted++;
                return this;
            }
            owner.budget--;
            if (2 * size == kv.length) {
                kv = Arrays.copyOf(kv, 2 * kv.length);
            }
            kv[2 * size] = key == null ? "null" : key;
            kv[2 * size + 1] = owner.capture(value, depth + 1);
            size++;
            return this;
        }

        @Override
        public void value(Object value) {
            if (!closed && !hasValue) {
                hasValue = true;
                this.value = value;
            }
        }

        void close() {
            closed = true;
        }

        boolean hasValue() {
            return hasValue;
        }

        CapturedObject result() {
            return new CapturedObject(Arrays.copyOf(kv, 2 * size), omitted);
        }
    }
}
