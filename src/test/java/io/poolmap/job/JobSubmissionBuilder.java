package io.poolmap.job;

import java.util.stream.LongStream;

import io.poolmap.operation.Numbers;

/** Builds {@link JobSubmission}s: {@code aSubmission().operation("test_double").numbers(1, 2, 3).build()}. */
public final class JobSubmissionBuilder {

    private String operation = "test_double";
    private String expression;
    private Numbers numbers = Numbers.ofLongs(1, 2, 3);
    private Integer parallelism;
    private Integer chunkSize;
    private Long timeoutMs;
    private JobSubmission.Idempotency idempotency;

    private JobSubmissionBuilder() {
    }

    public static JobSubmissionBuilder aSubmission() {
        return new JobSubmissionBuilder();
    }

    public JobSubmissionBuilder operation(String operation) {
        this.operation = operation;
        return this;
    }

    /** A job of this expression instead of an operation. */
    public JobSubmissionBuilder expression(String expression) {
        this.expression = expression;
        this.operation = null;
        return this;
    }

    public JobSubmissionBuilder numbers(long... numbers) {
        this.numbers = Numbers.ofLongs(numbers);
        return this;
    }

    /** The numbers 0 … count − 1. */
    public JobSubmissionBuilder range(int count) {
        return numbers(LongStream.range(0, count).toArray());
    }

    public JobSubmissionBuilder numbers(Numbers numbers) {
        this.numbers = numbers;
        return this;
    }

    public JobSubmissionBuilder parallelism(Integer parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    public JobSubmissionBuilder chunkSize(Integer chunkSize) {
        this.chunkSize = chunkSize;
        return this;
    }

    public JobSubmissionBuilder timeoutMs(Long timeoutMs) {
        this.timeoutMs = timeoutMs;
        return this;
    }

    public JobSubmissionBuilder idempotency(JobSubmission.Idempotency idempotency) {
        this.idempotency = idempotency;
        return this;
    }

    public JobSubmission build() {
        return new JobSubmission(operation, expression, numbers, parallelism, chunkSize, timeoutMs, idempotency);
    }
}
