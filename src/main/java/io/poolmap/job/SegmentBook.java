package io.poolmap.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's segments as its {@link ChunkLedger} keeps track of them: how many items of each are still to compute (a
 * segment is complete at 0, the moment a kept job stores it), and which were computed before a restart, with the
 * chunks that stand for them until the ledger reaches them. Guarded by the ledger's lock.
 */
final class SegmentBook {

    private final Segments segments;
    private final int[] left;
    private final BitSet restored = new BitSet();
    private final Map<Integer, List<ChunkLedger.Chunk>> restoredChunks = new HashMap<>();

    SegmentBook(Segments segments) {
        this.segments = segments;
        this.left = new int[segments.count()];
        for (int k = 0; k < left.length; k++) {
            left[k] = segments.length(k);
        }
    }

    Segments segments() {
        return segments;
    }

    /** Records a segment computed before a restart, with the done chunks that stand for it; returns its items. */
    int restore(int segment, List<ChunkLedger.Chunk> done) {
        restoredChunks.put(segment, done);
        restored.set(segment);
        int items = left[segment];
        left[segment] = 0;
        return items;
    }

    boolean restored(int segment) {
        return restored.get(segment);
    }

    /** The done chunks of a restored segment, once: the ledger lists them when it reaches the segment. */
    List<ChunkLedger.Chunk> takeRestored(int segment) {
        List<ChunkLedger.Chunk> done = restoredChunks.remove(segment);
        return done == null ? List.of() : done;
    }

    /** {@code items} of {@code segment} are computed; returns whether that completed it. */
    boolean computed(int segment, int items) {
        left[segment] -= items;
        return left[segment] == 0;
    }

    List<Integer> complete() {
        List<Integer> complete = new ArrayList<>();
        for (int k = 0; k < left.length; k++) {
            if (left[k] == 0) {
                complete.add(k);
            }
        }
        return complete;
    }

    long restoredItems() {
        long items = 0;
        for (int k = restored.nextSetBit(0); k >= 0; k = restored.nextSetBit(k + 1)) {
            items += segments.length(k);
        }
        return items;
    }

    /** The first item from {@code item} on that is not in a restored segment. */
    int skipRestored(int item) {
        while (item < segments.size() && restored.get(segments.holding(item))) {
            item = segments.to(segments.holding(item));
        }
        return item;
    }
}
