package fastlog.internal.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded multi-producer / single-consumer FIFO queue on a power-of-two ring (after JCTools'
 * {@code MpscArrayQueue}, with {@link VarHandle}s instead of {@code Unsafe}).
 *
 * <h2>Concurrency</h2>
 * <ul>
 *   <li><b>Who calls what.</b> Any number of threads may call {@link #offer}. Only one thread at a
 *       time may call {@link #poll} (the consumer); {@link #size} and {@link #capacity} are safe
 *       from any thread.</li>
 *   <li><b>Claim.</b> A producer claims slot {@code p} by CAS on {@code producerIndex} from
 *       {@code p} to {@code p + 1}. Claims are therefore unique and totally ordered.</li>
 *   <li><b>Publish.</b> The producer then stores the element into slot {@code p} with a
 *       <i>release</i> store ({@code soElement}). The consumer reads the slot with an
 *       <i>acquire</i> load ({@code lvElement}); that pair makes every write the producer made
 *       before {@code offer} (the element's own fields included) visible to the consumer.</li>
 *   <li><b>Claimed but not yet published.</b> Between its CAS and its store a producer's slot is
 *       still {@code null}. The consumer sees {@code null} with
 *       {@code producerIndex > consumerIndex} and waits for that one slot (it never skips it), so
 *       FIFO order holds and nothing is lost. The window is a few instructions long.</li>
 *   <li><b>Consume.</b> The consumer clears the slot with a plain store, then advances
 *       {@code consumerIndex} with a release store. A producer reads {@code consumerIndex} with an
 *       acquire load before reusing a slot, so it never overwrites an element that has not been
 *       consumed, and the consumer's clearing store cannot land after the producer's new element.</li>
 *   <li><b>Full.</b> {@code offer} returns {@code false} when {@code producerIndex - consumerIndex
 *       == capacity}; it never waits and never overwrites. Waiting, if wanted, is the caller's
 *       policy. {@code producerLimit} caches {@code consumerIndex + capacity} so producers read the
 *       consumer's cache line only when the cached limit is reached.</li>
 *   <li><b>Progress.</b> {@code offer} is lock-free. {@code poll} is wait-free except for the
 *       claimed-but-unpublished window above.</li>
 * </ul>
 *
 * @param <E> element type; {@code null} elements are rejected
 */
public final class MpscArrayQueue<E> extends MpscConsumerIndexField {

    private static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] buffer;
    private final int mask;

    /** @param capacity rounded up to a power of two, at least 2 */
    public MpscArrayQueue(int capacity) {
        if (capacity < 1 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("capacity must be in [1, 2^30]: " + capacity);
        }
        int size = Math.max(2, 1 << (32 - Integer.numberOfLeadingZeros(capacity - 1)));
        this.buffer = new Object[size];
        this.mask = size - 1;
        soProducerLimit(size);
    }

    public int capacity() {
        return mask + 1;
    }

    /**
     * Appends {@code e} unless the queue is full.
     *
     * @return {@code false} if full (nothing was changed)
     */
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException("null element");
        }
        final int capacity = mask + 1;
        long limit = lvProducerLimit();
        long p;
        do {
            p = lvProducerIndex();
            if (p >= limit) {
                // Cached limit reached: re-read the consumer position (acquire) to refresh it.
                limit = lvConsumerIndex() + capacity;
                if (p >= limit) {
                    return false;
                }
                soProducerLimit(limit);
            }
        } while (!casProducerIndex(p, p + 1));
        // Release: pairs with the consumer's acquire load of this slot in poll().
        ELEMENTS.setRelease(buffer, (int) (p & mask), e);
        return true;
    }

    /**
     * Removes the head, or returns {@code null} if the queue is empty. Consumer thread only.
     * If a producer has claimed the head slot but not yet stored into it, this waits for the store.
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        final long c = lpConsumerIndex();
        final int offset = (int) (c & mask);
        Object e = ELEMENTS.getAcquire(buffer, offset);
        if (e == null) {
            if (c == lvProducerIndex()) {
                return null;
            }
            // Claimed, not yet published: the producer is between its CAS and its store.
            int spins = 0;
            do {
                spins = backOff(spins);
                e = ELEMENTS.getAcquire(buffer, offset);
            } while (e == null);
        }
        buffer[offset] = null; // plain: ordered before the release store of consumerIndex below
        soConsumerIndex(c + 1);
        return (E) e;
    }

    /** Number of claimed elements not yet consumed; a racy snapshot from any thread. */
    public int size() {
        // Read consumer first so that the difference can't go negative by more than in-flight polls.
        long c = lvConsumerIndex();
        long p = lvProducerIndex();
        long size = p - c;
        return (int) Math.max(0, Math.min(size, mask + 1));
    }

    public boolean isEmpty() {
        return lvConsumerIndex() == lvProducerIndex();
    }

    private static int backOff(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }
}

/** Cache-line padding before the producer fields (defeats false sharing with the object header). */
abstract class MpscPad0 {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

/** The producers' claim counter, written only by CAS. */
abstract class MpscProducerIndexField extends MpscPad0 {
    private static final VarHandle PRODUCER_INDEX;
    static {
        try {
            PRODUCER_INDEX = MethodHandles.lookup()
                    .findVarHandle(MpscProducerIndexField.class, "producerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long producerIndex;

    final long lvProducerIndex() {
        return producerIndex;
    }

    final boolean casProducerIndex(long expect, long update) {
        return PRODUCER_INDEX.compareAndSet(this, expect, update);
    }
}

abstract class MpscPad1 extends MpscProducerIndexField {
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p110, p111, p112, p113, p114, p115;
    byte p116, p117, p118, p119, p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p130, p131;
    byte p132, p133, p134, p135, p136, p137, p138, p139, p140, p141, p142, p143, p144, p145, p146, p147;
    byte p148, p149, p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p160, p161, p162, p163;
}

/** Producers' cached copy of {@code consumerIndex + capacity}; racy by design (only ever a lower bound). */
abstract class MpscProducerLimitField extends MpscPad1 {
    private static final VarHandle PRODUCER_LIMIT;
    static {
        try {
            PRODUCER_LIMIT = MethodHandles.lookup()
                    .findVarHandle(MpscProducerLimitField.class, "producerLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long producerLimit;

    final long lvProducerLimit() {
        return producerLimit;
    }

    /**
     * Safe to race: two producers may store different limits, but each was computed from a
     * consumerIndex that had really been reached, so any stored value is a valid lower bound.
     */
    final void soProducerLimit(long v) {
        PRODUCER_LIMIT.setRelease(this, v);
    }
}

abstract class MpscPad2 extends MpscProducerLimitField {
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p210, p211, p212, p213, p214, p215;
    byte p216, p217, p218, p219, p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p230, p231;
    byte p232, p233, p234, p235, p236, p237, p238, p239, p240, p241, p242, p243, p244, p245, p246, p247;
    byte p248, p249, p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p260, p261, p262, p263;
}

/** The consumer's position, written only by the consumer thread. */
abstract class MpscConsumerIndexField extends MpscPad2 {
    private static final VarHandle CONSUMER_INDEX;
    static {
        try {
            CONSUMER_INDEX = MethodHandles.lookup()
                    .findVarHandle(MpscConsumerIndexField.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long consumerIndex;

    final long lvConsumerIndex() {
        return consumerIndex;
    }

    final long lpConsumerIndex() {
        return (long) CONSUMER_INDEX.get(this);
    }

    final void soConsumerIndex(long v) {
        CONSUMER_INDEX.setRelease(this, v);
    }

    byte p300, p301, p302, p303, p304, p305, p306, p307, p308, p309, p310, p311, p312, p313, p314, p315;
    byte p316, p317, p318, p319, p320, p321, p322, p323, p324, p325, p326, p327, p328, p329, p330, p331;
    byte p332, p333, p334, p335, p336, p337, p338, p339, p340, p341, p342, p343, p344, p345, p346, p347;
    byte p348, p349, p350, p351, p352, p353, p354, p355, p356, p357, p358, p359, p360, p361, p362, p363;
}
