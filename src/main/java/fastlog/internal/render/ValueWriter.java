package fastlog.internal.render;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import fastlog.api.RawJson;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.json.JsonValues;
import fastlog.internal.json.ThrowableJson;
import fastlog.internal.value.CapturedArray;
import fastlog.internal.value.CapturedObject;
import fastlog.internal.value.ImmutableTypes;
import fastlog.internal.value.KeptRef;
import fastlog.internal.value.RecordInfo;
import fastlog.internal.value.ValueLimits;

/**
 * Writes one field's value as JSON on the writer thread: scalars, fastlog's snapshots
 * ({@link CapturedObject}, {@link CapturedArray}), and the immutable structures the caller kept by
 * reference (immutable JDK collections, {@code Optional}, records, {@link RawJson}), nested.
 *
 * <p>Reads only what the calling thread checked. A snapshot holds its elements explicitly. A
 * structure kept by reference is read under the same {@link ValueLimits} and spends the element
 * budget in the same order as {@code value.Kept} did when it checked it: from the full budget at
 * the top of a field, from the budget recorded in its {@link KeptRef} inside a snapshot, and an
 * entry that is not written (its key is redacted or repeated) still spends what its value would
 * ({@link #spend}). Anything it meets that is not a kept shape (only possible if the caller's array
 * was changed by another thread during the call) is written as {@code "<not captured: class>"}
 * without being read. Record components are read from their fields ({@link RecordInfo}); no user
 * code runs here.
 *
 * <p>Within an object keys are unique: they are compared as written (cut, lone surrogates
 * replaced), and the last value of a repeated key wins, at its last position. Markers: an array
 * with elements left out ends with {@code "... N more"}; an object with entries left out ends with
 * {@code "_omitted":N} (underscores added while that key is taken); a container too deep is
 * {@code "<too deep: class>"}. Values under a redacted key ({@link Redaction}) are the mask; string
 * values pass through the redaction patterns.
 *
 * <p>Consumer-role holder only: keeps scratch arrays between calls.
 */
public final class ValueWriter {

    private static final int LINEAR_DEDUP_LIMIT = 24;
    private static final String OMITTED_KEY = "_omitted";

    private final ValueLimits limits;
    private final RenderedKeyCache keys;
    private final StringRedactor strings;
    private final byte[] mask;
    private final RawJsonWriter raw;
    /** The current field's element budget. */
    private int budget;
    /** Set when a raw JSON value of the current field was invalid; see {@link #takeInvalidJson}. */
    private boolean invalidJson;

    // Scratch per depth (an object's children are written while its keys are still needed).
    private final RenderedKey[][] keyScratch;
    private final int[][] hashScratch;
    private final boolean[][] skipScratch;
    private final Object[][] valueScratch;
    private HashMap<String, Integer> lastIndex;

    public ValueWriter(int maxStringLength, ValueLimits limits, Redaction redaction) {
        this.limits = limits;
        this.keys = new RenderedKeyCache(null, maxStringLength, redaction);
        this.strings = StringRedactor.of(redaction);
        JsonOutput scratch = new JsonOutput(64, maxStringLength);
        scratch.writeString(redaction.mask());
        this.mask = Arrays.copyOf(scratch.array(), scratch.size());
        this.raw = new RawJsonWriter(this, maxStringLength, limits.maxDepth());
        int depths = limits.maxDepth() + 1;
        this.keyScratch = new RenderedKey[depths][];
        this.hashScratch = new int[depths][];
        this.skipScratch = new boolean[depths][];
        this.valueScratch = new Object[depths][];
    }

    /** Writes a field's value (a fresh element budget). */
    public void write(JsonOutput out, Object v) {
        if (v instanceof String s) {
            string(out, s);
            return;
        }
        budget = limits.maxNodes();
        value(out, v, 0);
    }

    /** Writes the redaction mask as a JSON string. */
    public void writeMask(JsonOutput out) {
        out.writeRaw(mask);
    }

    /** Whether string values go through redaction patterns. */
    public boolean redactsStrings() {
        return strings != null;
    }

    /** {@code s} with the redaction patterns applied. */
    public String redact(String s) {
        return strings == null || s == null ? s : strings.apply(s);
    }

    /** Whether a raw JSON value written since the last call was invalid (and written as a string). */
    public boolean takeInvalidJson() {
        boolean was = invalidJson;
        invalidJson = false;
        return was;
    }

    void string(JsonOutput out, String s) {
        out.writeString(strings == null ? s : strings.apply(s));
    }

    RenderedKey nestedKey(String key) {
        return keys.get(key);
    }

    private void value(JsonOutput out, Object v, int depth) {
        if (v instanceof String s) {
            string(out, s);
        } else if (v == null) {
            out.writeNull();
        } else if (v instanceof Long l) {
            out.writeLong(l);
        } else if (v instanceof Integer i) {
            out.writeLong(i);
        } else if (v instanceof Double d) {
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (v instanceof CapturedObject o) {
            capturedObject(out, o, depth);
        } else if (v instanceof CapturedArray a) {
            capturedArray(out, a, depth);
        } else if (v instanceof KeptRef r) {
            int outer = budget;
            budget = r.budget();
            value(out, r.value(), depth);
            budget = outer;
        } else if (v instanceof Throwable t) {
            ThrowableJson.write(out, t, strings);
        } else if (v instanceof RawJson r) {
            rawJson(out, r.json(), depth);
        } else if (v instanceof Optional<?> o) {
            optional(out, o, depth);
        } else if (ImmutableTypes.isScalar(v)) {
            scalar(out, v);
        } else {
            structure(out, v, depth);
        }
    }

    private static void scalar(JsonOutput out, Object v) {
        if (v instanceof OptionalLong o) {
            if (o.isPresent()) {
                out.writeLong(o.getAsLong());
            } else {
                out.writeNull();
            }
        } else if (v instanceof OptionalInt o) {
            if (o.isPresent()) {
                out.writeLong(o.getAsInt());
            } else {
                out.writeNull();
            }
        } else if (v instanceof OptionalDouble o) {
            if (o.isPresent()) {
                out.writeDouble(o.getAsDouble());
            } else {
                out.writeNull();
            }
        } else {
            JsonValues.write(out, v);
        }
    }

    private void structure(JsonOutput out, Object v, int depth) {
        Class<?> c = v.getClass();
        if (ImmutableTypes.isList(c)) {
            list(out, (List<?>) v, depth);
        } else if (ImmutableTypes.isMap(c)) {
            map(out, (Map<?, ?>) v, depth);
        } else if (ImmutableTypes.isSet(c)) {
            set(out, (Set<?>) v, depth);
        } else if (v instanceof Record r && RecordInfo.of(r).readable()) {
            record(out, r, RecordInfo.of(r), depth);
        } else if (depth == 0) {
            JsonValues.write(out, v); // staged directly by fastlog's own code (e.g. a CharSequence in a test)
        } else {
            out.writeString("<not captured: " + c.getName() + ">");
        }
    }

    private int take(int size) {
        int n = Math.min(Math.min(size, limits.maxElements()), budget);
        budget -= n;
        return n;
    }

    private static void tooDeep(JsonOutput out, Object v) {
        out.writeString("<too deep: " + v.getClass().getName() + ">");
    }

    private void optional(JsonOutput out, Optional<?> o, int depth) {
        Object inner = o;
        for (int wraps = 0; inner instanceof Optional<?> opt; wraps++) {
            if (wraps >= ValueLimits.MAX_WRAPS) {
                tooDeep(out, inner);
                return;
            }
            inner = opt.orElse(null);
        }
        value(out, inner, depth);
    }

    private void rawJson(JsonOutput out, String json, int depth) {
        int mark = out.size();
        if (!raw.write(out, json, depth)) {
            out.truncate(mark);
            string(out, json);
            invalidJson = true;
        }
    }

    // ---------------------------------------------------------------- arrays

    private void list(JsonOutput out, List<?> list, int depth) {
        if (depth >= limits.maxDepth()) {
            tooDeep(out, list);
            return;
        }
        int size = list.size();
        int n = take(size);
        out.writeByte('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            value(out, list.get(i), depth + 1);
        }
        closeArray(out, n, size - n);
    }

    private void set(JsonOutput out, Set<?> set, int depth) {
        if (depth >= limits.maxDepth()) {
            tooDeep(out, set);
            return;
        }
        int size = set.size();
        int n = take(size);
        out.writeByte('[');
        Iterator<?> it = set.iterator();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            value(out, it.next(), depth + 1);
        }
        closeArray(out, n, size - n);
    }

    private void capturedArray(JsonOutput out, CapturedArray a, int depth) {
        if (depth >= limits.maxDepth()) {
            tooDeep(out, a); // captured under other limits (a value bound before a reconfiguration)
            return;
        }
        Object elements = a.elements();
        out.writeByte('[');
        int n;
        switch (elements) {
            case Object[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    value(out, arr[i], depth + 1);
                }
            }
            case long[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeLong(arr[i]);
                }
            }
            case int[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeLong(arr[i]);
                }
            }
            case double[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeDouble(arr[i]);
                }
            }
            case byte[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeLong(arr[i]);
                }
            }
            case short[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeLong(arr[i]);
                }
            }
            case float[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeFloat(arr[i]);
                }
            }
            case boolean[] arr -> {
                n = arr.length;
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    out.writeBoolean(arr[i]);
                }
            }
            default -> throw new IllegalStateException("not a captured array: " + elements.getClass().getName());
        }
        closeArray(out, n, a.omitted());
    }

    private static void comma(JsonOutput out, int i) {
        if (i > 0) {
            out.writeByte(',');
        }
    }

    /** The "left out" marker (if any) and the closing bracket. */
    private static void closeArray(JsonOutput out, int written, int omitted) {
        if (omitted != 0) {
            if (written > 0) {
                out.writeByte(',');
            }
            if (omitted > 0) {
                out.writeAsciiRaw("\"... ");
                out.writeLong(omitted);
                out.writeAsciiRaw(" more\"");
            } else {
                out.writeAsciiRaw("\"... more\"");
            }
        }
        out.writeByte(']');
    }

    // ---------------------------------------------------------------- objects

    private void capturedObject(JsonOutput out, CapturedObject o, int depth) {
        if (depth >= limits.maxDepth()) {
            tooDeep(out, o); // captured under other limits (a value bound before a reconfiguration)
            return;
        }
        int n = o.size();
        RenderedKey[] k = keys(depth, n);
        for (int i = 0; i < n; i++) {
            k[i] = keys.get(o.key(i));
        }
        entries(out, depth, n, o.omitted(), o, null);
    }

    private void map(JsonOutput out, Map<?, ?> map, int depth) {
        if (depth >= limits.maxDepth()) {
            tooDeep(out, map);
            return;
        }
        int size = map.size();
        int n = take(size);
        RenderedKey[] k = keys(depth, n);
        Object[] v = valueScratch[depth];
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        for (int i = 0; i < n; i++) {
            Map.Entry<?, ?> e = it.next();
            Object key = e.getKey();
            k[i] = keys.get(key instanceof String s ? s : "<not captured: " + key.getClass().getName() + ">");
            v[i] = e.getValue();
        }
        try {
            entries(out, depth, n, size - n, null, null);
        } finally {
            Arrays.fill(v, 0, n, null); // don't keep the user's values alive
        }
    }

    private void record(JsonOutput out, Record r, RecordInfo info, int depth) {
        if (depth >= limits.maxDepth()) {
            tooDeep(out, r);
            return;
        }
        int size = info.size();
        int n = take(size);
        RenderedKey[] k = keys(depth, n);
        for (int i = 0; i < n; i++) {
            k[i] = keys.get(info.name(i));
        }
        entries(out, depth, n, size - n, r, info);
    }

    /**
     * Writes the object whose {@code n} keys are in {@code keyScratch[depth]}; values come from
     * {@code source}: a CapturedObject, a Record, or (null) {@code valueScratch[depth]}.
     */
    private void entries(JsonOutput out, int depth, int n, int omitted, Object source, RecordInfo info) {
        RenderedKey[] k = keyScratch[depth];
        boolean[] skip = skipScratch[depth];
        markRepeated(k, hashScratch[depth], skip, n);
        out.writeByte('{');
        boolean first = true;
        for (int i = 0; i < n; i++) {
            RenderedKey key = k[i];
            if (skip[i] || key.redacted) {
                if (source == null) {
                    spend(valueScratch[depth][i], depth + 1);
                } else if (source instanceof Record r && info.kind(i) == RecordInfo.REF) {
                    spend(info.ref(r, i), depth + 1);
                }
                if (skip[i]) {
                    continue;
                }
            }
            if (first) {
                out.writeRaw(key.json, 1, key.json.length - 1);
                first = false;
            } else {
                out.writeRaw(key.json);
            }
            if (key.redacted) {
                out.writeRaw(mask);
            } else if (source instanceof CapturedObject o) {
                value(out, o.value(i), depth + 1);
            } else if (source instanceof Record r) {
                component(out, r, info, i, depth);
            } else {
                value(out, valueScratch[depth][i], depth + 1);
            }
        }
        if (omitted > 0) {
            if (!first) {
                out.writeByte(',');
            }
            out.writeString(omittedKey(k, skip, n));
            out.writeByte(':');
            out.writeLong(omitted);
        }
        out.writeByte('}');
    }

    private void component(JsonOutput out, Record r, RecordInfo info, int i, int depth) {
        switch (info.kind(i)) {
            case RecordInfo.LONG -> out.writeLong(info.longValue(r, i));
            case RecordInfo.DOUBLE -> out.writeDouble(info.doubleValue(r, i));
            case RecordInfo.FLOAT -> out.writeFloat(info.floatValue(r, i));
            case RecordInfo.BOOLEAN -> out.writeBoolean(info.booleanValue(r, i));
            case RecordInfo.CHAR -> out.writeString(String.valueOf(info.charValue(r, i)));
            default -> value(out, info.ref(r, i), depth + 1);
        }
    }

    /**
     * Spends the budget a kept value at {@code depth} takes, without writing it: what
     * {@code value.Kept} spent when it checked an entry the writer does not write.
     */
    private void spend(Object v, int depth) {
        for (int wraps = 0; v instanceof Optional<?> o; wraps++) {
            if (wraps >= ValueLimits.MAX_WRAPS) {
                return;
            }
            v = o.orElse(null);
        }
        if (v == null || ImmutableTypes.isScalar(v) || depth >= limits.maxDepth()) {
            return;
        }
        Class<?> c = v.getClass();
        if (ImmutableTypes.isList(c)) {
            List<?> list = (List<?>) v;
            int n = take(list.size());
            for (int i = 0; i < n; i++) {
                spend(list.get(i), depth + 1);
            }
        } else if (ImmutableTypes.isMap(c)) {
            Map<?, ?> map = (Map<?, ?>) v;
            int n = take(map.size());
            Iterator<?> it = map.values().iterator();
            for (int i = 0; i < n; i++) {
                spend(it.next(), depth + 1);
            }
        } else if (ImmutableTypes.isSet(c)) {
            Set<?> set = (Set<?>) v;
            int n = take(set.size());
            Iterator<?> it = set.iterator();
            for (int i = 0; i < n; i++) {
                spend(it.next(), depth + 1);
            }
        } else if (v instanceof Record r && RecordInfo.of(r).readable()) {
            RecordInfo info = RecordInfo.of(r);
            int n = take(info.size());
            for (int i = 0; i < n && !info.immutableByType(); i++) {
                if (info.kind(i) == RecordInfo.REF) {
                    spend(info.ref(r, i), depth + 1);
                }
            }
        }
    }

    /** {@code _omitted}, with underscores added while a written key reads the same. */
    private static String omittedKey(RenderedKey[] k, boolean[] skip, int n) {
        String name = OMITTED_KEY;
        for (boolean taken = true; taken; ) {
            taken = false;
            for (int i = 0; i < n && !taken; i++) {
                taken = !skip[i] && k[i].name.equals(name);
            }
            if (taken) {
                name = "_" + name;
            }
        }
        return name;
    }

    /** {@code skip[i]}: a later key reads the same (the last one wins). */
    private void markRepeated(RenderedKey[] k, int[] h, boolean[] skip, int n) {
        if (n <= LINEAR_DEDUP_LIMIT) {
            for (int i = 0; i < n; i++) {
                h[i] = k[i].hash;
            }
            for (int i = 0; i < n; i++) {
                boolean later = false;
                for (int j = i + 1; j < n && !later; j++) {
                    later = h[j] == h[i] && k[i].sameName(k[j]);
                }
                skip[i] = later;
            }
            return;
        }
        if (lastIndex == null) {
            lastIndex = new HashMap<>();
        }
        lastIndex.clear();
        for (int i = 0; i < n; i++) {
            lastIndex.put(k[i].name, i);
        }
        for (int i = 0; i < n; i++) {
            skip[i] = lastIndex.get(k[i].name) != i;
        }
        lastIndex.clear();
    }

    /** The scratch for {@code n} keys (and values, hashes, skip flags) at {@code depth}. */
    private RenderedKey[] keys(int depth, int n) {
        RenderedKey[] k = keyScratch[depth];
        if (k == null || k.length < n) {
            int length = Math.max(n, k == null ? 8 : 2 * k.length);
            keyScratch[depth] = k = new RenderedKey[length];
            hashScratch[depth] = new int[length];
            skipScratch[depth] = new boolean[length];
            valueScratch[depth] = new Object[length];
        }
        return k;
    }
}
