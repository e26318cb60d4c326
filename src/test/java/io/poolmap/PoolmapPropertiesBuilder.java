package io.poolmap;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Builds {@link PoolmapProperties} for tests that run without Spring: small, fast defaults (two workers,
 * short grace) that each test changes only where it matters.
 */
public final class PoolmapPropertiesBuilder {

    private int workers = 2;
    private int maxBatchSize = 10_000;
    private int maxDigits = 1000;
    private DataSize maxRequestSize = DataSize.ofMegabytes(16);
    private long maxResultDigits = 50_000_000;
    private long queueCapacity = 100_000;
    private int maxIoParallelism = 8;
    private Duration syncWait = Duration.ofSeconds(10);
    private Duration maxWait = Duration.ofSeconds(60);
    private Duration maxTimeout = Duration.ofHours(1);
    private Duration retention = Duration.ofHours(1);
    private int maxRetainedJobs = 1000;
    private long maxRetainedItems = 20_000_000;
    private Duration shutdownGrace = Duration.ofMillis(500);
    /** Off, so that tests which hold workers at a gate see every job handed to them; tiny-job tests turn it on. */
    private Duration tinyJobLimit = Duration.ZERO;

    private PoolmapPropertiesBuilder() {
    }

    public static PoolmapPropertiesBuilder aPoolmapProperties() {
        return new PoolmapPropertiesBuilder();
    }

    public PoolmapPropertiesBuilder workers(int workers) {
        this.workers = workers;
        return this;
    }

    /** Sets both the queue capacity and the largest batch, which may not exceed it. */
    public PoolmapPropertiesBuilder queueCapacity(long items) {
        this.queueCapacity = items;
        this.maxBatchSize = (int) Math.min(maxBatchSize, items);
        return this;
    }

    public PoolmapPropertiesBuilder maxIoParallelism(int lanes) {
        this.maxIoParallelism = lanes;
        return this;
    }

    public PoolmapPropertiesBuilder maxTimeout(Duration maxTimeout) {
        this.maxTimeout = maxTimeout;
        return this;
    }

    public PoolmapPropertiesBuilder retention(Duration retention) {
        this.retention = retention;
        return this;
    }

    public PoolmapPropertiesBuilder maxRetainedItems(long items) {
        this.maxRetainedItems = items;
        return this;
    }

    public PoolmapPropertiesBuilder maxRetainedJobs(int jobs) {
        this.maxRetainedJobs = jobs;
        return this;
    }

    public PoolmapPropertiesBuilder shutdownGrace(Duration grace) {
        this.shutdownGrace = grace;
        return this;
    }

    public PoolmapPropertiesBuilder maxResultDigits(long digits) {
        this.maxResultDigits = digits;
        return this;
    }

    public PoolmapPropertiesBuilder tinyJobLimit(Duration limit) {
        this.tinyJobLimit = limit;
        return this;
    }

    public PoolmapProperties build() {
        return new PoolmapProperties(workers, maxBatchSize, maxDigits, maxRequestSize, maxResultDigits, queueCapacity,
                maxIoParallelism, syncWait, maxWait, maxTimeout, retention, maxRetainedJobs, maxRetainedItems, shutdownGrace,
                tinyJobLimit);
    }
}
