package io.poolmap.job.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.poolmap.job.Job;
import io.poolmap.job.JobStatus;
import io.poolmap.operation.NumberRange;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A job as clients see it wherever one job is answered (submit, get, join, cancel): its {@link JobSummary} and, exactly
 * when the status is {@code SUCCEEDED}, its results, whatever the status code ({@code 202} included: a job may have
 * finished by the time its acceptance is written). Status and results come from one read of the status, so a view
 * never shows results without the SUCCEEDED that goes with them; the results are read from wherever the job keeps
 * them (its array on the heap, or the store) as they are written, and no longer change once the job has succeeded.
 *
 * @param job the job without its results
 * @param results the results in input order, exactly when the status is {@code SUCCEEDED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A job: status and progress; results exactly when it SUCCEEDED, error exactly when it FAILED, TIMED_OUT or was CANCELLED.")
public record JobView(
        @JsonUnwrapped JobSummary job,
        @ArraySchema(schema = @Schema(ref = "#/components/schemas/Result"), arraySchema = @Schema(example = "[2, 4, 6, 8, 10]",
                description = "Results in input order: integers exact at any size, decimals as doubles, true/false for is_prime; "
                        + "present exactly when the status is SUCCEEDED."))
        NumberRange results) {

    static JobView of(Job job, Instant now) {
        JobStatus status = job.status();
        return new JobView(JobSummary.of(job, status, now), job.resultRange(status));
    }
}
