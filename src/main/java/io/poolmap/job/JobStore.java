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

    /** Forgets finished jobs that ended before {@code endedBefore}, then the oldest finished ones beyond {@code keepAtMost}. */
    void evict(Instant endedBefore, int keepAtMost);
}
