/**
 * Striped staging: a fixed set of stripes, sized by CPU count, where producers claim room for
 * records without locks. Each stripe owns a small ring of batches; a producer whose record does
 * not fit seals the open batch and hands it to the writer through the MPSC queue
 * ({@link fastlog.internal.queue.MpscArrayQueue}), and the writer reads the stripes those
 * hand-offs name ({@link fastlog.internal.stripe.StripeReader}), sweeping every stripe once per
 * linger period for partly filled batches and for hand-offs that went missing. Memory is fixed at
 * start-up and independent of the number of threads.
 *
 * <p>The design points worth keeping: the batch's whole state is one word that carries the
 * sequence it is ready for, so a stale thread's CAS fails instead of reopening a recycled batch;
 * every step of the protocol can be finished by any thread, so a thread that dies between two
 * steps (a StackOverflowError) cannot wedge a stripe; and a record claimed and never published is
 * abandoned or, at worst, given up on after a bounded wait, then reported lost, while the records
 * after it are read: the claim stores the record's length in its header slot
 * ({@link fastlog.internal.stripe.Stripe#claim}).
 */
package fastlog.internal.stripe;
