package io.poolmap.job.web;

import io.poolmap.operation.NumbersBuilder;

/**
 * The fields of a job request as {@link JobRequestReader} reads them; the numbers are still a builder, so that the
 * body's bytes can be let go before the numbers are joined into one batch ({@link #request()}).
 */
final class JobRequestFields {

    String operation;
    String expression;
    NumbersBuilder numbers;
    Integer parallelism;
    Integer chunkSize;
    Long timeoutMs;
    Boolean async;

    JobRequest request() {
        return new JobRequest(operation, expression, numbers == null ? null : numbers.build(), parallelism, chunkSize, timeoutMs, async);
    }
}
