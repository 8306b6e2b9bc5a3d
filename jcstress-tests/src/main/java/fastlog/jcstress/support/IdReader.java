package fastlog.jcstress.support;

import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordVisitor;

/**
 * The tests' consumer: collects the ids of the records {@code StripeReader} hands it, in order,
 * as decimal digits ({@code 1, 2 -> 12}), after checking that every slot of each record belongs
 * to its producer ({@link TestPipeline} says what a record holds).
 */
public final class IdReader implements RecordVisitor {

    /** A record mixes slots of different producers, or holds stale slots. */
    public static final int TORN = -1;
    /** A claimed record was never published (the reader gave up on it) or was abandoned. */
    public static final int LOST = -3;

    private int digits;
    private int error;

    void reset() {
        digits = 0;
        error = 0;
    }

    /** The ids read, as digits (0 if none), or the first error seen. */
    int result() {
        return error != 0 ? error : digits;
    }

    @Override
    public void published(long[] longs, Object[] refs, int at, long header) {
        int id = check(longs, refs, at, header);
        if (id < 0) {
            error = error != 0 ? error : id;
        } else {
            digits = Digits.append(digits, id);
        }
    }

    @Override
    public void lost(int events) {
        error = error != 0 ? error : LOST;
    }

    /** The record's id if every slot of the record at {@code at} belongs to it, else {@link #TORN}. */
    static int check(long[] longs, Object[] refs, int at, long header) {
        int fields = RecordLayout.fieldCount(header);
        int id = -1;
        for (int i = 1; i < 10; i++) {
            if (refs[at] == TestPipeline.CORE[i]) {
                id = i;
            }
        }
        if (id < 0 || fields > 3) {
            return TORN;
        }
        boolean ok = refs[RecordLayout.messageSlot(at)] == TestPipeline.MSG[id]
                && refs[RecordLayout.contextSlot(at)] == null
                && longs[RecordLayout.timestampSlot(at)] > 0;
        for (int f = 0; ok && f < fields; f++) {
            int k = RecordLayout.keySlot(at, f);
            ok = longs[k] == RecordLayout.TAG_LONG && refs[k] == TestPipeline.KEY[id]
                    && longs[k + 1] == id * 100L + f && refs[k + 1] == null;
        }
        return ok ? id : TORN;
    }
}
