package fastlog.internal.record;

/**
 * The layout of one event record inside a batch, described here once. {@link RecordProtocol}
 * writes and reads records by it; the renderer reads slots through these helpers.
 *
 * <p>A batch is two parallel arrays of equal length, {@code long[] longs} and
 * {@code Object[] refs}; one index into both is a <em>slot</em>. A record with {@code n} fields
 * takes {@code 3 + 2n} consecutive slots starting at {@code at}:
 *
 * <pre>
 *  slot         long                                   reference
 *  at + 0       header  (stored last, with release)    LoggerCore (name, bound fields)
 *  at + 1       timestamp, epoch microseconds (UTC)    message (String or null)
 *  at + 2       message arguments (0: the message is   scoped context (ContextFrame or null)
 *               the text; else syntax and count)
 *  at + 3 + 2i  tag of field i (see the TAG_ values)   key of field i (String; null for ARG and the
 *                                                      trailers, but the TraceSource for TRACE)
 *  at + 4 + 2i  value bits (long, or raw double bits)  value of field i (captured, or null)
 *
 *  field order: message arguments (TAG_ARG) first, then the call's fields, then the trailers the
 *  pipeline captures on the logging thread, each present or not, in this order: TAG_TRACE (the
 *  active span's token), TAG_THREAD (the thread's name; its id in the long slot), TAG_CALLER (a
 *  CallerLocation), and last TAG_THREAD_FIELDS (the thread's per-thread fields, if it has any).
 *
 *  header bits:  63..49 zero | 48 PUBLISHED | 47 ABANDONED | 46 CLAIMED | 45..40 zero
 *                | 39..32 level ordinal | 31..0 field count
 * </pre>
 *
 * <p>The header slot goes through these values:
 * <ul>
 *   <li>{@code 0}: the batch's cleared slot; for a claimed record, only for the few instructions
 *       between the claiming CAS and the claimer's next store.</li>
 *   <li>{@link #claimed CLAIMED | field count}: claimed, not yet published. Stored by the claim
 *       itself ({@code Stripe.claim}), so the record's length is known from the moment it
 *       exists: a record that is never published costs the reader that record, not the ones
 *       after it.</li>
 *   <li>{@link #header PUBLISHED | level | field count}: published; every slot is written.</li>
 *   <li>{@link #abandoned PUBLISHED | ABANDONED | field count}: the logging call failed after
 *       claiming (a StackOverflowError in the caller's thread): the writer skips its slots and
 *       reports it lost.</li>
 * </ul>
 * Each slot costs 8 bytes in {@code longs} and one reference in {@code refs} (4 bytes with
 * compressed references): a three-field record, 9 slots, takes 108 bytes.
 */
public final class RecordLayout {

    public static final int HEADER_SLOTS = 3;
    public static final int SLOTS_PER_FIELD = 2;

    /** Field value held in the long slot as a two's-complement long. */
    public static final int TAG_LONG = 1;
    /** Field value held in the long slot as {@link Double#doubleToRawLongBits raw double bits}. */
    public static final int TAG_DOUBLE = 2;
    /** Field value held in the reference slot (see {@link Capture}). */
    public static final int TAG_OBJECT = 3;
    /** A message argument (no key), captured for the message syntax; see {@link #messageArgs}. */
    public static final int TAG_ARG = 4;
    /** The thread's per-thread fields ({@code ThreadFieldsFrame}, no key): always the last field. */
    public static final int TAG_THREAD_FIELDS = 5;
    /** Trailer: the active trace span's token (value) and the {@code TraceSource} that reads it (key). */
    public static final int TAG_TRACE = 6;
    /** Trailer: the logging thread's name (value) and id (long slot). */
    public static final int TAG_THREAD = 7;
    /** Trailer: where the call was made, a {@code CallerLocation} (value). */
    public static final int TAG_CALLER = 8;
    /** The most trailers one record can have (trace, thread, caller, per-thread fields). */
    public static final int MAX_TRAILERS = 4;

    /**
     * The PUBLISHED bit. Header slot values are non-negative, so a value below it is 0 or a claim
     * mark: a check that needs no call (see {@code RecordProtocol.abandon}).
     */
    public static final long PUBLISHED = 1L << 48;
    /** The ABANDONED bit: set, with PUBLISHED, in the header of a record that will never be written. */
    public static final long ABANDONED = 1L << 47;
    /** The field count's bits, in a header and in a claim mark. */
    public static final long FIELD_COUNT_MASK = 0xFFFF_FFFFL;
    private static final long CLAIMED = 1L << 46;

    private RecordLayout() {
    }

    public static int slotsFor(int fieldCount) {
        return HEADER_SLOTS + SLOTS_PER_FIELD * fieldCount;
    }

    public static long header(int levelOrdinal, int fieldCount) {
        return PUBLISHED | ((long) levelOrdinal << 32) | (fieldCount & FIELD_COUNT_MASK);
    }

    /**
     * What the header slot holds from the claim until the record is published: the record's
     * length, so a reader can step over it if it is never published.
     */
    public static long claimed(int fieldCount) {
        return CLAIMED | (fieldCount & FIELD_COUNT_MASK);
    }

    /** Whether a header slot's value is a published (or abandoned) header rather than 0 or a claim mark. */
    public static boolean isPublished(long header) {
        return (header & PUBLISHED) != 0;
    }

    /** The header that marks {@code fieldCount} fields' worth of claimed slots as never written. */
    public static long abandoned(int fieldCount) {
        return PUBLISHED | ABANDONED | (fieldCount & FIELD_COUNT_MASK);
    }

    public static boolean isAbandoned(long header) {
        return (header & ABANDONED) != 0;
    }

    public static int levelOrdinal(long header) {
        return (int) (header >>> 32) & 0xFF;
    }

    public static int fieldCount(long header) {
        return (int) header;
    }

    public static int timestampSlot(int at) {
        return at + 1;
    }

    public static int messageSlot(int at) {
        return at + 1;
    }

    public static int contextSlot(int at) {
        return at + 2;
    }

    /** The long slot that says how to make the message: 0, or {@link #messageArgs}. */
    public static int messageArgsSlot(int at) {
        return at + 2;
    }

    /** The message is {@code syntax} applied to the pattern in the message slot and the first {@code count} fields. */
    public static long messageArgs(int syntaxOrdinal, int count) {
        return ((long) (syntaxOrdinal + 1) << 32) | count;
    }

    /** The syntax ordinal of non-zero message arguments. */
    public static int messageSyntax(long messageArgs) {
        return (int) (messageArgs >>> 32) - 1;
    }

    /** How many leading fields are message arguments (0 for a plain message). */
    public static int messageArgCount(long messageArgs) {
        return (int) messageArgs;
    }

    /**
     * Whether a field with this tag is a trailer the pipeline added (trace, thread, caller,
     * per-thread fields) rather than one of the call's fields.
     */
    public static boolean isTrailer(int tag) {
        return tag >= TAG_THREAD_FIELDS;
    }

    public static int keySlot(int at, int field) {
        return at + HEADER_SLOTS + SLOTS_PER_FIELD * field;
    }

    public static int valueSlot(int at, int field) {
        return keySlot(at, field) + 1;
    }
}
