package io.poolmap;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of poolmap, under {@code poolmap.*}; checked at start-up, so that a bad value stops the
 * start with a message naming the property instead of misbehaving later.
 *
 * @param workers number of CPU worker threads ({@code worker-1} … {@code worker-N}); 0 means one per
 *        available processor, as Python's {@code Pool()} with {@code cpu_count()} (container-aware)
 * @param maxBatchSize most numbers one job may hold; more is refused with 413
 * @param maxDigits most decimal digits of one integer in a request; longer is refused with 400
 * @param maxRequestSize largest request body, as a data size ({@code 16MB}; a plain number is bytes); larger
 *        is refused with 413
 * @param maxResultDigits most decimal digits that one job's results may add up to (factorial and fibonacci
 *        grow fast); a batch estimated above it is refused with 422 before it runs
 * @param queueCapacity most items admitted and not yet computed (queued or running) across all jobs; a job
 *        that does not fit the room left is refused with 429; at least {@code max-batch-size}
 * @param maxIoParallelism most virtual threads one I/O job (e.g. {@code sleep}) may use at once
 * @param syncWait how long a synchronous {@code POST} waits for its job before answering 202 with a Location
 * @param maxWait the longest {@code wait} that {@code GET /api/v1/jobs/{id}} honours; longer waits are cut to it
 * @param maxTimeout the longest {@code timeoutMs} a job may ask for, and the timeout of a job that asks none
 * @param retention how long a finished job (and its results) stays readable
 * @param maxRetainedJobs most finished jobs kept; the oldest finished go first
 * @param maxRetainedItems most items (inputs and results) of finished jobs kept, which bounds the memory that
 *        retention holds (about 25 bytes an item); the oldest finished jobs go first; {@code 0} means as many as
 *        {@code poolmap.memory.retained-percent} of the maximum heap holds
 * @param shutdownGrace how long shutdown lets in-flight jobs finish before it cancels them
 * @param tinyJobLimit a CPU job of at most 64 items whose declared cost (items × the operation's cost per item) is
 *        below this is computed on the request's own thread while a worker is idle, as that worker (named, timed and
 *        counted as it), since handing it to the worker's thread would cost more than computing it; when no worker
 *        is idle it queues like any other job; {@code 0} hands every job to the workers' threads
 */
@ConfigurationProperties("poolmap")
@Validated
public record PoolmapProperties(
        @DefaultValue("0") @Min(0) @Max(4096) int workers,
        @DefaultValue("1000000") @Min(1) @Max(100_000_000) int maxBatchSize,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxDigits,
        @DefaultValue("16MB") @NotNull DataSize maxRequestSize,
        @DefaultValue("50000000") @Min(1) long maxResultDigits,
        @DefaultValue("4000000") @Min(1) long queueCapacity,
        @DefaultValue("256") @Min(1) @Max(100_000) int maxIoParallelism,
        @DefaultValue("10s") @NotNull Duration syncWait,
        @DefaultValue("60s") @NotNull Duration maxWait,
        @DefaultValue("1h") @NotNull Duration maxTimeout,
        @DefaultValue("1h") @NotNull Duration retention,
        @DefaultValue("1000") @Min(0) int maxRetainedJobs,
        @DefaultValue("0") @Min(0) long maxRetainedItems,
        @DefaultValue("20s") @NotNull Duration shutdownGrace,
        @DefaultValue("50us") @NotNull Duration tinyJobLimit) {

    /** The most items of finished jobs kept: {@link #maxRetainedItems()}, or what {@code memory} derives from the heap when it is 0. */
    public long effectiveMaxRetainedItems(MemoryProperties memory) {
        return maxRetainedItems > 0 ? maxRetainedItems : memory.retainedItems(Runtime.getRuntime().maxMemory());
    }

    /** The number of CPU workers to start: {@link #workers()}, or the available processors when it is 0. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    @AssertTrue(message = "poolmap.queue-capacity must be at least poolmap.max-batch-size, so that a job of the largest size can be admitted")
    public boolean isQueueCapacityAtLeastMaxBatchSize() {
        return queueCapacity >= maxBatchSize;
    }

    @AssertTrue(message = "poolmap.max-request-size must be at least 1 byte")
    public boolean isMaxRequestSizePositive() {
        return maxRequestSize == null || maxRequestSize.toBytes() > 0;
    }

    @AssertTrue(message = "poolmap.tiny-job-limit must not be negative (0 hands every job to the workers' threads)")
    public boolean isTinyJobLimitNotNegative() {
        return tinyJobLimit == null || !tinyJobLimit.isNegative();
    }

    @AssertTrue(message = "poolmap.sync-wait, poolmap.max-wait, poolmap.max-timeout, poolmap.retention and poolmap.shutdown-grace must be positive durations")
    public boolean isDurationsPositive() {
        for (Duration duration : new Duration[] {syncWait, maxWait, maxTimeout, retention, shutdownGrace}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                return false;
            }
        }
        return true;
    }
}
