/**
 * Striped staging: a fixed set of stripes, sized by CPU count, where producers claim room for
 * records without locks. Each stripe owns a small ring of batches; a full batch is sealed and
 * handed to the writer through the MPSC queue. Memory is fixed at start-up and independent of the
 * number of threads.
 */
package fastlog.internal.stripe;
