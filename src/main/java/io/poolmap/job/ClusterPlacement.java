package io.poolmap.job;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.poolmap.cluster.MemberDepartures;
import io.poolmap.expression.ExpressionCompiler;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.store.JobRecordEvents;
import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;
import io.poolmap.worker.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A cluster member's placement: every job that does not run inline is shared ({@link SharedJobs}), so that the workers
 * of every member compute its segments; every record in the {@code jobs} cache, written by any member, becomes a job
 * here, so that any member answers for any job. When members leave the view, the survivors orphan their claims (and
 * look every few seconds for claims of members no longer in the view), and every member looks for segments to claim
 * again. Store and listener work happens on one thread of its own, {@code poolmap-cluster}, never on Infinispan's.
 */
@Component
@ConditionalOnBooleanProperty("poolmap.cluster.enabled")
class ClusterPlacement implements JobPlacement, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterPlacement.class);

    /** How often a member looks for claims held by members no longer in the view. */
    static final long SWEEP_SECONDS = 5;

    private final Store store;
    private final SegmentClaims claims;
    private final SharedSegments segments;
    private final SharedJobs shared;
    private final ExecutorService events = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("poolmap-cluster").daemon().factory());
    private final JobRecordEvents recordEvents;
    private final MemberDepartures departures;
    private final ScheduledFuture<?> sweep;

    ClusterPlacement(Store store, JobStore jobs, WorkerPool pool, JobTimeouts timeouts, JobRetention retention,
            OperationRegistry operations, ExpressionLimits expressionLimits, List<JobListener> listeners,
            @Qualifier(JobConfiguration.SCHEDULER) ScheduledExecutorService scheduler, Clock clock) {
        this.store = store;
        ExpressionCompiler expressions = new ExpressionCompiler(expressionLimits);
        SharedRecords records = new SharedRecords(store.jobs(), clock);
        this.claims = new SegmentClaims(store.claims(), store.member(), clock);
        this.segments = new SharedSegments(store, records, claims, listeners,
                job -> retryLater(scheduler, job));
        this.shared = new SharedJobs(store, records, segments, jobs, pool, timeouts, retention,
                record -> JobRecords.plan(record, operations, expressions, null), clock);
        this.recordEvents = JobRecordEvents.watch(store.jobs(), record -> onEvents(() -> shared.apply(record)),
                id -> onEvents(() -> shared.forget(id)));
        this.departures = MemberDepartures.watch(store.cacheManager(), left -> onEvents(() -> releaseClaimsOfDeparted(true)));
        onEvents(() -> releaseClaimsOfDeparted(false));
        this.sweep = scheduler.scheduleWithFixedDelay(() -> onEvents(() -> releaseClaimsOfDeparted(false)), SWEEP_SECONDS,
                SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void start(Job job, JobRun run) {
        shared.publish(job);
    }

    @Override
    public boolean sharesJobs() {
        return true;
    }

    @Override
    public boolean restores(StoredJob record) {
        shared.apply(record);
        return true;
    }

    @Override
    public Optional<Job> find(String id) {
        return shared.find(id);
    }

    private void kick(Job job) {
        shared.kick(job);
    }

    /** Looks for the job's segments again in a second: one could not be stored; nothing once this member is closing. */
    private void retryLater(ScheduledExecutorService scheduler, Job job) {
        try {
            scheduler.schedule(() -> onEvents(() -> kick(job)), 1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("job {}: no retry of its segments, this member is leaving", job.id());
        }
    }

    /**
     * Orphans the claims of members outside the view, and looks for segments to claim in every job computed here: after
     * a view change always (another survivor may have orphaned them first), after a sweep when it orphaned any.
     */
    private void releaseClaimsOfDeparted(boolean viewChanged) {
        int orphaned = claims.orphanOutside(store.members());
        if (orphaned > 0) {
            log.info("released {} segment claims of members that left the cluster; they are computed again", orphaned);
        }
        if (viewChanged || orphaned > 0) {
            shared.kickAll();
        }
    }

    /** Runs {@code task} on the cluster thread, logging what it throws; nothing once this member is closing. */
    private void onEvents(Runnable task) {
        try {
            events.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException failed) {
                    log.warn("cluster task failed: {}", failed.toString(), failed);
                }
            });
        } catch (RejectedExecutionException closing) {
            log.debug("cluster task dropped: this member is leaving");
        }
    }

    /** Claims nothing more and stops listening; the claims it holds are orphaned by the others when it leaves the view. */
    @Override
    public void close() {
        segments.close();
        sweep.cancel(false);
        recordEvents.stop();
        departures.close();
        events.shutdownNow();
    }
}
