package io.poolmap.job;

import java.util.Optional;

import io.poolmap.store.StoredJob;

/**
 * Where the jobs that do not run inline are computed, and where jobs this member does not hold come from: on this
 * member's workers alone ({@link LocalPlacement}, a single node), or on the workers of every member of a cluster
 * ({@link ClusterPlacement}). The rest of the engine is the same either way.
 */
interface JobPlacement {

    /** Starts a job admitted here that did not run inline; {@code run} computes it on this member's workers. */
    void start(Job job, JobRun run);

    /** Whether {@link #start} hands jobs to other members, which then find them through the store. */
    boolean sharesJobs();

    /**
     * Takes care of a record found in the store at start-up, and says whether it did; when it did not, the engine
     * restores it here (a finished job to read, an unfinished one to resume).
     */
    boolean restores(StoredJob record);

    /** A job this member does not hold in memory, when the cluster knows it. */
    Optional<Job> find(String id);
}
