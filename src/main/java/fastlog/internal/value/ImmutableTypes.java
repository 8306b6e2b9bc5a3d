package fastlog.internal.value;

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import fastlog.api.RawJson;
import fastlog.internal.json.StringList;

/**
 * Which classes are immutable, by type alone (scalars), or as containers whose elements must be
 * immutable too. Containers are recognised by their exact JDK class, never by an interface: a
 * {@code List} may be an {@code ArrayList}, and even {@code ImmutableCollections} has lazily
 * computed subclasses ({@code StableList}) that run user code on {@code get}.
 */
public final class ImmutableTypes {

    // The classes behind List.of / Set.of / Map.of (java.util.ImmutableCollections$...), List.copyOf,
    // Stream.toList, and the immutable Collections singletons; taken from instances, since the
    // classes are not accessible by name.
    private static final Class<?> LIST_12 = List.of(1).getClass();
    private static final Class<?> LIST_N = List.of(1, 2, 3).getClass();
    private static final Class<?> LIST_N_EMPTY = List.of().getClass();
    private static final Class<?> SUB_LIST = List.of(1, 2, 3).subList(0, 2).getClass();
    private static final Class<?> EMPTY_LIST = Collections.emptyList().getClass();
    private static final Class<?> SINGLETON_LIST = Collections.singletonList(1).getClass();
    private static final Class<?> COPIES_LIST = Collections.nCopies(2, 1).getClass();
    private static final Class<?> SET_12 = Set.of(1).getClass();
    private static final Class<?> SET_N = Set.of(1, 2, 3).getClass();
    private static final Class<?> SET_N_EMPTY = Set.of().getClass();
    private static final Class<?> EMPTY_SET = Collections.emptySet().getClass();
    private static final Class<?> SINGLETON_SET = Collections.singleton(1).getClass();
    private static final Class<?> MAP_1 = Map.of(1, 1).getClass();
    private static final Class<?> MAP_N = Map.of(1, 1, 2, 2).getClass();
    private static final Class<?> MAP_N_EMPTY = Map.of().getClass();
    private static final Class<?> EMPTY_MAP = Collections.emptyMap().getClass();
    private static final Class<?> SINGLETON_MAP = Collections.singletonMap(1, 1).getClass();

    private ImmutableTypes() {
    }

    /**
     * Immutable values the writer renders without looking inside anything: String, the exact boxed
     * primitives, exact BigInteger/BigDecimal (subclasses may be mutable), Boolean, Character,
     * enums (written by their final {@code name()}), UUID, Throwables (treated as immutable once
     * thrown), the java.time value types, the primitive Optionals, RawJson and StringList.
     */
    public static boolean isScalar(Object v) {
        return v instanceof String || (v instanceof Number n ? isImmutableNumber(n)
                : v instanceof Boolean || v instanceof Character || v instanceof Enum<?>
                || v instanceof UUID || v instanceof Throwable || v instanceof StringList
                || v instanceof RawJson || isJavaTime(v) || isPrimitiveOptional(v));
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

    private static boolean isPrimitiveOptional(Object v) {
        return v instanceof OptionalLong || v instanceof OptionalInt || v instanceof OptionalDouble;
    }

    /** An immutable JDK list class: elements by {@code get(i)}, no user code. */
    public static boolean isList(Class<?> c) {
        return c == LIST_N || c == LIST_12 || c == LIST_N_EMPTY || c == SUB_LIST || c == EMPTY_LIST
                || c == SINGLETON_LIST || c == COPIES_LIST;
    }

    /** An immutable JDK set class (iteration order is fixed for the life of the JVM). */
    public static boolean isSet(Class<?> c) {
        return c == SET_N || c == SET_12 || c == SET_N_EMPTY || c == EMPTY_SET || c == SINGLETON_SET;
    }

    /** An immutable JDK map class (iteration order is fixed for the life of the JVM). */
    public static boolean isMap(Class<?> c) {
        return c == MAP_N || c == MAP_1 || c == MAP_N_EMPTY || c == EMPTY_MAP || c == SINGLETON_MAP;
    }

    /** A class whose instances {@link Kept} may accept (if their contents are kept too). */
    public static boolean isContainerCandidate(Object v) {
        Class<?> c = v.getClass();
        return isList(c) || isMap(c) || isSet(c) || c == Optional.class || v instanceof Record;
    }

    /**
     * A type check only, for values already captured (after a record has been claimed): a scalar,
     * one of fastlog's snapshots, or a candidate container. The writer re-checks every element it
     * reads, so a value that passes this but was swapped for a mutable one is written as a marker.
     */
    public static boolean isKeptShape(Object v) {
        return v == null || isScalar(v) || v instanceof CapturedObject || v instanceof CapturedArray
                || v instanceof KeptRef || isContainerCandidate(v);
    }
}
