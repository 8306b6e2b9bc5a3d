package fastlog.internal.pipeline;

import fastlog.internal.record.RecordLayout;

/**
 * How much staging a pipeline has: the number of stripes, their batches and the slots in each,
 * worked out from the configured capacity (counted in three-field events) and the CPU count.
 *
 * @param stripeCount stripes, a power of two: twice the CPUs, between 2 and 64
 * @param ringSize batches per stripe
 * @param batchSlots record slots per batch
 * @param capacityEvents three-field events that fit in all batches at once
 * @param maxFields the most fields one event can have: it must fit in one batch, with room to
 *        spare for the trailers the pipeline adds (trace, thread, caller, per-thread fields)
 */
record StagingSize(int stripeCount, int ringSize, int batchSlots, int capacityEvents, int maxFields) {

    static final int RING_SIZE = 4;
    /** Slots a three-field event takes: what the configured capacity is counted in. */
    private static final int SLOTS_PER_CAPACITY_EVENT = RecordLayout.slotsFor(3);
    private static final int MIN_BATCH_SLOTS = 64;
    private static final int MAX_BATCH_SLOTS = 1 << 24;

    static StagingSize of(int queueCapacity, int cpus) {
        int stripes = stripeCount(cpus);
        long totalSlots = (long) queueCapacity * SLOTS_PER_CAPACITY_EVENT;
        int batchSlots = (int) Math.max(MIN_BATCH_SLOTS,
                Math.min(MAX_BATCH_SLOTS, ceilDiv(totalSlots, (long) stripes * RING_SIZE)));
        int capacityEvents = (int) Math.min(Integer.MAX_VALUE,
                (long) batchSlots * stripes * RING_SIZE / SLOTS_PER_CAPACITY_EVENT);
        int maxFields = (batchSlots - RecordLayout.HEADER_SLOTS) / RecordLayout.SLOTS_PER_FIELD - RecordLayout.MAX_TRAILERS;
        return new StagingSize(stripes, RING_SIZE, batchSlots, capacityEvents, maxFields);
    }

    static int stripeCount(int cpus) {
        int wanted = Math.min(64, Math.max(2, 2 * cpus));
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
