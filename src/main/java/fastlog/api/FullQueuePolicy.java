package fastlog.api;

/** What a logging call does when the writer has fallen behind and the queue is full. */
public enum FullQueuePolicy {
    /**
     * The default: the calling thread waits until the writer frees room, so nothing is lost. A
     * virtual thread parks (its carrier is released); a platform thread parks.
     */
    BLOCK,
    /**
     * The event is dropped and counted; the call returns at once. The writer reports drops as a
     * line in the stream ({@code "msg":"fastlog dropped events"}) and in {@link Fastlog#stats()}.
     */
    DROP
}
