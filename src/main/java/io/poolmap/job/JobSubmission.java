package io.poolmap.job;

import java.util.Objects;

import io.poolmap.operation.Numbers;

/**
 * What a client asks of the engine, as {@code Pool(processes=parallelism).map(operation, numbers, chunksize)}:
 * checked by {@link JobPlanner}, which refuses it or turns it into a {@link JobPlan}. It names an operation or gives
 * an expression, exactly one of them; the planner refuses anything else.
 *
 * @param operation the operation's name, or {@code null} for an expression
 * @param expression a Python expression in {@code x}, or {@code null} for an operation
 * @param numbers the batch, at least one number
 * @param parallelism most workers the job may use at once, or {@code null} for the pool's size
 * @param chunkSize the largest chunk, or {@code null} to let poolmap choose
 * @param timeoutMs the time limit in milliseconds, or {@code null} for {@code poolmap.max-timeout}
 * @param idempotency the request's {@code Idempotency-Key} and a hash of what it asks, or {@code null}
 */
public record JobSubmission(String operation, String expression, Numbers numbers, Integer parallelism, Integer chunkSize,
        Long timeoutMs, Idempotency idempotency) {

    public JobSubmission {
        Objects.requireNonNull(numbers, "a job needs numbers");
    }

    /** A job of a named operation. */
    public JobSubmission(String operation, Numbers numbers, Integer parallelism, Integer chunkSize, Long timeoutMs) {
        this(operation, null, numbers, parallelism, chunkSize, timeoutMs, null);
    }

    /** A job of a named operation or an expression, without an {@code Idempotency-Key}. */
    public JobSubmission(String operation, String expression, Numbers numbers, Integer parallelism, Integer chunkSize,
            Long timeoutMs) {
        this(operation, expression, numbers, parallelism, chunkSize, timeoutMs, null);
    }

    /**
     * An {@code Idempotency-Key} (as in the IETF draft): the same key with the same request finds the job it created;
     * with another request it is refused.
     *
     * @param key the key the client sent
     * @param requestHash a hash of the request, so that the same key with another body is told apart
     */
    public record Idempotency(String key, String requestHash) {

        public Idempotency {
            Objects.requireNonNull(key, "an idempotency key");
            Objects.requireNonNull(requestHash, "a request hash");
        }
    }
}
