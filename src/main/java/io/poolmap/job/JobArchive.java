package io.poolmap.job;

import java.util.List;
import java.util.Optional;

import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.StoredJob;

/**
 * Where jobs are kept beyond this process, so that a crash or a restart loses no job that was answered 202, and a
 * finished job's numbers need not stay on the heap. The engine tells it what happens to a job; it writes what must
 * be kept, in an order that makes every job's record on disk tell the truth about its segments.
 */
interface JobArchive {

    /**
     * Puts the job on disk before this returns: its record, its inputs, the results of the segments already computed;
     * from then on its other segments and its end are stored as they happen. For a job answered 202.
     */
    void keep(Job job);

    /** Every item of {@code segment} of {@code job} is computed: a kept job's results are stored. */
    void segmentDone(Job job, int segment);

    /**
     * The job has ended: a kept job's end is recorded after its segments, and a job worth keeping that was not kept
     * (a finished synchronous job) is stored now; once stored, a succeeded job's numbers are read from the store and
     * {@code heapFreed} runs. Returns whether it will run: when not, the job's numbers stay on the heap.
     */
    boolean finished(Job job, Runnable heapFreed);

    /** Every job record in the store, to put back into memory at start-up. */
    List<StoredJob> records();

    /** The job's inputs, read back from the store to compute it again after a restart. */
    io.poolmap.operation.Numbers inputs(StoredJob record);

    /** What a job stored before a restart knows: its results and who computed them, read from the store. */
    JobData storedData(StoredJob record);

    /** The results and runs of {@code segment} of a resumed job, if they were stored before the restart. */
    Optional<io.poolmap.store.PackedChunk> segment(String jobId, int segment);

    /** Forgets the job: its record, inputs, results and idempotency key. */
    void forget(Job job);

    /**
     * At start-up: removes the numbers of jobs that have no record among {@code recorded} (a crash between a forgotten
     * job's record and its numbers leaves them behind); returns how many stored chunks it removed.
     */
    long removeNumbersWithoutRecord(java.util.Set<String> recorded);

    /**
     * The earlier claim of an {@code Idempotency-Key} (the job it names, and who claimed it), or empty after recording
     * that it now names {@code jobId}; a key used before with another request hash is refused with
     * {@link JobRefusedException}.
     */
    Optional<IdempotentSubmission> claimKey(String key, String requestHash, String jobId);

    /** Forgets that {@code key} names {@code jobId}: the job it was claimed for was refused after all. */
    void releaseKey(String key, String jobId);

    /**
     * Makes {@code key} name {@code jobId} instead of the job of {@code stale}, a job that no longer exists (lost in a
     * crash between its claim and its record); false if another submission changed the key first.
     */
    boolean takeOverKey(String key, IdempotentSubmission stale, String jobId);

    /**
     * Whether {@code claim} was made by another member that is still in the cluster: its job may not be findable yet
     * (it is being shared), so a retry waits for it rather than taking the key over. False on a single node.
     */
    boolean claimedByAnotherLiveMember(IdempotentSubmission claim);
}
