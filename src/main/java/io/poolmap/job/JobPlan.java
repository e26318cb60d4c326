package io.poolmap.job;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;

/**
 * How an admitted job will run, decided once before it exists: the operation and its inputs, how many workers,
 * how its chunks start and may grow, its time limit, and where it runs.
 *
 * @param operation what to compute
 * @param size the number of items
 * @param numbers the inputs, or {@code null} for a job that ended before and whose inputs are in the store
 * @param parallelism the effective parallelism, after clamping
 * @param firstChunkSize the first chunk's size, before any cost is measured
 * @param maxChunkSize the largest chunk, whatever the measured cost (the client's chunkSize, or Pool.map's rule)
 * @param timeoutMs the time limit
 * @param execution where the chunks run
 * @param heapBytes about what the job holds on the heap while it runs, its inputs and results ({@link MemoryEstimate})
 */
record JobPlan(Operation operation, int size, Numbers numbers, int parallelism, int firstChunkSize, int maxChunkSize,
        long timeoutMs, Execution execution, long heapBytes) {

    /** Where a job's chunks run. */
    enum Execution {
        /**
         * A CPU job too small to gain from a hand-off: computed on the submitting thread as an idle worker, item by
         * item against its deadline, or on the workers like any other when none is idle.
         */
        TINY,
        /** On the CPU workers, in turn with other jobs' chunks. */
        WORKERS,
        /** On virtual threads, in I/O lanes that hold no CPU worker. */
        IO_LANES
    }

    /** The same plan without its inputs, which the store holds once the job has ended. */
    JobPlan withoutNumbers() {
        return new JobPlan(operation, size, null, parallelism, firstChunkSize, maxChunkSize, timeoutMs, execution, heapBytes);
    }

    /** How the job's items are cut into segments, the units that are stored and resumed whole. */
    Segments segments() {
        return Segments.of(size);
    }
}
