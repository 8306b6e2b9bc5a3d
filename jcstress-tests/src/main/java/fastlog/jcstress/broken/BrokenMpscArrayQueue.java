package fastlog.jcstress.broken;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * DELIBERATELY BROKEN copy of {@code fastlog.internal.queue.MpscArrayQueue}, kept only to show
 * that the jcstress tests can fail. Never use it.
 *
 * <p>The bug: it publishes the index before the element. {@code offer} claims slot {@code p}
 * with the CAS on {@code producerIndex} (which makes the slot "available" to the consumer) and
 * only then stores the element, with a plain store. {@code poll} trusts {@code producerIndex}
 * instead of waiting for the element: when it sees {@code consumerIndex < producerIndex} it
 * takes whatever is in the slot, which can still be {@code null}, and moves on. The element that
 * lands there a moment later is never returned: it is lost.
 *
 * <p>This is a real reordering window on x86 (the element store follows the index CAS in program
 * order), not a fence subtlety, so jcstress catches it reliably. The correct queue closes it by
 * making the element, not the index, the publication point: a release store of the element and
 * an acquire load that waits for a non-null slot.
 */
public final class BrokenMpscArrayQueue<E> {

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PRODUCER_INDEX = l.findVarHandle(BrokenMpscArrayQueue.class, "producerIndex", long.class);
            CONSUMER_INDEX = l.findVarHandle(BrokenMpscArrayQueue.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object[] buffer;
    private final int mask;
    private volatile long producerIndex;
    private volatile long consumerIndex;

    public BrokenMpscArrayQueue(int capacity) {
        int size = Math.max(2, 1 << (32 - Integer.numberOfLeadingZeros(capacity - 1)));
        this.buffer = new Object[size];
        this.mask = size - 1;
    }

    public int capacity() {
        return mask + 1;
    }

    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        long p;
        do {
            p = producerIndex;
            if (p - consumerIndex >= mask + 1) {
                return false;
            }
        } while (!PRODUCER_INDEX.compareAndSet(this, p, p + 1));
        buffer[(int) (p & mask)] = e; // BUG: plain store, after the index already says "available"
        return true;
    }

    @SuppressWarnings("unchecked")
    public E poll() {
        long c = (long) CONSUMER_INDEX.get(this);
        if (c >= producerIndex) {
            return null;
        }
        int offset = (int) (c & mask);
        Object e = buffer[offset]; // BUG: trusts the index; the element may not be there yet
        buffer[offset] = null;
        CONSUMER_INDEX.setRelease(this, c + 1);
        return (E) e;
    }
}
