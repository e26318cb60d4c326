package io.poolmap.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.operation.Numbers;
import io.poolmap.store.PackedChunk;

/**
 * A segment of a shared job that this member has claimed and computes: its inputs and results (positions in the
 * segment), and the pieces (chunks) it is handed out in, each computed by one worker; packed with the runs of those
 * workers once every item is computed. Pieces are handed out under the {@link SegmentWork}'s lock; they complete on any
 * thread.
 */
final class ClaimedSegment {

    /** A chunk of the segment: items {@code from} … {@code to - 1}, positions in the segment. */
    static final class Piece {
        final ClaimedSegment segment;
        final int from;
        final int to;
        volatile String worker;

        Piece(ClaimedSegment segment, int from, int to) {
            this.segment = segment;
            this.from = from;
            this.to = to;
        }
    }

    private final int index;
    private final int from;
    private final SegmentClaims.Held claim;
    private final Numbers inputs;
    private final Numbers results;
    private final List<Piece> pieces = new ArrayList<>();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicBoolean given = new AtomicBoolean();
    private int handedOut;

    /**
     * @param index the segment's number in its job
     * @param from the segment's first item in the job
     * @param claim this member's claim on it
     * @param inputs its inputs, positions in the segment
     */
    ClaimedSegment(int index, int from, SegmentClaims.Held claim, Numbers inputs) {
        this.index = index;
        this.from = from;
        this.claim = claim;
        this.inputs = inputs;
        this.results = Numbers.forResults(inputs.size());
    }

    int index() {
        return index;
    }

    /** The segment's first item in the job. */
    int from() {
        return from;
    }

    int length() {
        return inputs.size();
    }

    SegmentClaims.Held claim() {
        return claim;
    }

    Numbers inputs() {
        return inputs;
    }

    Numbers results() {
        return results;
    }

    /** Whether every item has been handed out in a piece. Under the work's lock. */
    boolean handedOut() {
        return handedOut == length();
    }

    /** The next piece, of at most {@code size} items. Under the work's lock. */
    Piece next(int size) {
        Piece piece = new Piece(this, handedOut, (int) Math.min(length(), (long) handedOut + Math.max(1, size)));
        pieces.add(piece);
        handedOut = piece.to;
        return piece;
    }

    /** Records that {@code piece} computed all its items; returns whether that completed the segment. */
    boolean computed(Piece piece) {
        return computed.addAndGet(piece.to - piece.from) == length();
    }

    /** Whether this call is the first to give the segment up or hand it on: it happens once. */
    boolean give() {
        return given.compareAndSet(false, true);
    }

    /** The results with the runs of the workers that computed them; once every piece is computed. */
    synchronized PackedChunk pack() {
        List<String> workers = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (Piece piece : pieces) {
            if (!workers.isEmpty() && workers.getLast().equals(piece.worker)) {
                ends.set(ends.size() - 1, piece.to);
            } else {
                workers.add(piece.worker);
                ends.add(piece.to);
            }
        }
        return PackedChunk.of(results, 0, length(), workers, ends);
    }

    /** Worker name → items, from a stored segment's runs. */
    static Map<String, Long> itemsByWorker(PackedChunk chunk) {
        Map<String, Long> byWorker = new LinkedHashMap<>();
        int start = 0;
        for (int run = 0; run < chunk.workers().size(); run++) {
            byWorker.merge(chunk.workers().get(run), (long) chunk.runEnds().get(run) - start, Long::sum);
            start = chunk.runEnds().get(run);
        }
        return byWorker;
    }
}
