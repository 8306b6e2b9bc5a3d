package fastlog.internal.record;

/**
 * What the consumer does with the records of one batch, as {@link RecordProtocol#read} finds
 * them in slot order. The writer's implementation renders them; the jcstress tests check them.
 */
public interface RecordVisitor {

    /** A published record starts at slot {@code at}; its header was read with acquire. */
    void published(long[] longs, Object[] refs, int at, long header);

    /**
     * {@code events} records were claimed but will never be published: their logging calls
     * failed (see {@link RecordProtocol#abandon}), or the reader gave up waiting for one.
     */
    void lost(int events);

    /** The batch just read has been recycled; producers may be writing into it again. */
    default void batchDone() {
    }
}
