package io.poolmap.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs live while they run and after they end, behind this seam so that a cluster can keep them in a
 * replicated cache instead of one process's memory. Finished jobs are kept in the order they finished, so that the
 * oldest can be forgotten first, one at a time, in constant time.
 */
interface JobStore {

    void save(Job job);

    Optional<Job> find(String id);

    /** Jobs with {@code status} (any when {@code null}), newest first, skipping {@code offset}. */
    List<Job> list(JobStatus status, int offset, int limit);

    long count(JobStatus status);

    /** Jobs that have not ended. */
    List<Job> unfinished();

    /** Records that a saved job has ended, so that it counts against the retention limits. */
    void finished(Job job);

    /** The number of finished jobs kept. */
    int finishedJobs();

    /** Items of the finished jobs kept, the measure of the memory that retention holds. */
    long finishedItems();

    /** Forgets the finished job that finished first and returns it, if there was one. */
    Optional<Job> evictOldestFinished();

    /** Forgets the finished jobs that ended before {@code endedBefore} and returns them; never an unfinished job. */
    List<Job> evictFinishedBefore(Instant endedBefore);

    /** Forgets the job with this id, finished or not (another member forgot it first), and returns it if it was here. */
    Optional<Job> forget(String id);
}
