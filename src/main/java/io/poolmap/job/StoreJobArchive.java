package io.poolmap.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The {@link JobArchive} on poolmap's embedded store: a job's record in {@code jobs}, its inputs and results per
 * segment in {@code inputs} and {@code results}, packed; keys in {@code idempotency}. A kept job's record is written
 * before its 202 and again, after the last of its segments, when it ends; a finished job of at least
 * {@value #KEPT_FROM_ITEMS} items is stored after its answer, so that its results leave the heap.
 */
@Component
class StoreJobArchive implements JobArchive {

    /** The smallest finished job whose numbers are moved to the store: tiny ones stay in memory until forgotten. */
    static final int KEPT_FROM_ITEMS = 1024;

    private static final Logger log = LoggerFactory.getLogger(StoreJobArchive.class);

    private final Store store;
    private final Executor writer;

    /**
     * @param writer where a finished job's numbers are packed for the store: off the thread that finished it, so
     *        that a synchronous client hears its answer first
     */
    StoreJobArchive(Store store, @Qualifier(JobConfiguration.ARCHIVE_WRITER) Executor writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Writes synchronously even when the job is already kept, since a job kept as it finished may still be writing. */
    @Override
    public void keep(Job job) {
        Keeping keeping = job.keeping();
        keeping.keep();
        keeping.unlessEnded(() -> store.jobs().put(job.id(), record(job)));
        store.inputs().putAll(inputs(job));
        for (int segment : job.ledger().completeSegments()) {
            store.results().put(key(job, segment), results(job, segment));
        }
    }

    @Override
    public void segmentDone(Job job, int segment) {
        Keeping keeping = job.keeping();
        if (keeping.kept()) {
            keeping.writing(store.results().putAsync(key(job, segment), results(job, segment)));
        }
    }

    @Override
    public void finished(Job job) {
        Keeping keeping = job.keeping();
        if (keeping.kept()) {
            recordEnd(job);
        } else if (job.size() >= KEPT_FROM_ITEMS && job.status() == JobStatus.SUCCEEDED && keeping.keep()) {
            writer.execute(() -> {
                keeping.writing(store.inputs().putAllAsync(inputs(job)));
                Segments segments = job.plan().segments();
                Map<ChunkKey, PackedChunk> results = new HashMap<>();
                for (int segment = 0; segment < segments.count(); segment++) {
                    results.put(key(job, segment), results(job, segment));
                }
                keeping.writing(store.results().putAllAsync(results));
                recordEnd(job);
            });
        }
    }

    /** Records the job's end once every write before it is done; a succeeded job's numbers are read from the store then. */
    private void recordEnd(Job job) {
        Keeping keeping = job.keeping();
        keeping.written().whenComplete((done, failed) -> {
            if (failed != null) {
                log.error("job {}: its segments could not all be stored; its end is not recorded", job.id(), failed);
                return;
            }
            StoredJob record = record(job);
            keeping.end(() -> store.jobs().put(job.id(), record));
            if (job.status() == JobStatus.SUCCEEDED) {
                job.moved(new StoredJobData(record, store, job.plan().segments()));
            }
        });
    }

    @Override
    public List<StoredJob> records() {
        return new ArrayList<>(store.jobs().values());
    }

    @Override
    public Numbers inputs(StoredJob record) {
        Segments segments = Segments.of(record.size());
        Numbers inputs = Numbers.forResults(record.size());
        for (int segment = 0; segment < segments.count(); segment++) {
            PackedChunk chunk = store.inputs().get(new ChunkKey(record.id(), segment));
            if (chunk == null) {
                throw new IllegalStateException("the inputs of job " + record.id() + " segment " + segment + " are not in the store");
            }
            chunk.unpackInto(inputs, segments.from(segment));
        }
        return inputs;
    }

    @Override
    public JobData storedData(StoredJob record) {
        return new StoredJobData(record, store, Segments.of(record.size()));
    }

    @Override
    public Optional<PackedChunk> segment(String jobId, int segment) {
        return Optional.ofNullable(store.results().get(new ChunkKey(jobId, segment)));
    }

    @Override
    public void forget(Job job) {
        StoredJob record = store.jobs().get(job.id());
        store.jobs().removeAsync(job.id());
        Segments segments = job.plan().segments();
        for (int segment = 0; segment < segments.count(); segment++) {
            store.inputs().removeAsync(key(job, segment));
            store.results().removeAsync(key(job, segment));
        }
        if (record != null && record.idempotencyKey() != null) {
            store.idempotency().removeAsync(record.idempotencyKey());
        }
    }

    @Override
    public void releaseKey(String key, String jobId) {
        IdempotentSubmission claimed = store.idempotency().get(key);
        if (claimed != null && claimed.jobId().equals(jobId)) {
            store.idempotency().remove(key, claimed);
        }
    }

    @Override
    public Optional<String> claimKey(String key, String requestHash, String jobId) {
        IdempotentSubmission before = store.idempotency().putIfAbsent(key, new IdempotentSubmission(jobId, requestHash));
        if (before == null) {
            return Optional.empty();
        }
        if (!before.requestHash().equals(requestHash)) {
            throw JobRefusedException.idempotencyKeyReused(key, before.jobId());
        }
        return Optional.of(before.jobId());
    }

    private StoredJob record(Job job) {
        return JobRecords.of(job, store.member(), job.idempotencyKey());
    }

    private static ChunkKey key(Job job, int segment) {
        return new ChunkKey(job.id(), segment);
    }

    private static Map<ChunkKey, PackedChunk> inputs(Job job) {
        Segments segments = job.plan().segments();
        Map<ChunkKey, PackedChunk> inputs = new HashMap<>();
        for (int segment = 0; segment < segments.count(); segment++) {
            inputs.put(key(job, segment), PackedChunk.of(job.live().input(), segments.from(segment), segments.to(segment)));
        }
        return inputs;
    }

    private static PackedChunk results(Job job, int segment) {
        Segments segments = job.plan().segments();
        ChunkLedger.WorkerRuns runs = job.ledger().runs(segment);
        return PackedChunk.of(job.live().results(), segments.from(segment), segments.to(segment), runs.workers(), runs.ends());
    }
}
