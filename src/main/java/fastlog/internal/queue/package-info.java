/**
 * The bounded lock-free hand-off between producers and the writer thread.
 *
 * <p>Accessor names follow JCTools: {@code lv} load volatile (acquire), {@code lp} plain load,
 * {@code so} store ordered (release), {@code sp} plain store, {@code cas} compare-and-set. Each
 * class opens with its concurrency contract.
 */
package fastlog.internal.queue;
