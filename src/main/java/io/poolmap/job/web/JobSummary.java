package io.poolmap.job.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poolmap.job.Job;
import io.poolmap.job.JobError;
import io.poolmap.job.JobStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A job without its results, as the list of recent jobs shows it and as {@link JobView} starts: every field from one
 * look at the job, so that no field contradicts the status read with it.
 *
 * @param id the job's id, as in its {@code Location}
 * @param operation the operation's name; absent for a job of an expression
 * @param expression the expression, as the client wrote it; absent for a job of a named operation
 * @param status where the job is in its life
 * @param size the number of items
 * @param progress items computed so far out of all
 * @param parallelism how many workers the job may use at once (the effective value, after clamping)
 * @param chunkSize items per chunk now: chunks adapt to the measured cost (about 2 ms each), never above the
 *        requested {@code chunkSize} or, without one, Pool.map's {@code ceil(n / (4 × parallelism))}
 * @param timeoutMs the job's time limit
 * @param error why the job did not succeed, as a problem detail
 * @param workers worker name → items it computed for this job
 * @param submittedAt when the job was admitted
 * @param startedAt when its first chunk started
 * @param finishedAt when it ended
 * @param durationMs from submission to the end (or to now while it runs)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A job without its results: status, progress, and the error when it did not succeed.")
public record JobSummary(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21") String id,
        @Schema(example = "double", description = "The operation's name; absent when the job maps an expression.") String operation,
        @Schema(example = "x**2 + 3*x + 1", description = "The expression the job maps; absent when it names an operation.")
        String expression,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SUCCEEDED") JobStatus status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5") int size,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Progress progress,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2",
                description = "How many workers the job may use at once: the requested parallelism clamped to the pool size.")
        int parallelism,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5",
                description = "Items per chunk now. It changes while the job runs: chunks adapt to about 2 ms of work each, "
                        + "never above the requested chunkSize or, without one, Pool.map's ceil(n / (4 × parallelism)).")
        int chunkSize,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3600000") long timeoutMs,
        @Schema(ref = "#/components/schemas/Problem",
                description = "Why the job did not succeed (a problem detail: item-failed, job-timed-out or job-cancelled); "
                        + "present exactly when the status is FAILED, TIMED_OUT or CANCELLED.")
        Map<String, Object> error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Worker name → items it computed for this job (worker-N; io-N for I/O operations; in a cluster prefixed by the member, member/worker-N).",
                example = "{\"worker-1\": 5}")
        Map<String, Long> workers,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-30T09:00:00.000Z") Instant submittedAt,
        @Schema(example = "2026-11-30T09:00:00.001Z", description = "When the first chunk started; absent while QUEUED.") Instant startedAt,
        @Schema(example = "2026-11-30T09:00:00.002Z", description = "When the job ended; absent while QUEUED or RUNNING.") Instant finishedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") long durationMs) {

    /**
     * Items computed so far.
     *
     * @param completed items computed
     * @param total items in the job
     */
    public record Progress(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5") long completed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5") long total) {
    }

    /** The job as it stands, its status read once; {@code status} is what the caller read, so that it can add results that match. */
    static JobSummary of(Job job, JobStatus status, Instant now) {
        JobError error = status.isTerminal() ? job.error() : null;
        Instant finishedAt = status.isTerminal() ? job.finishedAt() : null;
        Instant end = finishedAt != null ? finishedAt : now;
        long completed = job.completed();
        String expression = job.expression();
        return new JobSummary(job.id(), expression == null ? job.operationName() : null, expression, status, job.size(),
                new Progress(completed, job.size()),
                job.parallelism(), job.chunkSize(), job.timeoutMs(),
                error == null ? null : JobProblems.endedAsMap(job, error, completed),
                job.itemsByWorker(), job.submittedAt(), job.startedAt(), finishedAt,
                Duration.between(job.submittedAt(), end).toMillis());
    }

    static JobSummary of(Job job, Instant now) {
        return of(job, job.status(), now);
    }
}
