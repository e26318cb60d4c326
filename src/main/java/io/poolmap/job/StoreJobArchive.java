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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The {@link JobArchive} on poolmap's embedded store: a job's record in {@code jobs}, its inputs and results per
 * segment in {@code inputs} and {@code results}, packed; keys in {@code idempotency}. A kept job's record is written
 * before its 202 and again, after the last of its segments, when it ends; a finished job of at least
 * {@value JobEndWriter#KEPT_FROM_ITEMS} items is stored after its answer, so that its results leave the heap.
 */
@Component
class StoreJobArchive implements JobArchive {

    private final Store store;
    private final JobEndWriter ends;
    private final ForgottenNumbers forgotten;
    private final KeyClaims keys;

    /**
     * @param writer the archive's one writer thread: finished jobs' moves to the store ({@link JobEndWriter}) and, behind
     *        them, forgotten jobs' removals ({@link ForgottenNumbers})
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
        this.ends = new JobEndWriter(store, writer);
        this.forgotten = forgotten;
        this.keys = new KeyClaims(store.idempotency(), store.member());
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
        if (live == null) {
            return; // its numbers moved to the store after its end was recorded: all of it is on disk
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!keeping.writeUnlessForgotten(() -> written)) {
            return; // retention forgot it before its answer kept it (it ended just after the wait): nothing to bring back
        }
        try {
            Segments segments = job.plan().segments();
            for (int segment = 0; segment < segments.count(); segment++) {
                Store.blind(store.inputs()).put(PackedSegments.key(job, segment), PackedSegments.input(job, live, segment));
            }
            for (int segment : live.ledger().completeSegments()) {
                Store.blind(store.results()).put(PackedSegments.key(job, segment), PackedSegments.results(job, live, segment));
            }
            keeping.unlessEnded(() -> store.jobs().put(job.id(), JobEndWriter.record(job, store)));
            written.complete(null); // its end, or the removal of its numbers, may follow now
        } catch (RuntimeException failed) {
            written.completeExceptionally(failed); // its end then leaves its numbers on the heap: the store lacks them
            throw failed;
        }
    }

    @Override
    public void segmentDone(Job job, int segment) {
        Keeping keeping = job.keeping();
        LiveJobData live = job.live();
        if (keeping.kept() && live != null) {
            ChunkKey key = PackedSegments.key(job, segment);
            PackedChunk results = PackedSegments.results(job, live, segment);
            keeping.writeUnlessForgotten(() -> Store.blind(store.results()).putAsync(key, results));
        }
    }

    /** A shared job's end is recorded by the member that ended it, and its numbers were never on this heap. */
    @Override
    public boolean finished(Job job, Runnable heapFreed) {
        return !job.shared() && ends.finished(job, heapFreed);
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
        forgotten.add(job.id(), job.plan().segments().count(), job.size(), job.keeping().settled());
    }

    @Override
    public long removeNumbersWithoutRecord(Set<String> recorded) {
        return forgotten.removeWithoutRecord(recorded);
    }

    @Override
    public void releaseKey(String key, String jobId) {
        keys.release(key, jobId);
    }

    @Override
    public boolean takeOverKey(String key, IdempotentSubmission stale, String jobId) {
        return keys.takeOver(key, stale, jobId);
    }

    @Override
    public Optional<IdempotentSubmission> claimKey(String key, String requestHash, String jobId) {
        return keys.claim(key, requestHash, jobId);
    }

    @Override
    public boolean claimedByAnotherLiveMember(IdempotentSubmission claim) {
        return claim.member() != null && !claim.member().equals(store.member()) && store.members().contains(claim.member());
    }
}
