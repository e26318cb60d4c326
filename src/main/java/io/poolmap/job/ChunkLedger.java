package io.poolmap.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.Numbers;

/**
 * The chunks a job has handed out (which items, which worker, how far each got) and the size of the next one.
 *
 * <p>Sizes adapt: each chunk's measured time per item (a running average) sets the next size, so that a chunk
 * runs about {@link #TARGET_CHUNK_NANOS} whatever the inputs cost (a 60-digit {@code collatz_steps} costs a
 * thousand times a small one), never more than {@code maxChunkSize}. Chunks are handed out in item order,
 * once per chunk under this object's lock, never per item.
 */
final class ChunkLedger {

    /** How long one chunk should run: short enough that other jobs get a worker soon and a cancel is prompt. */
    static final long TARGET_CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** How much work runs between two progress updates. */
    private static final long STRIDE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

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
    private volatile int nextItem;
    private volatile int chunkSize;
    private volatile int stride;
    private double nanosPerItem;

    /**
     * @param size the job's number of items
     * @param firstChunkSize the first chunk's size, before anything is measured
     * @param maxChunkSize the largest chunk, whatever the measured cost (the client's chunkSize, or Pool.map's rule)
     * @param declaredCostNanos the operation's declared cost of one item, the first guess of the stride
     */
    ChunkLedger(int size, int firstChunkSize, int maxChunkSize, long declaredCostNanos) {
        this.size = size;
        this.chunkSize = firstChunkSize;
        this.maxChunkSize = Math.max(firstChunkSize, maxChunkSize);
        this.stride = (int) Math.clamp(STRIDE_NANOS / Math.max(1, declaredCostNanos), 1, 4096);
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

    /** Hands out nothing more, and returns how many items were never handed out. */
    synchronized long close() {
        long unclaimed = size - (long) nextItem;
        nextItem = size;
        return unclaimed;
    }

    synchronized Chunk get(int index) {
        return chunks.get(index);
    }

    /** Sizes the next chunks from a chunk that computed {@code items} in {@code nanos}. */
    synchronized void measured(int items, long nanos) {
        if (items == 0) {
            return;
        }
        double perItem = (double) Math.max(1, nanos) / items;
        nanosPerItem = nanosPerItem == 0 ? perItem : (nanosPerItem + perItem) / 2;
        chunkSize = (int) Math.clamp((long) (TARGET_CHUNK_NANOS / nanosPerItem), 1, maxChunkSize);
        stride = (int) Math.clamp((long) (STRIDE_NANOS / nanosPerItem), 1, 4096);
    }

    /** The size of the next chunk. */
    int chunkSize() {
        return chunkSize;
    }

    /** Items between two progress updates: about 100 µs of work. */
    int stride() {
        return stride;
    }

    /** Worker name → items it computed, in name order ({@code worker-2} before {@code worker-10}). */
    synchronized Map<String, Long> itemsByWorker() {
        Map<String, Long> byWorker = new TreeMap<>(ChunkLedger::compareWorkerNames);
        for (Chunk chunk : chunks) {
            int items = chunk.done;
            if (items > 0) {
                byWorker.merge(chunk.worker, (long) items, Long::sum);
            }
        }
        return new LinkedHashMap<>(byWorker);
    }

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else {@code null}s. */
    synchronized List<ItemView> items(int offset, int limit, Numbers input, Numbers results) {
        List<ItemView> items = new ArrayList<>();
        int end = (int) Math.min(size, (long) offset + limit);
        int c = chunkContaining(offset);
        for (int index = offset; index < end; index++) {
            while (c < chunks.size() && chunks.get(c).to <= index) {
                c++;
            }
            Chunk chunk = c < chunks.size() ? chunks.get(c) : null;
            boolean computed = chunk != null && index - chunk.from < chunk.done;
            items.add(new ItemView(index, input.valueAt(index), computed ? results.valueAt(index) : null,
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

    private static int compareWorkerNames(String a, String b) {
        int dashA = a.lastIndexOf('-');
        int dashB = b.lastIndexOf('-');
        if (dashA > 0 && dashB > 0 && a.regionMatches(0, b, 0, Math.max(dashA, dashB) + 1)) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(dashA + 1)), Integer.parseInt(b.substring(dashB + 1)));
            } catch (NumberFormatException notNumbered) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }
}
