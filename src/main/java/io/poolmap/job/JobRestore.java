package io.poolmap.job;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.poolmap.expression.ExpressionCompiler;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.store.StoredJob;
import io.poolmap.worker.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Puts the store's jobs back at start-up, before any new job is admitted: the finished ones, to be read and forgotten
 * as if the process had never stopped, and the unfinished ones, to be computed again from their stored inputs,
 * skipping every segment whose results were stored before the crash. A job that was admitted is never lost to a
 * restart; its timeout still counts from its submission. In a cluster the {@link JobPlacement} takes every record:
 * the unfinished ones are computed by every member.
 */
@Component
class JobRestore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRestore.class);

    private final JobArchive archive;
    private final JobService service;
    private final JobStore store;
    private final JobAdmission admission;
    private final JobRetention retention;
    private final JobTimeouts timeouts;
    private final JobHooks hooks;
    private final JobPlacement placement;
    private final OperationRegistry operations;
    private final ExpressionCompiler expressions;
    private final WorkerPool pool;
    private final Clock clock;
    private volatile boolean restored;

    JobRestore(JobArchive archive, JobService service, JobStore store, JobAdmission admission, JobRetention retention,
            JobTimeouts timeouts, JobHooks hooks, JobPlacement placement, OperationRegistry operations,
            ExpressionLimits expressionLimits, WorkerPool pool, Clock clock) {
        this.archive = archive;
        this.service = service;
        this.store = store;
        this.admission = admission;
        this.retention = retention;
        this.timeouts = timeouts;
        this.hooks = hooks;
        this.placement = placement;
        this.operations = operations;
        this.expressions = new ExpressionCompiler(expressionLimits);
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void start() {
        List<StoredJob> records = archive.records();
        records.sort(Comparator.comparing((StoredJob record) -> record.finishedAt() == null ? Long.MAX_VALUE : record.finishedAt())
                .thenComparingLong(StoredJob::sequence));
        int resumed = 0;
        for (StoredJob record : records) {
            service.numberAfter(record.sequence());
            if (placement.restores(record)) {
                resumed += record.finished() ? 0 : 1;
            } else if (record.finished()) {
                Job job = Job.ended(record.sequence(), record.id(), JobRecords.plan(record, operations, expressions, null),
                        JobRecords.submittedAt(record), JobRecords.ended(record, clock), archive.storedData(record), hooks);
                job.keeping().keep();
                store.save(job);
                store.finished(job);
            } else {
                resume(record);
                resumed++;
            }
        }
        long orphans = archive.removeNumbersWithoutRecord(records.stream().map(StoredJob::id).collect(Collectors.toSet()));
        if (orphans > 0) {
            log.info("removed {} stored chunks whose job was forgotten just before the process stopped", orphans);
        }
        retention.enforceLimits();
        restored = true;
        admission.startAdmitting(); // restored jobs first, then new ones, all before the port opens
        if (!records.isEmpty()) {
            log.info("restored {} jobs from the store; {} unfinished ones resume", records.size(), resumed);
        }
    }

    private void resume(StoredJob record) {
        Numbers inputs = archive.inputs(record);
        JobPlan stored = JobRecords.plan(record, operations, expressions, inputs);
        JobPlan plan = new JobPlan(stored.operation(), stored.size(), inputs, stored.parallelism(), stored.firstChunkSize(),
                stored.maxChunkSize(), stored.timeoutMs(), stored.execution(), MemoryEstimate.of(stored.operation(), inputs));
        Job job = Job.resumed(record.sequence(), record.id(), plan, JobRecords.submittedAt(record), clock, hooks);
        job.idempotencyKey(record.idempotencyKey());
        job.keeping().keep();
        Segments segments = plan.segments();
        for (int segment = 0; segment < segments.count(); segment++) {
            int at = segment;
            archive.segment(record.id(), segment).ifPresent(chunk -> {
                chunk.unpackInto(job.live().results(), segments.from(at));
                job.ledger().restore(at, chunk.workers(), chunk.runEnds());
            });
        }
        job.lifecycle().startedBefore(record.startedAt() == null ? null : java.time.Instant.ofEpochMilli(record.startedAt()));
        long restoredItems = job.ledger().restoredItems();
        admission.admitResumed(plan.size() - restoredItems, plan.heapBytes());
        store.save(job);
        log.info("job {} {} resumes: {} of {} items were computed before the restart", job.id(), job.operationName(),
                restoredItems, job.size());
        if (stored.operation() instanceof ArchivedOperation archived) {
            job.fail(0, archived.why(), null);
        } else if (restoredItems == job.size()) {
            job.finish(JobStatus.SUCCEEDED, null);
        } else {
            timeouts.arm(job);
            pool.dispatch(new JobRun(job, hooks, clock));
        }
    }

    @Override
    public void stop() {
        restored = false;
    }

    @Override
    public boolean isRunning() {
        return restored;
    }

    /**
     * Before the web server opens its port (Spring Boot starts it at {@code DEFAULT_PHASE - 2048}): a client that
     * asks a restarted poolmap for its job at once must find it, not get 404 until the restore has run.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
