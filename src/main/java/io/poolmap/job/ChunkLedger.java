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
        this.size = size;
        this.chunkSize = firstChunkSize;
        this.maxChunkSize = Math.max(firstChunkSize, maxChunkSize);
        this.stride = firstStride;
    }

    /** Hands out the next chunk and returns its index, or {@code -1} when every item has been handed out. */
    synchronized int claim() {
        if (nextItem >= size) {
            return -1;
        }
        int from = nextItem;
        int to = (int) Math.min(size, (long) from + chunkSize);
        nextItem = to;
        chunks.add(new Chunk(from, to));
        return chunks.size() - 1;
    }

    boolean hasUnclaimed() {
        return nextItem < size;
    }

    /** Hands out nothing more, freezes what readers see, and returns how many items were never handed out. */
    synchronized long close() {
        long unclaimed = size - (long) nextItem;
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
