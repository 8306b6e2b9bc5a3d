package fastlog.internal.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import fastlog.internal.json.StringList;

/**
 * Decides, on the calling thread, what a record may hold for a user value, so that the writer
 * thread never reads a mutable user object: a value that could change after the call returns is
 * turned into text before it returns.
 *
 * <ul>
 *   <li>Immutable JDK values are kept by reference and rendered later: String, the boxed
 *       primitives, exact BigInteger/BigDecimal (subclasses may be mutable), UUID, enums (their
 *       final {@code name()}), and the java.time value types.</li>
 *   <li>Throwables are kept by reference: their type, message, stack and causes are read on the
 *       writer thread. A thrown exception is treated as immutable; one mutated after logging may
 *       render its later state.</li>
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
        if (isImmutableValue(value)) {
            return value;
        }
        return describe(value);
    }

    /**
     * Whether the record may hold {@code value} as it is ({@link #value} would return it
     * unchanged). Only type checks: runs no user code, so it may be called after a claim.
     */
    public static boolean isKept(Object value) {
        return value == null || value instanceof String || isImmutableValue(value);
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
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        return describe(key);
    }

    private static boolean isImmutableValue(Object v) {
        return v instanceof Number n ? isImmutableNumber(n)
                : v instanceof Boolean || v instanceof Character || v instanceof Enum<?>
                || v instanceof UUID || v instanceof Throwable || v instanceof StringList || isJavaTime(v);
    }

    private static boolean isImmutableNumber(Number n) {
        Class<?> c = n.getClass();
        return c == Integer.class || c == Long.class || c == Double.class || c == Float.class
                || c == Short.class || c == Byte.class || c == BigDecimal.class || c == BigInteger.class;
    }

    private static boolean isJavaTime(Object v) {
        // All final (or JDK-sealed, for ZoneId) immutable value classes.
        return v instanceof Instant || v instanceof LocalDateTime || v instanceof LocalDate
                || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Duration
                || v instanceof LocalTime || v instanceof OffsetTime || v instanceof Period
                || v instanceof Year || v instanceof YearMonth || v instanceof MonthDay
                || v instanceof ZoneId;
    }

    /** {@code String.valueOf(v)}, made safe: never throws, never returns null. */
    public static String describe(Object v) {
        try {
            String s = v.getClass().isArray() ? arrayText(v) : v.toString();
            return s != null ? s : "null";
        } catch (StackOverflowError e) {
            return "<toString() recursed too deeply: " + safeClassName(v) + ">";
        } catch (Throwable e) {
            return "<toString() threw " + e.getClass().getName() + " for " + safeClassName(v) + ">";
        }
    }

    /** Arrays print their elements ({@code [1, 2, 3]}), not their identity ({@code [I@1b6d3586}). */
    private static String arrayText(Object array) {
        return switch (array) {
            case Object[] a -> java.util.Arrays.deepToString(a);
            case int[] a -> java.util.Arrays.toString(a);
            case long[] a -> java.util.Arrays.toString(a);
            case double[] a -> java.util.Arrays.toString(a);
            case byte[] a -> java.util.Arrays.toString(a);
            case char[] a -> new String(a);
            case boolean[] a -> java.util.Arrays.toString(a);
            case float[] a -> java.util.Arrays.toString(a);
            case short[] a -> java.util.Arrays.toString(a);
            default -> array.toString();
        };
    }

    private static String safeClassName(Object v) {
        return v.getClass().getName();
    }
}
