package io.poolmap.job.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.poolmap.job.JobSubmission;
import io.poolmap.operation.Numbers;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A job to run, as {@code Pool(processes=parallelism).map(operation, numbers, chunksize)}: of a named operation or of
 * an expression, exactly one of them.
 *
 * @param operation the operation's name, as listed by {@code GET /api/v1/operations}
 * @param expression a Python expression in {@code x}, such as {@code x**2 + 3*x + 1}
 * @param numbers the batch: 1 … {@code poolmap.max-batch-size} JSON numbers; integers are exact at any size
 * @param parallelism most workers this job may use at once; above the pool size it is clamped
 * @param chunkSize items per chunk; when absent poolmap chooses one from the batch size and the operation's cost
 * @param timeoutMs time limit in milliseconds; at most {@code poolmap.max-timeout}, which is also the default
 * @param async answer 202 at once instead of waiting for the result (as the header {@code Prefer: respond-async})
 */
@Schema(description = "A batch of numbers and the operation or the expression to map over them (exactly one of the two).")
record JobRequest(
        @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") // the same in Java and ECMAScript, for the document
        @Schema(example = "double",
                description = "The operation's name, as listed by GET /api/v1/operations. Exactly one of operation and expression.")
        String operation,
        @Schema(example = "x**2 + 3*x + 1",
                description = "A Python 3 expression in x, computed for each number with Python's semantics (integers exact, "
                        + "/ true division, // and % floored): + - * / // % **, comparisons, and/or/not, a if c else b, "
                        + "abs min max round sqrt floor ceil log exp gcd isqrt, pi, e, True, False; the whole language is "
                        + "at GET /api/v1/operations/expression. Exactly one of operation and expression.")
        String expression,
        @NotNull
        @ArraySchema(schema = @Schema(type = "number"), minItems = 1,
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[1, 2, 3, 4, 5]",
                        description = "1 … poolmap.max-batch-size JSON numbers. Integers are exact at any size up to "
                                + "poolmap.max-digits digits; decimals are IEEE-754 doubles."))
        Numbers numbers,
        @Min(1)
        @Schema(example = "4", minimum = "1", description = "Most workers this job may use at once; above the pool size it is clamped. Default: the pool size.")
        Integer parallelism,
        @Min(1)
        @Schema(minimum = "1", description = "Items per chunk. Default: chosen from the batch size and the operation's cost, never larger than Pool.map's ceil(n / (4 × workers)).")
        Integer chunkSize,
        @Min(1)
        @Schema(minimum = "1", example = "10000", description = "Time limit in milliseconds; at most poolmap.max-timeout, which is also the default.")
        Long timeoutMs,
        @Schema(example = "false", description = "true: answer 202 Accepted at once with a Location (as the header Prefer: respond-async).")
        Boolean async) {

    /** What the engine is asked to run. */
    JobSubmission toSubmission() {
        return toSubmission(null);
    }

    /** What the engine is asked to run, with the request's {@code Idempotency-Key}, if it has one. */
    JobSubmission toSubmission(JobSubmission.Idempotency idempotency) {
        return new JobSubmission(operation, expression, numbers, parallelism, chunkSize, timeoutMs, idempotency);
    }
}
