package fastlog.internal.value;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * How to read one record class: its component names and a getter per component field.
 *
 * <p>Components are read from the record's private final fields, never through its accessor
 * methods: a field read runs no user code, so the writer may read a record it holds by reference,
 * and a record's fields cannot change after construction (the JVM trusts records' finals). An
 * accessor overridden to hide or reformat a value is therefore not used: implement
 * {@code Loggable} for that, or redact the key.
 *
 * <p>Reading needs access: fastlog takes a private lookup into the record's class, which works on
 * the class path and, on the module path, only when the record's package is open to module
 * {@code fastlog} ({@code opens com.acme.model to fastlog;}). A record it cannot read is
 * {@link #UNREADABLE} and is logged by its {@code toString()}, on the calling thread. Computed once
 * per class (a {@link ClassValue}), on first use.
 */
public final class RecordInfo {

    /** Component kinds: how a getter's result is typed. */
    public static final byte REF = 0;
    public static final byte LONG = 1;
    public static final byte DOUBLE = 2;
    public static final byte FLOAT = 3;
    public static final byte BOOLEAN = 4;
    public static final byte CHAR = 5;

    /** A record class fastlog may not read (or a getter could not be made). */
    public static final RecordInfo UNREADABLE = new RecordInfo(new String[0], new byte[0], new MethodHandle[0], false);

    private static final Module SELF = RecordInfo.class.getModule();

    private static final ClassValue<RecordInfo> INFO = new ClassValue<>() {
        @Override
        protected RecordInfo computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    private final String[] names;
    private final byte[] kinds;
    /** Per component, typed {@code (Object)Object}, {@code (Object)long}, {@code (Object)double}... by kind. */
    private final MethodHandle[] getters;
    /** Every component's declared type is immutable by itself (primitive, String, boxed, enum...). */
    private final boolean immutableByType;

    private RecordInfo(String[] names, byte[] kinds, MethodHandle[] getters, boolean immutableByType) {
        this.names = names;
        this.kinds = kinds;
        this.getters = getters;
        this.immutableByType = immutableByType;
    }

    /** The info for {@code record}'s class. */
    public static RecordInfo of(Record record) {
        return INFO.get(record.getClass());
    }

    public boolean readable() {
        return this != UNREADABLE;
    }

    public int size() {
        return names.length;
    }

    /** Component names in declaration order (shared: do not modify). */
    String[] names() {
        return names;
    }

    public String name(int i) {
        return names[i];
    }

    public byte kind(int i) {
        return kinds[i];
    }

    /** No component can hold a mutable value, whatever the instance. */
    public boolean immutableByType() {
        return immutableByType;
    }

    public Object ref(Record r, int i) {
        try {
            return (Object) getters[i].invokeExact((Object) r);
        } catch (Throwable t) {
            throw new IllegalStateException("reading record component " + names[i], t);
        }
    }

    public long longValue(Record r, int i) {
        try {
            return (long) getters[i].invokeExact((Object) r);
        } catch (Throwable t) {
            throw new IllegalStateException("reading record component " + names[i], t);
        }
    }

    public double doubleValue(Record r, int i) {
        try {
            return (double) getters[i].invokeExact((Object) r);
        } catch (Throwable t) {
            throw new IllegalStateException("reading record component " + names[i], t);
        }
    }

    public float floatValue(Record r, int i) {
        try {
            return (float) getters[i].invokeExact((Object) r);
        } catch (Throwable t) {
            throw new IllegalStateException("reading record component " + names[i], t);
        }
    }

    public boolean booleanValue(Record r, int i) {
        try {
            return (boolean) getters[i].invokeExact((Object) r);
        } catch (Throwable t) {
            throw new IllegalStateException("reading record component " + names[i], t);
        }
    }

    public char charValue(Record r, int i) {
        try {
            return (char) getters[i].invokeExact((Object) r);
        } catch (Throwable t) {
            throw new IllegalStateException("reading record component " + names[i], t);
        }
    }

    /** Component {@code i} boxed (primitives included), for a snapshot. */
    Object boxed(Record r, int i) {
        return switch (kinds[i]) {
            case LONG -> longValue(r, i);
            case DOUBLE -> doubleValue(r, i);
            case FLOAT -> floatValue(r, i);
            case BOOLEAN -> booleanValue(r, i);
            case CHAR -> charValue(r, i);
            default -> ref(r, i);
        };
    }

    private static RecordInfo inspect(Class<?> type) {
        if (!type.isRecord()) {
            return UNREADABLE;
        }
        try {
            RecordComponent[] components = type.getRecordComponents();
            if (type.getModule() != SELF) {
                SELF.addReads(type.getModule()); // a named module reads only what it requires
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            int n = components.length;
            String[] names = new String[n];
            byte[] kinds = new byte[n];
            MethodHandle[] getters = new MethodHandle[n];
            boolean immutable = true;
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                Class<?> t = c.getType();
                names[i] = c.getName();
                kinds[i] = kindOf(t);
                MethodHandle getter = lookup.findGetter(type, c.getName(), t);
                getters[i] = getter.asType(MethodType.methodType(getterType(kinds[i]), Object.class));
                immutable &= kinds[i] != REF || isImmutableType(t);
            }
            return new RecordInfo(names, kinds, getters, immutable);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not open to fastlog (module path), or a getter could not be made: log it by toString().
            return UNREADABLE;
        }
    }

    private static byte kindOf(Class<?> t) {
        if (!t.isPrimitive()) {
            return REF;
        }
        if (t == double.class) {
            return DOUBLE;
        } else if (t == float.class) {
            return FLOAT;
        } else if (t == boolean.class) {
            return BOOLEAN;
        } else if (t == char.class) {
            return CHAR;
        }
        return LONG; // long, int, short, byte
    }

    private static Class<?> getterType(byte kind) {
        return switch (kind) {
            case LONG -> long.class;
            case DOUBLE -> double.class;
            case FLOAT -> float.class;
            case BOOLEAN -> boolean.class;
            case CHAR -> char.class;
            default -> Object.class;
        };
    }

    /** Final classes whose every instance is a kept scalar (see {@link ImmutableTypes#isScalar}). */
    private static boolean isImmutableType(Class<?> t) {
        return t == String.class || t == Long.class || t == Integer.class || t == Double.class
                || t == Float.class || t == Short.class || t == Byte.class || t == Boolean.class
                || t == Character.class || t == UUID.class || t.isEnum() || t == Instant.class
                || t == LocalDate.class || t == LocalDateTime.class || t == LocalTime.class
                || t == OffsetDateTime.class || t == ZonedDateTime.class;
    }
}
