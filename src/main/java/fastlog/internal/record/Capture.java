package fastlog.internal.record;

import fastlog.internal.value.ImmutableTypes;
import fastlog.internal.value.Text;
import fastlog.internal.value.ValueCapture;

/**
 * Decides, on the calling thread, what a record may hold for a user value, so that the writer
 * thread never reads a mutable user object: a value that could change after the call returns is
 * copied or turned into text before it returns.
 *
 * <ul>
 *   <li>Immutable JDK values are kept by reference and rendered later: String, the boxed
 *       primitives, exact BigInteger/BigDecimal (subclasses may be mutable), UUID, enums (their
 *       final {@code name()}), and the java.time value types ({@link ImmutableTypes#isScalar}).</li>
 *   <li>Throwables are kept by reference: their type, message, stack and causes are read on the
 *       writer thread. A thrown exception is treated as immutable; one mutated after logging may
 *       render its later state.</li>
 *   <li>Structured values ({@code fastlog.internal.value}): {@code List.of}/{@code Set.of}/
 *       {@code Map.of} and records whose contents are kept are held by reference; other maps,
 *       collections, arrays and records are snapshotted; Suppliers are evaluated and
 *       {@code Loggable}s asked to write themselves, here.</li>
 *   <li>Anything else, including non-String CharSequences such as StringBuilder, becomes a String
 *       here via {@code toString()}. A {@code toString()} that throws, recurses or returns null
 *       never escapes: the value becomes a String that says what happened.</li>
 * </ul>
 * Every method here is called before a record is claimed, so user code never runs while a
 * record is half written.
 */
public final class Capture {

    private Capture() {
    }

    /** Returns what the record may hold for {@code value}; never throws. */
    public static Object value(Object value) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (ImmutableTypes.isScalar(value)) {
            return value;
        }
        return ValueCapture.capture(value);
    }

    /**
     * Whether the record may hold {@code value} as it is ({@link #value} would return it
     * unchanged). Runs no user code (type checks, and reads of immutable JDK collections and of
     * record fields), so it may be called after a claim.
     */
    public static boolean isKept(Object value) {
        return value == null || value instanceof String || ImmutableTypes.isScalar(value)
                || ValueCapture.isKept(value);
    }

    /**
     * A type check only, for a value {@link #value} returned: whether it still has a shape the
     * record may hold. Used after a claim, where nothing deep may run; the writer checks every
     * element it reads again.
     */
    public static boolean isKeptShape(Object value) {
        return ImmutableTypes.isKeptShape(value);
    }

    /** Whether {@code value} is a scalar the writer may print with {@code String.valueOf} (not a structure). */
    public static boolean isKeptScalar(Object value) {
        return value == null || ImmutableTypes.isScalar(value);
    }

    /**
     * Whether every key of {@code keysAndValues} (even positions) is a String and every value
     * (odd positions) {@link #isKept is kept as it is}: then nothing needs capturing.
     */
    public static boolean allKept(Object[] keysAndValues) {
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String) || !isKept(keysAndValues[i + 1])) {
                return false;
            }
        }
        return true;
    }

    /** A field key as a String; a null key becomes {@code "null"}, any other object its text. */
    public static String key(Object key) {
        return Text.key(key);
    }

    /** {@code String.valueOf(v)}, made safe: never throws, never returns null. */
    public static String describe(Object v) {
        return Text.describe(v);
    }
}
