package io.poolmap.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.operation.Numbers;

/**
 * The chunks a job has handed out (which items, which worker, how far each got), its progress, and the size of the
 * next chunk ({@link ChunkSizing}). Chunks are handed out in item order, never across a segment ({@link SegmentBook}),
 * once per chunk under this object's lock, never per item; a segment computed before a restart is listed, as done
 * chunks, when the ledger reaches it. When the job ends the ledger is closed: what readers see ({@link ChunkReadings})
 * no longer changes, even while an item that was computing when the job ended finishes.
 */
final class ChunkLedger {

    /** A handed-out range of items; {@code done} and {@code worker} are published for readers of progress. */
    static final class Chunk {
        final int from;
        final int to;
        volatile String worker;
        volatile int done;

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Worker names and the ends (within a segment) of the runs of items each computed. */
    record WorkerRuns(List<String> workers, List<Integer> ends) {
    }

    private final int size;
    private final SegmentBook segments;
    private final AdaptiveChunks sizing;
    private final int lanes;
    private final List<Chunk> chunks = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private volatile int nextItem;
    private volatile int[] frozenDone;
    private long frozenCompleted;

    ChunkLedger(int size, int firstChunkSize, int maxChunkSize, int firstStride) {
        this(Segments.of(size), firstChunkSize, maxChunkSize, firstStride, 1);
    }

    /**
     * @param segments how the job's items are cut into segments
     * @param firstChunkSize the first chunk's size, before anything is measured
     * @param maxChunkSize the largest chunk, whatever the measured cost
     * @param firstStride items between progress updates before anything is measured
     * @param lanes how many workers compute the job at once: with two or more, chunks shrink towards the end
     *        ({@link ChunkSizing#towardsTheEnd}) so that they finish together
     */
    ChunkLedger(Segments segments, int firstChunkSize, int maxChunkSize, int firstStride, int lanes) {
        this.size = segments.size();
        this.segments = new SegmentBook(segments);
        this.sizing = new AdaptiveChunks(firstChunkSize, maxChunkSize, firstStride);
        this.lanes = lanes;
    }

    /**
     * Records a segment computed before a restart (its results are in the store): {@code workers[r]} computed the
     * segment's items up to {@code runEnds[r]} (positions in the segment). Call before anything is handed out.
     */
    synchronized void restore(int segment, List<String> workers, List<Integer> runEnds) {
        int from = segments.segments().from(segment);
        List<Chunk> done = new ArrayList<>();
        int start = 0;
        for (int r = 0; r < workers.size(); r++) {
            Chunk chunk = new Chunk(from + start, from + runEnds.get(r));
            chunk.worker = workers.get(r);
            chunk.done = chunk.to - chunk.from;
            done.add(chunk);
            start = runEnds.get(r);
        }
        completed.addAndGet(segments.restore(segment, done));
    }

    /** Hands out the next chunk and returns its index, or {@code -1} when every item has been handed out. */
    synchronized int claim() {
        listRestoredAtNextItem();
        if (nextItem >= size) {
            return -1;
        }
        int from = nextItem;
        int chunkSize = ChunkSizing.towardsTheEnd(sizing.chunkSize(), size - from, lanes, sizing.stride());
        int to = (int) Math.min(Math.min(size, (long) from + chunkSize), segments.segments().to(segments.segments().holding(from)));
        nextItem = to;
        chunks.add(new Chunk(from, to));
        return chunks.size() - 1;
    }

    /** Lists the restored segments that start at {@code nextItem} as done chunks, and moves past them. */
    private void listRestoredAtNextItem() {
        Segments cut = segments.segments();
        while (nextItem < size && segments.restored(cut.holding(nextItem))) {
            chunks.addAll(segments.takeRestored(cut.holding(nextItem)));
            nextItem = cut.to(cut.holding(nextItem));
        }
    }

    /** Lists every restored segment not listed yet, in item order, as a closed ledger shows all it knows. */
    private void listRestoredLeft() {
        Segments cut = segments.segments();
        for (int segment = nextItem < size ? cut.holding(nextItem) : cut.count(); segment < cut.count(); segment++) {
            if (segments.restored(segment)) {
                chunks.addAll(segments.takeRestored(segment));
            }
        }
    }

    boolean hasUnclaimed() {
        return segments.skipRestored(nextItem) < size;
    }

    /** Hands out nothing more, freezes what readers see, and returns how many items were never handed out. */
    synchronized long close() {
        long unclaimed = 0;
        Segments cut = segments.segments();
        for (int item = nextItem; item < size; item = cut.to(cut.holding(item))) {
            if (!segments.restored(cut.holding(item))) {
                unclaimed += cut.to(cut.holding(item)) - item;
            }
        }
        listRestoredLeft();
        nextItem = size;
        int[] done = new int[chunks.size()];
        for (int c = 0; c < done.length; c++) {
            done[c] = chunks.get(c).done;
        }
        frozenCompleted = completed.get();
        frozenDone = done;
        return unclaimed;
    }

    synchronized Chunk get(int index) {
        return chunks.get(index);
    }

    /** Records that {@code chunk} has computed its items up to {@code upTo} (exclusive). */
    void publish(Chunk chunk, int upTo) {
        int previously = chunk.done;
        int now = upTo - chunk.from;
        if (now > previously) {
            chunk.done = now;
            completed.addAndGet(now - previously);
        }
    }

    /** Records that {@code chunk} computed all its items; returns its segment if that completed it, else {@code -1}. */
    synchronized int chunkDone(Chunk chunk) {
        int segment = segments.segments().holding(chunk.from);
        return segments.computed(segment, chunk.to - chunk.from) ? segment : -1;
    }

    /** The segments whose every item is computed (restored ones among them). */
    synchronized List<Integer> completeSegments() {
        return segments.complete();
    }

    /** The items restored from the store, which no run hands out or gives back to the queue. */
    synchronized long restoredItems() {
        return segments.restoredItems();
    }

    /** Who computed the items of {@code segment}. */
    synchronized WorkerRuns runs(int segment) {
        Segments cut = segments.segments();
        return readings().runs(cut.from(segment), cut.to(segment));
    }

    /** Sizes the next chunks from a chunk that computed {@code items} in {@code nanos}. */
    void measured(int items, long nanos) {
        sizing.measured(items, nanos);
    }

    /** Items computed; once frozen, the count at the end. */
    long completed() {
        return frozenDone != null ? frozenCompleted : completed.get();
    }

    /** The size of the next chunk. */
    int chunkSize() {
        return sizing.chunkSize();
    }

    /** Items between two progress updates: about 100 µs of work. */
    int stride() {
        return sizing.stride();
    }

    private ChunkReadings readings() {
        return new ChunkReadings(chunks, frozenDone);
    }

    /** Worker name → items it computed, in name order ({@code worker-2} before {@code worker-10}). */
    synchronized Map<String, Long> itemsByWorker() {
        return readings().itemsByWorker();
    }

    /** Up to {@code max} chunks from number {@code first} on, each with how many of its items are computed. */
    synchronized List<ChunkProgress> progress(int first, int max) {
        return readings().progress(first, max);
    }

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else {@code null}s. */
    synchronized List<JobItem> items(int offset, int limit, Numbers input, Numbers results) {
        return readings().items(offset, limit, size, input, results);
    }
}
