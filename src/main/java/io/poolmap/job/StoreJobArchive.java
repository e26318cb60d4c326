package io.poolmap.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.poolmap.MemoryProperties;
import io.poolmap.PoolmapProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final ForgottenNumbers forgotten;

    /**
     * @param writer where a finished job's numbers are packed for the store: off the thread that finished it, so
     *        that a synchronous client hears its answer first
     */
    @Autowired
    StoreJobArchive(Store store, @Qualifier(JobConfiguration.ARCHIVE_WRITER) Executor writer,
            @Qualifier(JobConfiguration.SCHEDULER) ScheduledExecutorService scheduler, PoolmapProperties properties,
            MemoryProperties memory) {
        this(store, writer, new ForgottenNumbers(store, writer, scheduler, properties.effectiveMaxRetainedItems(memory),
                ForgottenNumbers.READERS_GRACE));
    }

    StoreJobArchive(Store store, Executor writer, ForgottenNumbers forgotten) {
        this.store = store;
        this.writer = writer;
        this.forgotten = forgotten;
    }

    /**
     * Writes synchronously even when the job is already kept, since a job kept as it finished may still be writing; its
     * numbers before its record, so that another member that sees the record finds them. A shared job was put on disk
     * (its inputs and record) before the cluster started computing it.
     */
    @Override
    public void keep(Job job) {
        if (job.shared()) {
            return;
        }
        Keeping keeping = job.keeping();
        keeping.keep();
        LiveJobData live = job.live();
        if (keeping.isForgotten()) {
            return; // retention forgot it before its answer kept it (it ended just after the wait): nothing to bring back
        }
        if (live == null) {
            return; // its numbers moved to the store after its end was recorded: all of it is on disk
        }
        Segments segments = job.plan().segments();
        for (int segment = 0; segment < segments.count(); segment++) {
            Store.blind(store.inputs()).put(PackedSegments.key(job, segment), PackedSegments.input(job, live, segment));
        }
        for (int segment : live.ledger().completeSegments()) {
            Store.blind(store.results()).put(PackedSegments.key(job, segment), PackedSegments.results(job, live, segment));
        }
        keeping.unlessEnded(() -> store.jobs().put(job.id(), record(job)));
    }

    @Override
    public void segmentDone(Job job, int segment) {
        Keeping keeping = job.keeping();
        LiveJobData live = job.live();
        if (keeping.kept() && live != null) {
            keeping.writing(Store.blind(store.results()).putAsync(PackedSegments.key(job, segment), PackedSegments.results(job, live, segment)));
        }
    }

    /** A shared job's end is recorded by the member that ended it, and its numbers were never on this heap. */
    @Override
    public boolean finished(Job job, Runnable heapFreed) {
        if (job.shared()) {
            return false;
        }
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
            StoredJob record = record(job);
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

    /**
     * Forgets the job's record at once, so that nobody finds it any more, and its numbers (and any claim left on its
     * segments) a little later, through {@link ForgottenNumbers}, so that an answer that was already reading them (a big
     * job's results streamed from the store) can finish. In a cluster the member that admitted a job forgets it for every member, unless it has left.
     */
    @Override
    public void forget(Job job) {
        job.keeping().forgotten();
        if (!job.keeping().kept() && !job.shared()) {
            return; // never written to the store (a small job without a key): nothing there to forget
        }
        StoredJob record = store.jobs().get(job.id());
        if (record != null && !record.owner().equals(store.member()) && store.members().contains(record.owner())) {
            return;
        }
        Store.blind(store.jobs()).removeAsync(job.id());
        if (record != null && record.idempotencyKey() != null) {
            Store.blind(store.idempotency()).removeAsync(record.idempotencyKey());
        }
        forgotten.add(job.id(), job.plan().segments().count(), job.size());
    }

    @Override
    public long removeNumbersWithoutRecord(Set<String> recorded) {
        return forgotten.removeWithoutRecord(recorded);
    }

    /** Best effort: a key that a failing store leaves claimed names a job that does not exist, and the retry takes it over. */
    @Override
    public void releaseKey(String key, String jobId) {
        try {
            IdempotentSubmission claimed = store.idempotency().get(key);
            if (claimed != null && claimed.jobId().equals(jobId)) {
                store.idempotency().remove(key, claimed);
            }
        } catch (RuntimeException failed) {
            log.warn("the Idempotency-Key of refused job {} could not be released; a retry takes it over", jobId, failed);
        }
    }

    @Override
    public boolean takeOverKey(String key, String staleJobId, String requestHash, String jobId) {
        return store.idempotency().replace(key, new IdempotentSubmission(staleJobId, requestHash),
                new IdempotentSubmission(jobId, requestHash));
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
}
