package io.poolmap.worker;

/**
 * A job as the worker pool sees it: a number of chunks to claim and run, at most {@link #parallelism()}
 * at once. The pool knows nothing of operations or results, so the same seam can later dispatch
 * chunks to other cluster members.
 */
public interface ChunkedWork {

    /** The job's id, shown as a worker's current job. */
    String id();

    /** Whether the items wait rather than compute: such work runs on virtual threads, not on workers. */
    boolean io();

    /** How many chunks of this work may run at the same time (at least 1). */
    int parallelism();

    /** Claims the next chunk to run, or returns {@code -1} when none is left or the work has stopped. */
    int claimChunk();

    /** Whether a call to {@link #claimChunk()} may still return a chunk. */
    boolean hasUnclaimedChunks();

    /**
     * Runs a claimed chunk on the calling thread and returns how many items it computed; never throws,
     * because a failing item fails the work, not the worker.
     */
    int runChunk(int chunk, String workerName);

    /** Registers an action to run once when the work stops early (cancelled, timed out, failed); not on success. */
    void whenStopped(Runnable action);
}
