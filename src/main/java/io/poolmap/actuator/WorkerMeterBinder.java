package io.poolmap.actuator;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.poolmap.job.JobAdmission;
import io.poolmap.worker.WorkerStatistics;
import org.springframework.stereotype.Component;

/**
 * Per-worker meters ({@code poolmap.worker.busy} in seconds, {@code poolmap.worker.items},
 * {@code poolmap.worker.utilization}) and the queue's depth and capacity.
 *
 * <p>Tags are bounded: one time series per worker name, never per job. Busy seconds include the running chunk's time
 * so far, so {@code rate(poolmap_worker_busy_seconds_total[1m])} is utilisation even while a long chunk runs; items
 * are counted when a chunk ends. A scrape reads the workers once ({@link WorkerSnapshot}), not once per meter. Base
 * units are set where Prometheus's name stays the one rules and dashboards use ({@code items} on names that end in it);
 * elsewhere a unit would rename the series ({@code poolmap_worker_utilization_ratio}).
 */
@Component
class WorkerMeterBinder implements MeterBinder {

    private final WorkerStatistics statistics;
    private final JobAdmission admission;
    /** Held here: Micrometer keeps only a weak reference to a meter's state object. */
    private final WorkerSnapshot snapshot;

    WorkerMeterBinder(WorkerStatistics statistics, JobAdmission admission) {
        this.statistics = statistics;
        this.admission = admission;
        this.snapshot = new WorkerSnapshot(statistics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (int w = 0; w < statistics.size(); w++) {
            int index = w;
            Tags tags = Tags.of("worker", statistics.worker(w).name());
            FunctionCounter.builder("poolmap.worker.busy", snapshot, s -> s.worker(0, index).busySeconds())
                    .description("Time the worker spent computing, including the running chunk so far")
                    .baseUnit("seconds").tags(tags).register(registry);
            FunctionCounter.builder("poolmap.worker.items", snapshot, s -> s.worker(1, index).itemsCompleted())
                    .description("Items the worker computed").baseUnit("items").tags(tags).register(registry);
            Gauge.builder("poolmap.worker.utilization", snapshot, s -> s.worker(2, index).utilization1m())
                    .description("Fraction 0..1 of the last minute the worker spent busy").tags(tags).register(registry);
        }
        Gauge.builder("poolmap.queue.items", admission, JobAdmission::queuedItems)
                .description("Items admitted and not yet computed, queued or running").baseUnit("items").register(registry);
        Gauge.builder("poolmap.queue.capacity", admission, JobAdmission::capacity)
                .description("Most items that may be admitted at once (poolmap.queue-capacity)").register(registry);
    }
}
