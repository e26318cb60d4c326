package io.poolmap.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import io.poolmap.store.IdempotentSubmission;

/**
 * The jobs that {@code Idempotency-Key}s name: the one a repeated request finds, or a claim of the key for the job about
 * to be admitted, on whatever member; a store that cannot write the claim refuses the submission. Two submissions of
 * one key at once create one job: the second waits while the first's job is being admitted, here or on another member.
 */
final class KeyedJobs {

    /** How long a retry waits for the job that another, live member claimed the key for to become findable. */
    static final Duration ELSEWHERE_PATIENCE = Duration.ofSeconds(30);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final JobArchive archive;
    private final JobStore store;
    private final JobPlacement placement;
    /** The jobs that claimed a key on this member and are not findable or refused yet, each with what it signals then. */
    private final ConcurrentMap<String, CountDownLatch> admitting = new ConcurrentHashMap<>();

    KeyedJobs(JobArchive archive, JobStore store, JobPlacement placement) {
        this.archive = archive;
        this.store = store;
        this.placement = placement;
    }

    /**
     * The job the key already names, or empty once the key names {@code id}, which must then be {@link #settled}. A
     * key whose job is being admitted is waited for; one whose job no longer exists (lost in a crash before its record
     * was written, or refused by a store that could not release the key) is taken over, so that the retry runs
     * instead of finding nothing.
     */
    Optional<Job> earlierOrClaim(JobSubmission.Idempotency idempotency, String id) {
        admitting.put(id, new CountDownLatch(1)); // before the claim: a retry that finds the claim waits for this job
        boolean claimed = false;
        try {
            long patientUntil = System.nanoTime() + ELSEWHERE_PATIENCE.toNanos();
            for (;;) {
                Optional<IdempotentSubmission> earlier = archive.claimKey(idempotency.key(), idempotency.requestHash(), id);
                if (earlier.isEmpty()) {
                    claimed = true;
                    return Optional.empty();
                }
                String earlierId = earlier.get().jobId();
                // before the find: a job saved and settled between a find that missed it and this read would look lost
                CountDownLatch here = admitting.get(earlierId);
                Optional<Job> job = store.find(earlierId).or(() -> placement.find(earlierId));
                if (job.isPresent()) {
                    return job;
                }
                if (here != null) {
                    here.await(); // its submission ends soon: admitted and findable, or refused and its key released
                } else if (archive.claimedByAnotherLiveMember(earlier.get()) && System.nanoTime() - patientUntil < 0) {
                    LockSupport.parkNanos(POLL_NANOS); // being shared there: its record is written once its inputs are
                    if (Thread.interrupted()) { // parkNanos returns at once while the flag is set
                        throw new InterruptedException();
                    }
                } else if (archive.takeOverKey(idempotency.key(), earlier.get(), id)) {
                    claimed = true;
                    return Optional.empty();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw JobRefusedException.shuttingDown();
        } catch (JobRefusedException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            throw JobService.refusedByTheStore(id, failed);
        } finally {
            if (!claimed) {
                settled(id);
            }
        }
    }

    /** The submission of {@code id}, which claimed its key, has ended: its job is findable, or it was refused. */
    void settled(String id) {
        CountDownLatch waiters = admitting.remove(id);
        if (waiters != null) {
            waiters.countDown();
        }
    }

    /** Frees the key claimed for {@code id}, a job that was refused after all. */
    void release(JobSubmission.Idempotency idempotency, String id) {
        archive.releaseKey(idempotency.key(), id);
    }
}
