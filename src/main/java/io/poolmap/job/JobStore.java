package io.poolmap.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs live while they run and after they end; behind this seam so that a cluster can later keep
 * them in a replicated cache instead of one process's memory.
 */
interface JobStore {

    void save(Job job);

    Optional<Job> find(String id);

    /** Jobs with {@code status} (any when {@code null}), newest first, skipping {@code offset}. */
    List<Job> list(JobStatus status, int offset, int limit);

    long count(JobStatus status);

    /** Jobs that have not ended. */
    List<Job> unfinished();

    /** Records that a saved job has ended, so that its items count against the retention budget. */
    void finished(Job job);

    /** Items of the finished jobs kept, the measure of the memory that retention holds. */
    long finishedItems();

    /**
     * Forgets finished jobs that ended before {@code endedBefore}, and the oldest finished ones while more than
     * {@code keepAtMost} jobs or {@code keepItemsAtMost} items are kept; never an unfinished job.
     */
    void evict(Instant endedBefore, int keepAtMost, long keepItemsAtMost);
}
