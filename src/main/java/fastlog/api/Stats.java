package fastlog.api;

/**
 * A snapshot of the logging system's counters, from {@link Fastlog#stats()}.
 *
 * @param eventsWritten events whose lines were written to the output successfully
 * @param eventsDropped events dropped because the queue was full (DROP policy, or a logging call
 *                      made while fastlog itself was rendering, e.g. from a {@code toString()})
 * @param queueDepth events staged and not yet rendered (approximate: read without stopping anyone)
 * @param queueCapacity events of up to three fields the staging area holds
 * @param writeErrors failed writes to the output
 * @param eventsLost events rendered but lost in failed writes, plus events whose logging call
 *        failed (StackOverflowError in the calling thread) after it had claimed room
 * @param eventsSampledOut events the sampling policy ({@link Configuration#sampling}) suppressed;
 *        always 0 without one
 */
public record Stats(long eventsWritten, long eventsDropped, long queueDepth, long queueCapacity,
                    long writeErrors, long eventsLost, long eventsSampledOut) {
}
