package fastlog.slf4j;

import java.lang.reflect.Field;

/** Reads {@code Thread.threadLocals} (surefire opens java.lang to this module for it). */
final class ThreadLocals {

    private static final Field FIELD;
    static {
        try {
            FIELD = Thread.class.getDeclaredField("threadLocals");
            FIELD.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ThreadLocals() {
    }

    /** The thread's ThreadLocal map, or null if it has none. */
    static Object of(Thread t) {
        try {
            return FIELD.get(t);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
