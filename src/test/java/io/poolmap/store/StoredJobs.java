package io.poolmap.store;

import java.util.Map;

/** Test data: stored job records with plausible fields. */
public final class StoredJobs {

    private StoredJobs() {
    }

    public static StoredJob aRunningJob(String id, long sequence) {
        return new StoredJob(id, sequence, "square", null, 1_000_000, 2, 15_625, 60_000, "RUNNING", 1_700_000_000_000L + sequence,
                1_700_000_000_005L + sequence, null, null, 0, "member-a", Map.of(), null, 64, "WORKERS", null);
    }

    public static StoredJob finished(StoredJob job, String status, StoredError error) {
        return new StoredJob(job.id(), job.sequence(), job.operation(), job.expression(), job.size(), job.parallelism(), job.chunkSize(),
                job.timeoutMs(), status, job.submittedAt(), job.startedAt(), job.submittedAt() + 99, error, job.size(), job.owner(),
                Map.of("member-a/worker-1", 600_000L, "member-b/worker-2", 400_000L), job.idempotencyKey(), job.firstChunkSize(),
                job.execution(), job.doneSegments());
    }
}
