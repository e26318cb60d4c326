package io.poolmap.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.operation.Numbers;

/**
 * The chunks a job has handed out (which items, which worker, how far each got), its progress, and the size of
 * the next chunk ({@link ChunkSizing}). Chunks are handed out in item order, once per chunk under this object's
 * lock, never per item. When the job ends the ledger is {@linkplain #freeze() frozen}: what readers see no longer
 * changes, even while an item that was computing when the job ended finishes.
 */
final class ChunkLedger {

    /** A handed-out range of items; {@code done} and {@code worker} are published for readers of progress. */
    static final class Chunk {
        final int from;
        final int to;
        volatile String worker;
        volatile int done;

        private Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    private final int size;
    private final int maxChunkSize;
    private final Segments segments;
    /** Items of each segment not computed yet; a segment is complete at 0. */
    private final int[] segmentLeft;
    /** Segments computed before this run started (resumed from the store): never handed out again. */
    private final java.util.BitSet restored = new java.util.BitSet();
    private final List<Chunk> chunks = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private volatile int nextItem;
    private volatile int chunkSize;
    private volatile int stride;
    private double nanosPerItem;
    private volatile int[] frozenDone;
    private long frozenCompleted;

    /**
     * @param size the job's number of items
     * @param firstChunkSize the first chunk's size, before anything is measured
     * @param maxChunkSize the largest chunk, whatever the measured cost
     * @param firstStride items between progress updates before anything is measured
     */
    ChunkLedger(int size, int firstChunkSize, int maxChunkSize, int firstStride) {
        this(Segments.of(size), firstChunkSize, maxChunkSize, firstStride);
    }

    ChunkLedger(Segments segments, int firstChunkSize, int maxChunkSize, int firstStride) {
        this.size = segments.size();
        this.segments = segments;
        this.segmentLeft = new int[segments.count()];
        for (int k = 0; k < segmentLeft.length; k++) {
            segmentLeft[k] = segments.length(k);
        }
        this.chunkSize = firstChunkSize;
        this.maxChunkSize = Math.max(firstChunkSize, maxChunkSize);
        this.stride = firstStride;
    }

    /**
     * Records a segment computed before this run (its results are in the store): {@code workers[r]} computed the
     * segment's items up to {@code runEnds[r]} (positions within the segment). Call before anything is handed out.
     */
    synchronized void restore(int segment, List<String> workers, List<Integer> runEnds) {
        int from = segments.from(segment);
        int start = 0;
        for (int r = 0; r < workers.size(); r++) {
            Chunk chunk = new Chunk(from + start, from + runEnds.get(r));
            chunk.worker = workers.get(r);
            chunk.done = chunk.to - chunk.from;
            insertInOrder(chunk);
            start = runEnds.get(r);
        }
        completed.addAndGet(segmentLeft[segment]);
        segmentLeft[segment] = 0;
        restored.set(segment);
    }

    private void insertInOrder(Chunk chunk) {
        int at = chunkContaining(chunk.from);
        chunks.add(at, chunk);
    }

    /** Hands out the next chunk and returns its index, or {@code -1} when every item has been handed out. */
    synchronized int claim() {
        while (nextItem < size && restored.get(segments.holding(nextItem))) {
            nextItem = segments.to(segments.holding(nextItem));
        }
        if (nextItem >= size) {
            return -1;
        }
        int from = nextItem;
        int to = (int) Math.min(Math.min(size, (long) from + chunkSize), segments.to(segments.holding(from)));
        nextItem = to;
        chunks.add(new Chunk(from, to));
        return chunks.size() - 1;
    }

    /**
     * Records that {@code chunk} computed all its items, and returns its segment if that completed the segment, else
     * {@code -1}: the moment a durable job stores the segment's results.
     */
    synchronized int chunkDone(Chunk chunk) {
        int segment = segments.holding(chunk.from);
        segmentLeft[segment] -= chunk.to - chunk.from;
        return segmentLeft[segment] == 0 ? segment : -1;
    }

    /** The segments whose every item is computed (restored ones among them). */
    synchronized List<Integer> completeSegments() {
        List<Integer> complete = new ArrayList<>();
        for (int k = 0; k < segmentLeft.length; k++) {
            if (segmentLeft[k] == 0) {
                complete.add(k);
            }
        }
        return complete;
    }

    /** The items restored from the store, which no run hands out or gives back to the queue. */
    synchronized long restoredItems() {
        long items = 0;
        for (int k = restored.nextSetBit(0); k >= 0; k = restored.nextSetBit(k + 1)) {
            items += segments.length(k);
        }
        return items;
    }

    /** Who computed the items of {@code segment}: worker names and where each one's run ends within the segment. */
    synchronized WorkerRuns runs(int segment) {
        int from = segments.from(segment);
        int to = segments.to(segment);
        List<String> workers = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int c = chunkContaining(from); c < chunks.size() && chunks.get(c).from < to; c++) {
            Chunk chunk = chunks.get(c);
            if (!workers.isEmpty() && workers.getLast().equals(chunk.worker)) {
                ends.set(ends.size() - 1, chunk.to - from);
            } else {
                workers.add(chunk.worker);
                ends.add(chunk.to - from);
            }
        }
        return new WorkerRuns(workers, ends);
    }

    /** Worker names and the ends (within a segment) of the runs of items each computed. */
    record WorkerRuns(List<String> workers, List<Integer> ends) {
    }

    Segments segments() {
        return segments;
    }

    boolean hasUnclaimed() {
        int item = nextItem;
        while (item < size && restored.get(segments.holding(item))) {
            item = segments.to(segments.holding(item));
        }
        return item < size;
    }

    /** Hands out nothing more, freezes what readers see, and returns how many items were never handed out. */
    synchronized long close() {
        long unclaimed = 0;
        for (int item = nextItem; item < size; item = segments.to(segments.holding(item))) {
            if (!restored.get(segments.holding(item))) {
                unclaimed += segments.to(segments.holding(item)) - item;
            }
        }
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

    /** Items computed; once frozen, the count at the end. */
    long completed() {
        return frozenDone != null ? frozenCompleted : completed.get();
    }

    /** The size of the next chunk. */
    int chunkSize() {
        return chunkSize;
    }

    /** Items between two progress updates: about 100 µs of work. */
    int stride() {
        return stride;
    }

    private int done(int chunk, int[] frozen) {
        return frozen != null ? (chunk < frozen.length ? frozen[chunk] : 0) : chunks.get(chunk).done;
    }

    /** Worker name → items it computed, in name order ({@code worker-2} before {@code worker-10}). */
    synchronized Map<String, Long> itemsByWorker() {
        int[] frozen = frozenDone;
        Map<String, Long> byWorker = new TreeMap<>(WorkerNames::compare);
        for (int c = 0; c < chunks.size(); c++) {
            int items = done(c, frozen);
            if (items > 0) {
                byWorker.merge(chunks.get(c).worker, (long) items, Long::sum);
            }
        }
        return new LinkedHashMap<>(byWorker);
    }

    /** Up to {@code max} chunks from number {@code first} on, each with how many of its items are computed; frozen once closed. */
    synchronized List<ChunkProgress> progress(int first, int max) {
        int[] frozen = frozenDone;
        int end = (int) Math.min(chunks.size(), (long) first + max);
        List<ChunkProgress> progress = new ArrayList<>(Math.max(0, end - first));
        for (int c = first; c < end; c++) {
            Chunk chunk = chunks.get(c);
            progress.add(new ChunkProgress(c, chunk.from, chunk.to, done(c, frozen)));
        }
        return progress;
    }

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else {@code null}s. */
    synchronized List<JobItem> items(int offset, int limit, Numbers input, Numbers results) {
        int[] frozen = frozenDone;
        List<JobItem> items = new ArrayList<>();
        int end = (int) Math.min(size, (long) offset + limit);
        int c = chunkContaining(offset);
        for (int index = offset; index < end; index++) {
            while (c < chunks.size() && chunks.get(c).to <= index) {
                c++;
            }
            Chunk chunk = c < chunks.size() ? chunks.get(c) : null;
            boolean computed = chunk != null && index - chunk.from < done(c, frozen);
            items.add(new JobItem(index, input.valueAt(index), computed ? results.valueAt(index) : null,
                    computed ? chunk.worker : null));
        }
        return items;
    }

    /** The position of the chunk holding item {@code index}, or of the first chunk after it. */
    private int chunkContaining(int index) {
        int low = 0;
        int high = chunks.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (chunks.get(middle).to <= index) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
