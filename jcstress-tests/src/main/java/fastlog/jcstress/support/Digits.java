package fastlog.jcstress.support;

import fastlog.internal.queue.MpscArrayQueue;

/** Small helpers that turn what a test saw into compact, readable jcstress outcomes. */
public final class Digits {

    private Digits() {
    }

    /** Appends one decimal digit (1..9) to a sequence such as {@code 12}: {@code 12 -> 123}. */
    public static int append(int sequence, int digit) {
        return sequence * 10 + digit;
    }

    /** Polls {@code q} until it is empty; the elements as a digit sequence, in polled order. */
    public static int drain(MpscArrayQueue<Integer> q) {
        int seq = 0;
        for (Integer e; (e = q.poll()) != null; ) {
            seq = append(seq, e);
        }
        return seq;
    }

    /**
     * Moves both queue indices to {@code capacity - 1} (offer then poll, {@code capacity - 1}
     * times), so the next elements go into the last slot and then wrap to slot 0.
     */
    public static <E> void advanceToWrap(MpscArrayQueue<E> q, E filler) {
        for (int i = 0; i < q.capacity() - 1; i++) {
            if (!q.offer(filler) || q.poll() != filler) {
                throw new IllegalStateException("pre-advance failed at " + i);
            }
        }
    }
}
