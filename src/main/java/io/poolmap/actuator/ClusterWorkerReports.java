package io.poolmap.actuator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.poolmap.store.MemberWorkers;
import io.poolmap.store.Store;
import io.poolmap.worker.WorkerStatistics;
import io.poolmap.worker.WorkerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Every member's workers for {@code /actuator/workers?scope=cluster}: each member writes a reading of its own workers to
 * the replicated {@code members} cache every {@value #EVERY_SECONDS} s (it expires after {@value #LIFESPAN_SECONDS} s
 * without one), so that any member shows all of them from its own copy, without calling the others; a report is at
 * most a few seconds old, and only members in the current view are shown.
 */
@Component
@ConditionalOnBooleanProperty("poolmap.cluster.enabled")
class ClusterWorkerReports implements AutoCloseable {

    static final long EVERY_SECONDS = 2;
    static final long LIFESPAN_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(ClusterWorkerReports.class);

    private final Store store;
    private final WorkerStatistics statistics;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("poolmap-worker-reports").daemon().factory());

    ClusterWorkerReports(Store store, WorkerStatistics statistics) {
        this.store = store;
        this.statistics = statistics;
        reporter.scheduleWithFixedDelay(this::report, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** This member's name. */
    String member() {
        return store.member();
    }

    /** The last report of every other member in the view, in the view's order (the coordinator first). */
    List<MemberWorkers> others() {
        List<MemberWorkers> others = new ArrayList<>();
        for (String member : store.members()) {
            MemberWorkers report = member.equals(store.member()) ? null : store.memberWorkers().get(member);
            if (report != null) {
                others.add(report);
            }
        }
        return others;
    }

    private void report() {
        try {
            List<MemberWorkers.WorkerReading> readings = statistics.workers().stream().map(ClusterWorkerReports::reading).toList();
            Store.blind(store.memberWorkers()).putAsync(store.member(), new MemberWorkers(store.member(), System.currentTimeMillis(), readings),
                    LIFESPAN_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException leaving) {
            log.debug("workers not reported to the cluster: {}", leaving.toString());
        }
    }

    private static MemberWorkers.WorkerReading reading(WorkerStatus worker) {
        return new MemberWorkers.WorkerReading(worker.name(), worker.busy(), worker.currentJob(), worker.chunksCompleted(),
                worker.itemsCompleted(), worker.busySeconds(), worker.utilization1m(), worker.utilization5m(), worker.utilization15m());
    }

    @Override
    public void close() {
        reporter.shutdownNow();
    }
}
