package io.poolmap.actuator;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.poolmap.job.JobService;
import io.poolmap.worker.WorkerPool;
import org.springframework.stereotype.Component;

/**
 * Per-worker meters ({@code poolmap.worker.busy} in seconds, {@code poolmap.worker.items},
 * {@code poolmap.worker.utilization}), the queue depth, and Micrometer's executor meters for the pool.
 *
 * <p>Tags are bounded: one time series per worker name, never per job. Busy seconds include the running
 * chunk's time so far, so {@code rate(poolmap_worker_busy_seconds_total[1m])} is utilisation even while a
 * long chunk runs; items are counted when a chunk ends.
 */
@Component
class WorkerMeterBinder implements MeterBinder {

    private final WorkerPool pool;
    private final JobService jobs;

    WorkerMeterBinder(WorkerPool pool, JobService jobs) {
        this.pool = pool;
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (int w = 0; w < pool.size(); w++) {
            int index = w;
            Tags tags = Tags.of("worker", pool.worker(w).name());
            FunctionCounter.builder("poolmap.worker.busy", pool, p -> p.worker(index).busySeconds())
                    .description("Time the worker spent running chunks, including the running chunk so far")
                    .baseUnit("seconds").tags(tags).register(registry);
            FunctionCounter.builder("poolmap.worker.items", pool, p -> p.worker(index).itemsCompleted())
                    .description("Items the worker computed").tags(tags).register(registry);
            Gauge.builder("poolmap.worker.utilization", pool, p -> p.worker(index).utilization1m())
                    .description("Fraction 0..1 of the last minute the worker spent busy").tags(tags).register(registry);
        }
        FunctionCounter.builder("poolmap.inline.items", pool, WorkerPool::inlineItems)
                .description("Items of jobs below poolmap.inline-limit, computed on the request's thread rather than on a worker")
                .register(registry);
        Gauge.builder("poolmap.queue.items", jobs, JobService::queuedItems)
                .description("Items admitted and not yet computed, queued or running").register(registry);
        Gauge.builder("poolmap.queue.capacity", jobs, JobService::queueCapacity)
                .description("Most items that may be admitted at once (poolmap.queue-capacity)").register(registry);
        new ExecutorServiceMetrics(pool.executor(), "poolmap.workers", Tags.empty()).bindTo(registry);
    }
}
