package io.poolmap.job.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poolmap.job.Job;
import io.poolmap.job.JobError;
import io.poolmap.job.JobStatus;
import io.poolmap.operation.Numbers;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A job as clients see it, read once: every field from one look at the job, so that a view never shows results
 * without the SUCCEEDED status that goes with them. The results are the job's own array, which no longer changes
 * once the job has succeeded.
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
 * @param results the results in input order, only when the job {@code SUCCEEDED}
 * @param error why the job did not succeed, as a problem detail
 * @param workers worker name → items it computed for this job
 * @param submittedAt when the job was admitted
 * @param startedAt when its first chunk started
 * @param finishedAt when it ended
 * @param durationMs from submission to the end (or to now while it runs)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A job: status, progress, results when it succeeded, error when it did not.")
public record JobView(
        @Schema(example = "0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21") String id,
        @Schema(example = "double", description = "The operation's name; absent when the job maps an expression.") String operation,
        @Schema(example = "x**2 + 3*x + 1", description = "The expression the job maps; absent when it names an operation.") String expression,
        @Schema(example = "SUCCEEDED") JobStatus status,
        @Schema(example = "5") int size,
        Progress progress,
        @Schema(example = "4") int parallelism,
        @Schema(example = "1") int chunkSize,
        @Schema(example = "3600000") long timeoutMs,
        @ArraySchema(schema = @Schema(type = "number"), arraySchema = @Schema(example = "[2, 4, 6, 8, 10]",
                description = "Results in input order (integers exact, decimals as doubles, booleans for is_prime); only when SUCCEEDED."))
        Numbers results,
        @Schema(description = "A problem detail (RFC 9457) saying why the job failed, timed out or was cancelled.",
                example = "{\"type\":\"urn:poolmap:problem:item-failed\",\"title\":\"Item failed\",\"status\":422,"
                        + "\"detail\":\"numbers[1] = 1.0E200: square(1.0E200) is not a finite number\",\"jobId\":\"…\",\"index\":1,\"value\":1.0E200}")
        Map<String, Object> error,
        @Schema(description = "Worker name → items it computed for this job (worker-N; io-N for I/O operations).",
                example = "{\"worker-1\": 3, \"worker-2\": 2}")
        Map<String, Long> workers,
        @Schema(example = "2026-11-30T09:00:00.000Z") Instant submittedAt,
        @Schema(example = "2026-11-30T09:00:00.001Z") Instant startedAt,
        @Schema(example = "2026-11-30T09:00:00.002Z") Instant finishedAt,
        @Schema(example = "2") long durationMs) {

    /**
     * Items computed so far.
     *
     * @param completed items computed
     * @param total items in the job
     */
    public record Progress(@Schema(example = "5") long completed, @Schema(example = "5") long total) {
    }

    static JobView of(Job job, boolean withResults, Instant now) {
        JobStatus status = job.status();
        JobError error = status.isTerminal() ? job.error() : null;
        Instant finishedAt = status.isTerminal() ? job.finishedAt() : null;
        Instant end = finishedAt != null ? finishedAt : now;
        long completed = job.completed();
        String expression = job.expression();
        return new JobView(job.id(), expression == null ? job.operationName() : null, expression, status, job.size(),
                new Progress(completed, job.size()), job.parallelism(), job.chunkSize(), job.timeoutMs(),
                withResults ? job.resultsIf(status) : null,
                error == null ? null : JobProblems.endedAsMap(job, error, completed),
                job.itemsByWorker(), job.submittedAt(), job.startedAt(), finishedAt,
                Duration.between(job.submittedAt(), end).toMillis());
    }
}
