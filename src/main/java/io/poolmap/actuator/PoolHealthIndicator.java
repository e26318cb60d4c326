package io.poolmap.actuator;

import io.poolmap.job.JobService;
import io.poolmap.worker.WorkerPool;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The pool in {@code /actuator/health}: UP while it admits jobs, however busy (a busy pool is working, not
 * broken), OUT_OF_SERVICE while shutting down; details say how saturated it is.
 */
@Component("pool")
class PoolHealthIndicator implements HealthIndicator {

    private final WorkerPool pool;
    private final JobService jobs;

    PoolHealthIndicator(WorkerPool pool, JobService jobs) {
        this.pool = pool;
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        Health.Builder health = jobs.isAccepting() ? Health.up() : Health.outOfService();
        long queued = jobs.queuedItems();
        return health.withDetail("workers", pool.size())
                .withDetail("busyWorkers", pool.busyWorkers())
                .withDetail("queuedItems", queued)
                .withDetail("queueCapacity", jobs.queueCapacity())
                .withDetail("saturation", (double) queued / jobs.queueCapacity())
                .build();
    }
}
