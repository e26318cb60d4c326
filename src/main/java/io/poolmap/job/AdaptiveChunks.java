package io.poolmap.job;

/**
 * A running job's next chunk size and progress stride, which follow the measured cost of its items by
 * {@link ChunkSizing}'s rule: each finished chunk's cost per item is averaged with what was known before.
 */
final class AdaptiveChunks {

    private final int maxChunkSize;
    private double nanosPerItem;
    private volatile int chunkSize;
    private volatile int stride;

    /**
     * @param firstChunkSize the first chunk's size, before anything is measured
     * @param maxChunkSize the largest chunk, whatever the measured cost
     * @param firstStride items between progress updates before anything is measured
     */
    AdaptiveChunks(int firstChunkSize, int maxChunkSize, int firstStride) {
        this.chunkSize = firstChunkSize;
        this.maxChunkSize = Math.max(firstChunkSize, maxChunkSize);
        this.stride = firstStride;
    }

    /** Sizes the next chunks from a chunk that computed {@code items} in {@code nanos}. */
    synchronized void measured(int items, long nanos) {
        if (items == 0) {
            return;
        }
        double perItem = (double) Math.max(1, nanos) / items;
        nanosPerItem = nanosPerItem == 0 ? perItem : (nanosPerItem + perItem) / 2;
        chunkSize = ChunkSizing.chunkSizeFor(nanosPerItem, maxChunkSize);
        stride = ChunkSizing.strideFor(nanosPerItem);
    }

    /** The size of the next chunk. */
    int chunkSize() {
        return chunkSize;
    }

    /** Items between two progress updates: about 100 µs of work. */
    int stride() {
        return stride;
    }
}
