package io.poolmap.worker;

import java.time.Duration;

/**
 * Where chunks are computed, seen from the job engine: a fixed number of named CPU workers and lanes for I/O work.
 * Kept this small (size, dispatch, run on an idle worker, shut down) so that the engine never depends on how the
 * threads are made, and so that a cluster member can feed the same pool with chunks of jobs it did not admit.
 */
public interface WorkerPool {

    /** The number of CPU workers, {@code worker-1} … {@code worker-N}; never more CPU items than this compute at once. */
    int size();

    /** Starts running {@code work}'s chunks: on the CPU workers, in turn with other work, or on I/O lanes. */
    void dispatch(ChunkedWork work);

    /**
     * Runs every chunk of {@code work} on the calling thread as one of the workers, if a worker is idle now, and says
     * whether it did; when none is idle it runs nothing and returns {@code false}, and the caller dispatches the work.
     * The chunks then count as that worker's: its name, busy time and items. For CPU work too small to gain from a
     * hand-off to another thread.
     */
    boolean runOnIdleWorker(ChunkedWork work);

    /**
     * Stops the threads: CPU workers finish their current chunk, I/O lanes are interrupted; waits up to {@code timeout}
     * for all of them and says whether they all ended.
     */
    boolean shutdown(Duration timeout) throws InterruptedException;
}
