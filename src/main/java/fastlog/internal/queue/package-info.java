/**
 * The bounded lock-free hand-off from producers to the writer thread: a producer that seals a
 * full batch offers it here, and the writer reads the stripes the queued batches name. The queue
 * is the fast path, not the only path: if an offer fails (full) or never happens (the sealer
 * died), the writer's periodic sweep finds the batch.
 *
 * <p>Accessor names follow JCTools: {@code lv} load volatile (acquire), {@code lp} plain load,
 * {@code so} store ordered (release), {@code sp} plain store, {@code cas} compare-and-set. Each
 * class opens with its concurrency contract.
 */
package fastlog.internal.queue;
