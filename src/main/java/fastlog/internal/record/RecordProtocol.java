package fastlog.internal.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import fastlog.internal.context.ContextFrame;

/**
 * How one record gets into a batch and out again: the producer's writes, the consumer's reads
 * and the abandon path. Every producer and consumer of records (the pipeline, the jcstress
 * tests, the benchmarks) goes through these methods; the slot layout they follow is
 * {@link RecordLayout}.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Who calls what.</b> A producer claims {@code slotsFor(n)} slots at {@code at} with
 *       the claim mark {@link RecordLayout#claimed claimed(n)} ({@code Stripe.claim} stores it
 *       in the header slot), calls {@link #putField} for each field, then {@link #publish}, or
 *       {@link #abandon} if it failed in between. A producer that fills its record in two steps
 *       (the event builder's) writes the fixed slots first ({@link #putFixed}) and ends with
 *       {@link #publishClaimed}, which takes the field count from the claim mark. Only the
 *       consumer calls {@link #read}, on a sealed batch, with the number of slots and events the
 *       seal recorded.</li>
 *   <li><b>Publication.</b> Every slot is written with plain stores; the header goes last, with a
 *       release store ({@link #publish}). {@link #read} loads the header with acquire, so a
 *       published header makes every slot of its record visible. Nothing else orders them.</li>
 *   <li><b>Claimed, not yet published.</b> A header slot holding the claim mark (or, for a few
 *       instructions after the claim, 0) means the record is claimed but not published; the
 *       reader waits for it. A producer runs no user code between claim and publish (values are
 *       captured before the claim), so the window is a few plain stores. The one thing that can
 *       cut it short is a StackOverflowError: the producer then stores an abandoned header in a
 *       catch block, and the reader skips the record and reports it lost. If the producer could
 *       not even do that (it overflowed before reaching its try block), the reader gives up after
 *       {@code maxParks} parks of 1 ms (parks, not a clock, so a JVM-wide pause does not count),
 *       reports that record lost and steps over it by the length in its claim mark. Only if it
 *       still sees 0, which would take the claimer's next store to stay invisible all that time,
 *       does it report the rest of the batch lost: records after one of unknown length cannot
 *       be located.</li>
 *   <li><b>Giving up is final.</b> The batch is recycled after the read, so a producer that
 *       publishes after the reader gave up on it (descheduled for longer than {@code maxParks}
 *       ms between two stores) writes into a batch that is being reused. The patience is sized
 *       so that only a dead claim reaches it.</li>
 * </ul>
 */
public final class RecordProtocol {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** {@link #read}'s patience with a claimed, unpublished record in the writer: about 2 s. */
    public static final int WRITER_MAX_PARKS = 2_000;

    private RecordProtocol() {
    }

    // ---------------------------------------------------------------- producer

    /** Plain stores of field {@code field} of the record at {@code at}. */
    public static void putField(long[] longs, Object[] refs, int at, int field,
                                String key, int tag, long bits, Object ref) {
        int k = RecordLayout.keySlot(at, field);
        longs[k] = tag;
        refs[k] = key;
        longs[k + 1] = bits;
        refs[k + 1] = ref;
    }

    /**
     * Plain stores of trailer {@code field} ({@link RecordLayout#isTrailer}): its tag, what reads
     * it ({@code reader}, in the key's reference slot; null for most), its long and its value.
     */
    public static void putTrailer(long[] longs, Object[] refs, int at, int field,
                                  int tag, Object reader, long bits, Object value) {
        int k = RecordLayout.keySlot(at, field);
        longs[k] = tag;
        refs[k] = reader;
        longs[k + 1] = bits;
        refs[k + 1] = value;
    }

    /**
     * Plain stores of the record's fixed slots, then the header with release: after this the
     * consumer may read the record.
     */
    public static void publish(long[] longs, Object[] refs, int at, LoggerCore core, int level,
                               long epochMicros, String msg, ContextFrame context, int fields) {
        publish(longs, refs, at, core, level, epochMicros, msg, 0L, context, fields);
    }

    /**
     * {@link #publish(long[], Object[], int, LoggerCore, int, long, String, ContextFrame, int)}
     * for a message made from a pattern and arguments ({@link RecordLayout#messageArgs}).
     */
    public static void publish(long[] longs, Object[] refs, int at, LoggerCore core, int level,
                               long epochMicros, String msg, long messageArgs, ContextFrame context, int fields) {
        refs[at] = core;
        longs[RecordLayout.timestampSlot(at)] = epochMicros;
        refs[RecordLayout.messageSlot(at)] = msg;
        longs[RecordLayout.messageArgsSlot(at)] = messageArgs;
        refs[RecordLayout.contextSlot(at)] = context;
        LONGS.setRelease(longs, at, RecordLayout.header(level, fields));
    }

    /**
     * Plain stores of the fixed slots known before the message: the logger, the time and the
     * scoped context (no message arguments). For a record published by {@link #publishClaimed}.
     */
    public static void putFixed(long[] longs, Object[] refs, int at, LoggerCore core, long epochMicros,
                                ContextFrame context) {
        refs[at] = core;
        longs[RecordLayout.timestampSlot(at)] = epochMicros;
        longs[RecordLayout.messageArgsSlot(at)] = 0L;
        refs[RecordLayout.contextSlot(at)] = context;
    }

    /**
     * Plain store of the message, then the header with release, for a record whose other slots
     * were written with {@link #putFixed}, {@link #putField} and {@link #putTrailer}. Its field
     * count is the one its claim mark holds ({@link RecordLayout#claimed}).
     */
    public static void publishClaimed(long[] longs, Object[] refs, int at, int level, String msg) {
        refs[RecordLayout.messageSlot(at)] = msg;
        LONGS.setRelease(longs, at, RecordLayout.header(level, RecordLayout.fieldCount(longs[at])));
    }

    /**
     * The logging call failed between claiming the record's slots and publishing them: mark them
     * abandoned so the consumer skips them and reports the event lost instead of waiting. A plain
     * load and store: the consumer needs only the header's value (it reads none of the record's
     * other slots). A header this thread already published is left alone.
     *
     * <p>The producers' catch blocks ({@code EventAppender}, {@code WideEvents}) write these two
     * operations out instead of calling this method, with {@link RecordLayout#PUBLISHED} and a
     * header made before the claim: after a StackOverflowError, the call itself overflows again
     * (measured: {@code StackEdgeLogging} left several claims a run unabandoned, each stalling the
     * writer for its patience). Should one still be left, its claim mark bounds the damage.
     */
    public static void abandon(long[] longs, int at, int fields) {
        if (!RecordLayout.isPublished(longs[at])) {
            longs[at] = RecordLayout.abandoned(fields);
        }
    }

    // ---------------------------------------------------------------- consumer

    /**
     * Visits the records of a sealed batch in slot order, waiting for claimed records that are
     * not yet published.
     *
     * @param usedSlots the slots the seal recorded
     * @param events the records the seal recorded (claimed, published or not)
     * @param maxParks how many 1 ms parks to wait for one unpublished record before giving up
     * @return the slot where reading stopped: {@code usedSlots} unless it gave up
     */
    public static int read(long[] longs, Object[] refs, int usedSlots, int events, int maxParks,
                           RecordVisitor visitor) {
        int seen = 0;
        int at = 0;
        while (at < usedSlots) {
            long header = awaitHeader(longs, at, maxParks);
            if (header == 0) {
                visitor.lost(events - seen);
                return at;
            }
            if (RecordLayout.isAbandoned(header) || !RecordLayout.isPublished(header)) {
                visitor.lost(1);
            } else {
                visitor.published(longs, refs, at, header);
            }
            seen++;
            at += RecordLayout.slotsFor(RecordLayout.fieldCount(header));
        }
        return at;
    }

    /**
     * The header at {@code at} (acquire), waiting while it is not published; after
     * {@code maxParks} parks, what the slot holds then (a claim mark, or 0).
     */
    private static long awaitHeader(long[] longs, int at, int maxParks) {
        long header;
        for (int spins = 0; !RecordLayout.isPublished(header = (long) LONGS.getAcquire(longs, at)); spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else if (spins < 1_100) {
                Thread.yield();
            } else if (spins < 1_100 + maxParks) {
                LockSupport.parkNanos(1_000_000L);
            } else {
                return header;
            }
        }
        return header;
    }
}
