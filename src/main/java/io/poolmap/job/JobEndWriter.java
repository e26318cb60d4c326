package io.poolmap.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A finished job's end in the store: a kept job's record once its segments are written, and a finished synchronous job
 * worth keeping moved there whole on the archive's writer, after its answer, so that its numbers leave the heap.
 */
final class JobEndWriter {

    /** The smallest finished job whose numbers are moved to the store: tiny ones stay in memory until forgotten. */
    static final int KEPT_FROM_ITEMS = 1024;

    private static final Logger log = LoggerFactory.getLogger(JobEndWriter.class);

    private final Store store;
    private final Executor writer;

    /**
     * @param writer where a finished job's numbers are packed for the store: off the thread that finished it, so
     *        that a synchronous client hears its answer first
     */
    JobEndWriter(Store store, Executor writer) {
        this.store = store;
        this.writer = writer;
    }

    /** See {@link JobArchive#finished}; for a job of this member only. */
    boolean finished(Job job, Runnable heapFreed) {
        Keeping keeping = job.keeping();
        boolean moves = job.status() == JobStatus.SUCCEEDED && job.live() != null;
        if (keeping.kept()) {
            recordEnd(job, heapFreed);
            return moves;
        }
        if (job.size() >= KEPT_FROM_ITEMS && moves && keeping.keep()) {
            LiveJobData live = job.live();
            writer.execute(() -> {
                if (keeping.isForgotten()) {
                    heapFreed.run(); // forgotten before its turn (a job larger than retention keeps): nothing to move
                    return;
                }
                keeping.writing(move(job, live));
                recordEnd(job, heapFreed);
            });
            return true;
        }
        return false;
    }

    /**
     * Writes a finished job's numbers one segment at a time and waits for each write, on the one writer thread: the
     * packed and marshalled copies of one segment are all the heap this takes beyond the job's own arrays, however many
     * jobs finish at once and however slow the disk (a whole job's copies at once, several jobs behind, ran a 256 MB
     * heap out of memory). Returns how it went, for {@link #recordEnd}.
     */
    private CompletableFuture<Void> move(Job job, LiveJobData live) {
        try {
            Segments segments = job.plan().segments();
            for (int segment = 0; segment < segments.count(); segment++) {
                Store.blind(store.inputs()).put(PackedSegments.key(job, segment), PackedSegments.input(job, live, segment));
                Store.blind(store.results()).put(PackedSegments.key(job, segment), PackedSegments.results(job, live, segment));
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /**
     * Records the job's end once every write before it is done; a succeeded job's numbers are read from the store then.
     * If a write failed, they stay on the heap, counted by retention from now on.
     */
    private void recordEnd(Job job, Runnable heapFreed) {
        Keeping keeping = job.keeping();
        keeping.written().whenComplete((done, failed) -> {
            StoredJob record = record(job, store);
            Throwable notStored = failed != null ? failed : writeEnd(keeping, job, record);
            if (notStored != null) {
                log.error("job {}: it could not all be stored; its numbers stay on the heap", job.id(), notStored);
            }
            LiveJobData live = job.live();
            if (job.status() == JobStatus.SUCCEEDED && live != null) {
                if (notStored == null) {
                    job.moved(new StoredJobData(record, store, job.plan().segments(), live.ledger()));
                }
                heapFreed.run();
            }
        });
    }

    private RuntimeException writeEnd(Keeping keeping, Job job, StoredJob record) {
        try {
            keeping.end(() -> store.jobs().put(job.id(), record));
            return null;
        } catch (RuntimeException notWritten) {
            return notWritten;
        }
    }

    /** The job's record as this member writes it. */
    static StoredJob record(Job job, Store store) {
        return JobRecords.of(job, store.member(), job.idempotencyKey());
    }
}
