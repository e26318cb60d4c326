package io.poolmap.job;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.poolmap.operation.Numbers;
import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.StoredJob;

/**
 * A {@link JobArchive} that keeps nothing but idempotency keys, for the engine's tests that are not about the store:
 * so that they run without starting one. What the store does is tested with the real one.
 */
final class InMemoryJobArchive implements JobArchive {

    private final ConcurrentMap<String, IdempotentSubmission> keys = new ConcurrentHashMap<>();
    private final KeyClaims claims = new KeyClaims(keys, "local");
    private volatile Runnable afterClaim = () -> { };
    private volatile java.util.function.Predicate<IdempotentSubmission> liveElsewhere = claim -> false;
    private volatile RuntimeException writesFail;

    /** From now on every write that a store could refuse (keeping a job, claiming a key) throws {@code failure}. */
    void failWritesWith(RuntimeException failure) {
        writesFail = failure;
    }

    @Override
    public void keep(Job job) {
        job.keeping().keep();
        failIfAsked();
    }

    private void failIfAsked() {
        if (writesFail != null) {
            throw writesFail;
        }
    }

    @Override
    public void segmentDone(Job job, int segment) {
    }

    @Override
    public boolean finished(Job job, Runnable heapFreed) {
        return false;
    }

    @Override
    public List<StoredJob> records() {
        return List.of();
    }

    @Override
    public Numbers inputs(StoredJob record) {
        throw new IllegalStateException("nothing is stored");
    }

    @Override
    public JobData storedData(StoredJob record) {
        throw new IllegalStateException("nothing is stored");
    }

    @Override
    public Optional<PackedChunk> segment(String jobId, int segment) {
        return Optional.empty();
    }

    @Override
    public void forget(Job job) {
        if (job.idempotencyKey() != null) {
            keys.remove(job.idempotencyKey());
        }
    }

    /** Nothing of a job outlives its record here: this archive holds keys only. */
    @Override
    public long removeNumbersWithoutRecord(java.util.Set<String> recorded) {
        return 0;
    }

    /** Runs {@code action} after each claim of a key, on the claiming thread: for tests of submissions racing on one key. */
    void afterEachClaim(Runnable action) {
        afterClaim = action;
    }

    @Override
    public Optional<IdempotentSubmission> claimKey(String key, String requestHash, String jobId) {
        failIfAsked();
        Optional<IdempotentSubmission> earlier = claims.claim(key, requestHash, jobId);
        afterClaim.run();
        return earlier;
    }

    @Override
    public boolean takeOverKey(String key, IdempotentSubmission stale, String jobId) {
        return claims.takeOver(key, stale, jobId);
    }

    /** Which claims count as made by another member still in the cluster; none by default, as on a single node. */
    void liveElsewhere(java.util.function.Predicate<IdempotentSubmission> claims) {
        liveElsewhere = claims;
    }

    /** Writes {@code claim} of {@code key} as another member would. */
    void claimedElsewhere(String key, IdempotentSubmission claim) {
        keys.put(key, claim);
    }

    /** Removes the claim of {@code key}, as another member whose job was refused would. */
    void releasedElsewhere(String key) {
        keys.remove(key);
    }

    @Override
    public boolean claimedByAnotherLiveMember(IdempotentSubmission claim) {
        return liveElsewhere.test(claim);
    }

    @Override
    public void releaseKey(String key, String jobId) {
        claims.release(key, jobId);
    }
}
