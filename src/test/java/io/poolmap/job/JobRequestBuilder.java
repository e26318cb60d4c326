package io.poolmap.job;

import java.util.stream.LongStream;

import io.poolmap.operation.Numbers;

/** Builds {@link JobRequest}s: {@code aJobRequest().operation("test_double").numbers(1, 2, 3).build()}. */
final class JobRequestBuilder {

    private String operation = "test_double";
    private Numbers numbers = Numbers.ofLongs(1, 2, 3);
    private Integer parallelism;
    private Integer chunkSize;
    private Long timeoutMs;
    private Boolean async;

    private JobRequestBuilder() {
    }

    static JobRequestBuilder aJobRequest() {
        return new JobRequestBuilder();
    }

    JobRequestBuilder operation(String operation) {
        this.operation = operation;
        return this;
    }

    JobRequestBuilder numbers(long... numbers) {
        this.numbers = Numbers.ofLongs(numbers);
        return this;
    }

    /** The numbers 0 … count − 1. */
    JobRequestBuilder range(int count) {
        return numbers(LongStream.range(0, count).toArray());
    }

    JobRequestBuilder numbers(Numbers numbers) {
        this.numbers = numbers;
        return this;
    }

    JobRequestBuilder parallelism(Integer parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    JobRequestBuilder chunkSize(Integer chunkSize) {
        this.chunkSize = chunkSize;
        return this;
    }

    JobRequestBuilder timeoutMs(Long timeoutMs) {
        this.timeoutMs = timeoutMs;
        return this;
    }

    JobRequestBuilder async(Boolean async) {
        this.async = async;
        return this;
    }

    JobRequest build() {
        return new JobRequest(operation, numbers, parallelism, chunkSize, timeoutMs, async);
    }
}
