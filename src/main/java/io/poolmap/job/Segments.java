package io.poolmap.job;

/**
 * How a job's items are cut into segments: the units that are claimed, stored and resumed whole (a chunk never
 * crosses one), fixed when the job is planned so that every member and every restart cuts a job the same way.
 * Chunks, which adapt to about 2 ms of work for fairness, run inside them.
 *
 * @param size the job's number of items
 * @param segmentSize items per segment (the last one may have fewer)
 */
record Segments(int size, int segmentSize) {

    /** At most 64 segments a job, no fewer than 1,024 items each (a small job is one), no more than 65,536. */
    static Segments of(int size) {
        int segmentSize = size <= 1024 ? Math.max(1, size) : (int) Math.clamp((size + 63L) / 64, 1024, 65_536);
        return new Segments(size, segmentSize);
    }

    int count() {
        return (int) ((size + (long) segmentSize - 1) / segmentSize);
    }

    /** The segment that holds item {@code index}. */
    int holding(int index) {
        return index / segmentSize;
    }

    int from(int segment) {
        return segment * segmentSize;
    }

    /** The end (exclusive) of {@code segment}. */
    int to(int segment) {
        return (int) Math.min(size, (long) (segment + 1) * segmentSize);
    }

    int length(int segment) {
        return to(segment) - from(segment);
    }
}
