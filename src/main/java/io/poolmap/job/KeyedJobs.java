package io.poolmap.job;

import java.util.Optional;

/**
 * The jobs that {@code Idempotency-Key}s name: the one a repeated request finds, or a claim of the key for the job about
 * to be admitted, on whatever member; a store that cannot write the claim refuses the submission.
 */
final class KeyedJobs {

    private final JobArchive archive;
    private final JobStore store;
    private final JobPlacement placement;

    KeyedJobs(JobArchive archive, JobStore store, JobPlacement placement) {
        this.archive = archive;
        this.store = store;
        this.placement = placement;
    }

    /**
     * The job the key already names, or empty once the key names {@code id}; a key whose job no longer exists (lost in
     * a crash before its record was written) is taken over, so that the retry runs instead of finding nothing.
     */
    Optional<Job> earlierOrClaim(JobSubmission.Idempotency idempotency, String id) {
        try {
            for (;;) {
                Optional<String> earlier = archive.claimKey(idempotency.key(), idempotency.requestHash(), id);
                if (earlier.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Job> job = store.find(earlier.get()).or(() -> placement.find(earlier.get()));
                if (job.isPresent()) {
                    return job;
                }
                if (archive.takeOverKey(idempotency.key(), earlier.get(), idempotency.requestHash(), id)) {
                    return Optional.empty();
                }
            }
        } catch (JobRefusedException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            throw JobService.refusedByTheStore(id, failed);
        }
    }

    /** Frees the key claimed for {@code id}, a job that was refused after all. */
    void release(JobSubmission.Idempotency idempotency, String id) {
        archive.releaseKey(idempotency.key(), id);
    }
}
