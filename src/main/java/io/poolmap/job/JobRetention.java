package io.poolmap.job;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.poolmap.MemoryProperties;
import io.poolmap.PoolmapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Forgets finished jobs: at once when one finishes and the kept jobs pass {@code poolmap.max-retained-jobs} or
 * {@code poolmap.max-retained-items} (by default what a share of the heap holds; the oldest finished go first), and
 * by a periodic sweep when they are older than {@code poolmap.retention}. Running jobs are never forgotten.
 */
@Component
class JobRetention {

    private static final Logger log = LoggerFactory.getLogger(JobRetention.class);

    private final JobStore store;
    private final PoolmapProperties properties;
    private final long maxRetainedItems;
    private final Clock clock;

    JobRetention(JobStore store, PoolmapProperties properties, MemoryProperties memory, Clock clock,
            @Qualifier(JobConfiguration.SCHEDULER) ScheduledExecutorService scheduler) {
        this.store = store;
        this.properties = properties;
        this.maxRetainedItems = properties.effectiveMaxRetainedItems(memory);
        this.clock = clock;
        long sweepMs = Math.clamp(properties.retention().toMillis() / 4, 1_000, 60_000);
        scheduler.scheduleWithFixedDelay(this::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    /** Keeps a job that has just finished, and forgets the oldest finished while the limits are passed. */
    void finished(Job job) {
        store.finished(job);
        enforceLimits();
    }

    private void enforceLimits() {
        while ((store.finishedJobs() > properties.maxRetainedJobs() || store.finishedItems() > maxRetainedItems)
                && store.evictOldestFinished()) {
            // one job forgotten per turn, the oldest first
        }
    }

    /** Forgets the jobs that finished longer than {@code poolmap.retention} ago. */
    void sweep() {
        try {
            store.evictFinishedBefore(clock.instant().minus(properties.retention()));
            enforceLimits();
        } catch (RuntimeException e) {
            log.warn("could not evict expired jobs", e);
        }
    }
}
