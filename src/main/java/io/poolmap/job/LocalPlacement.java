package io.poolmap.job;

import java.util.Optional;

import io.poolmap.store.StoredJob;
import io.poolmap.worker.WorkerPool;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A single node's placement: every job runs on this member's workers, with its timeout armed here; every job this
 * member knows is in its memory, and the store's jobs are restored here at start-up.
 */
@Component
@ConditionalOnBooleanProperty(name = "poolmap.cluster.enabled", havingValue = false, matchIfMissing = true)
class LocalPlacement implements JobPlacement {

    private final WorkerPool pool;
    private final JobTimeouts timeouts;

    LocalPlacement(WorkerPool pool, JobTimeouts timeouts) {
        this.pool = pool;
        this.timeouts = timeouts;
    }

    @Override
    public void start(Job job, JobRun run) {
        timeouts.arm(job);
        pool.dispatch(run);
    }

    @Override
    public boolean sharesJobs() {
        return false;
    }

    @Override
    public boolean restores(StoredJob record) {
        return false;
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.empty();
    }
}
