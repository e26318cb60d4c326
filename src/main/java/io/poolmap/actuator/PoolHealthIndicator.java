package io.poolmap.actuator;

import io.poolmap.job.JobAdmission;
import io.poolmap.worker.WorkerStatistics;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The pool in {@code /actuator/health}: UP while it admits jobs, however busy (a busy pool is working, not
 * broken), OUT_OF_SERVICE while shutting down; details say how saturated it is.
 */
@Component("pool")
class PoolHealthIndicator implements HealthIndicator {

    private final WorkerStatistics workers;
    private final JobAdmission admission;

    PoolHealthIndicator(WorkerStatistics workers, JobAdmission admission) {
        this.workers = workers;
        this.admission = admission;
    }

    @Override
    public Health health() {
        Health.Builder health = admission.isAccepting() ? Health.up() : Health.outOfService();
        long queued = admission.queuedItems();
        return health.withDetail("workers", workers.size())
                .withDetail("busyWorkers", workers.busyWorkers())
                .withDetail("queuedItems", queued)
                .withDetail("queueCapacity", admission.capacity())
                .withDetail("saturation", (double) queued / admission.capacity())
                .build();
    }
}
