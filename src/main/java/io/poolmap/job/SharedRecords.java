package io.poolmap.job;

import java.time.Clock;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import io.poolmap.store.StoredError;
import io.poolmap.store.StoredJob;
import org.infinispan.Cache;

/**
 * The cluster's record of each shared job, which decides how it ends: every change is an atomic replace of the record
 * as it was read ({@code replace(id, seen, changed)}, retried on a conflict), so that members that store segments, end
 * or cancel the same job at the same moment never lose each other's change, a segment counts once, and the first
 * final status written is the one every member shows.
 */
final class SharedRecords {

    /** The record after a change, or null when the job has no record (forgotten); {@code changed} when this call changed it. */
    record Change(StoredJob record, boolean changed) {
    }

    private final Cache<String, StoredJob> jobs;
    private final Clock clock;

    SharedRecords(Cache<String, StoredJob> jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The record as this member holds it (every member holds every record), or null. */
    StoredJob read(String id) {
        return jobs.get(id);
    }

    /** The job has begun: QUEUED becomes RUNNING, from now. */
    Change running(String id) {
        long now = clock.millis();
        return update(id, record -> record.finished() || record.startedAt() != null ? null
                : copy(record, "RUNNING", now, null, null, record.completed(), record.itemsByWorker(), record.doneSegments()));
    }

    /**
     * Segment {@code segment} ({@code length} items, computed by {@code byWorker}) is stored: its items count, once,
     * and the last segment ends the job as SUCCEEDED.
     */
    Change segmentStored(String id, int segment, int length, Map<String, Long> byWorker) {
        long now = clock.millis();
        return update(id, record -> {
            BitSet done = record.done();
            if (record.finished() || done.get(segment)) {
                return null;
            }
            done.set(segment);
            Map<String, Long> workers = new HashMap<>(record.itemsByWorker());
            byWorker.forEach((worker, items) -> workers.merge(worker, items, Long::sum));
            boolean all = done.cardinality() == Segments.of(record.size()).count();
            Long startedAt = record.startedAt() != null ? record.startedAt() : now;
            List<Long> words = java.util.Arrays.stream(done.toLongArray()).boxed().toList();
            return copy(record, all ? JobStatus.SUCCEEDED.name() : JobStatus.RUNNING.name(), startedAt, all ? now : null, null,
                    all ? record.size() : record.completed() + length, workers, words);
        });
    }

    /** The job ends with {@code status} and {@code error}, unless it has ended. */
    Change end(String id, JobStatus status, JobError error) {
        long now = clock.millis();
        StoredError stored = JobRecords.stored(error);
        return update(id, record -> record.finished() ? null
                : copy(record, status.name(), record.startedAt(), now, stored, record.completed(), record.itemsByWorker(),
                        record.doneSegments()));
    }

    /** Applies {@code change} (null: nothing to change) to the record as it is now, until the replace sticks. */
    private Change update(String id, UnaryOperator<StoredJob> change) {
        for (int attempt = 0; ; attempt++) {
            StoredJob seen = jobs.get(id);
            if (seen == null) {
                return new Change(null, false);
            }
            StoredJob changed = change.apply(seen);
            if (changed == null) {
                return new Change(seen, false);
            }
            if (jobs.replace(id, seen, changed)) {
                return new Change(changed, true);
            }
            // another member changed it first; its change reaches this member's copy at once or within a moment
            LockSupport.parkNanos(Math.min(attempt, 20) * 100_000L);
        }
    }

    private static StoredJob copy(StoredJob r, String status, Long startedAt, Long finishedAt, StoredError error, long completed,
            Map<String, Long> itemsByWorker, List<Long> doneSegments) {
        return new StoredJob(r.id(), r.sequence(), r.operation(), r.expression(), r.size(), r.parallelism(), r.chunkSize(),
                r.timeoutMs(), status, r.submittedAt(), startedAt, finishedAt, error, completed, r.owner(), itemsByWorker,
                r.idempotencyKey(), r.firstChunkSize(), r.execution(), doneSegments);
    }
}
