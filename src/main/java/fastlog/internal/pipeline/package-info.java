/**
 * The running logging system, one class per job: {@link fastlog.internal.pipeline.EventAppender}
 * turns a call into a record (the producer side), {@link fastlog.internal.pipeline.FullQueueHandler}
 * waits or drops when a stripe is full, {@link fastlog.internal.pipeline.WriterThread} runs the
 * writer loop and its wake-up handshake, {@link fastlog.internal.pipeline.ConsumerRole} is the
 * right to render, {@link fastlog.internal.pipeline.LineWriter} renders records and writes lines,
 * {@link fastlog.internal.pipeline.StagingSize} sizes the stripes, and
 * {@link fastlog.internal.pipeline.Pipeline} builds, starts, flushes and stops them.
 *
 * <p>What we keep and why: every lock-free class opens with its concurrency contract (who calls
 * what, which release store pairs with which acquire load, what happens when full), and each
 * protocol has one owner that the jcstress tests call directly, so a change in the real code is
 * a change in what they test.
 */
package fastlog.internal.pipeline;
