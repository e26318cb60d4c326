package io.poolmap.job;

import java.util.concurrent.TimeUnit;

/**
 * The sizing rules of chunks, in one place: a job starts with a small probe chunk (inputs may cost far more than
 * their operation declares), then each chunk's measured cost per item sizes the next so that it runs about
 * {@link #TARGET_CHUNK_NANOS}, never above the job's largest chunk (the client's {@code chunkSize}, or Pool.map's
 * {@code ceil(n / (4 × workers))}). Short chunks are what let a small job in between a big job's chunks, and a
 * cancel take effect soon.
 */
final class ChunkSizing {

    /** How long one chunk should run: short enough that other jobs get a worker soon and a cancel is prompt. */
    static final long TARGET_CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** The most items of a first chunk, before anything is measured. */
    static final int PROBE_CHUNK_SIZE = 64;

    /** How much work runs between two progress updates (and deadline checks). */
    private static final long STRIDE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private static final int MAX_STRIDE = 4096;

    private ChunkSizing() {
    }

    /** Pool.map's rule, {@code ceil(n / (4 × workers))}: the largest chunk poolmap chooses by itself. */
    static int poolMapChunkSize(int items, int parallelism) {
        return (int) Math.max(1, (items + 4L * parallelism - 1) / (4L * parallelism));
    }

    /** A first chunk that measures the real cost: at most {@value #PROBE_CHUNK_SIZE} items, and about 2 ms by the declared cost. */
    static int probeChunkSize(long costNanos) {
        long byTime = Math.max(1, TARGET_CHUNK_NANOS / Math.max(1, costNanos));
        return (int) Math.min(byTime, PROBE_CHUNK_SIZE);
    }

    /** The first chunk's size when the client gives none: the probe, never above Pool.map's rule. */
    static int autoChunkSize(int items, int parallelism, long costNanos) {
        return Math.min(poolMapChunkSize(items, parallelism), probeChunkSize(costNanos));
    }

    /** Items per chunk for a measured cost per item: about {@link #TARGET_CHUNK_NANOS} of work, within 1 … {@code max}. */
    static int chunkSizeFor(double nanosPerItem, int max) {
        return (int) Math.clamp((long) (TARGET_CHUNK_NANOS / nanosPerItem), 1, max);
    }

    /**
     * The next chunk's size near the end of a job computed on {@code lanes} workers: at most a {@code 2 × lanes}-th of
     * the items not handed out yet, never below {@code floor}, so that the lanes finish together instead of one idling
     * while another computes the last full-size chunk (up to 2 ms of a two-worker job's ~25 ms). One lane has no one to
     * wait for, so its chunks stay whole.
     */
    static int towardsTheEnd(int chunkSize, int itemsLeft, int lanes, int floor) {
        if (lanes < 2) {
            return chunkSize;
        }
        long share = ((long) itemsLeft + 2L * lanes - 1) / (2L * lanes);
        return (int) Math.min(chunkSize, Math.max(floor, share));
    }

    /** Items between two progress updates for a cost per item: about 100 µs of work, within 1 … 4096. */
    static int strideFor(double nanosPerItem) {
        return (int) Math.clamp((long) (STRIDE_NANOS / Math.max(1, nanosPerItem)), 1, MAX_STRIDE);
    }
}
