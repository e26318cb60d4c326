package io.poolmap.job;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.poolmap.OutOfMemoryExit;
import io.poolmap.expression.ExpressionItemException;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.OperationException;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.StoredJob;
import io.poolmap.worker.ChunkedWork;
import io.poolmap.worker.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared job as this member's worker pool runs it: it claims the job's segments one at a time (the first not stored
 * and not held by another member), reads each one's inputs from the store, hands it out in chunks sized as a local
 * job's are (about 2 ms each, so the chunks of every job interleave fairly on this member's N workers), and once every
 * item of a segment is computed hands it to {@link SharedSegments} to store. When no segment is left to claim its lanes
 * end; a {@linkplain #kick kick} (a member left, its claims are orphans) starts them again.
 */
final class SegmentWork implements ChunkedWork {

    private static final Logger log = LoggerFactory.getLogger(SegmentWork.class);

    private final Job job;
    private final SharedSegments shared;
    private final Clock clock;
    private final Segments segments;
    private final int maxChunkSize;
    // guarded by this
    private final Map<Integer, ClaimedSegment.Piece> pieces = new HashMap<>();
    private ClaimedSegment current;
    private int nextPiece;
    private int scanFrom;
    private boolean exhausted;
    private int chunkSize;
    private double nanosPerItem;

    SegmentWork(Job job, SharedSegments shared, Clock clock) {
        this.job = job;
        this.shared = shared;
        this.clock = clock;
        this.segments = job.plan().segments();
        this.maxChunkSize = Math.max(1, job.plan().maxChunkSize());
        this.chunkSize = Math.max(1, Math.min(job.plan().firstChunkSize(), maxChunkSize));
    }

    @Override
    public String id() {
        return job.id();
    }

    @Override
    public boolean io() {
        return job.plan().execution() == JobPlan.Execution.IO_LANES;
    }

    @Override
    public int parallelism() {
        return job.parallelism();
    }

    @Override
    public synchronized int claimChunk() {
        if (job.stop().isStopped() || shared.closing()) {
            if (current != null && !current.handedOut()) {
                shared.giveUp(current); // its pieces not handed out will never run here
            }
            current = null;
            exhausted = true;
            return -1;
        }
        if (current == null || current.handedOut()) {
            current = claimSegment();
            if (current == null) {
                exhausted = true;
                return -1;
            }
        }
        pieces.put(nextPiece, current.next(chunkSize));
        return nextPiece++;
    }

    @Override
    public synchronized boolean hasUnclaimedChunks() {
        return !exhausted && !job.stop().isStopped();
    }

    /** Looks for segments to claim again from the first, and starts lanes on {@code pool} if none were running. */
    void kick(WorkerPool pool) {
        synchronized (this) {
            scanFrom = 0;
            if (!exhausted || job.stop().isStopped() || shared.closing()) {
                return;
            }
            exhausted = false;
        }
        pool.dispatch(this);
    }

    /** The next segment that is neither stored nor another member's, claimed; null when there is none. */
    private ClaimedSegment claimSegment() {
        for (int segment = scanFrom; segment < segments.count(); segment++) {
            StoredJob record = shared.records().read(job.id());
            if (record == null || record.finished()) {
                return null;
            }
            SegmentClaims.Held claim = record.done().get(segment) ? null : shared.claims().tryClaim(new ChunkKey(job.id(), segment));
            if (claim == null) {
                continue;
            }
            scanFrom = segment + 1;
            ClaimedSegment claimed = shared.load(job, segment, segments.from(segment), claim);
            if (claimed != null) {
                return claimed;
            }
        }
        return null;
    }

    @Override
    public int runChunk(int index, String workerName) {
        ClaimedSegment.Piece piece;
        synchronized (this) {
            piece = pieces.remove(index);
        }
        ClaimedSegment segment = piece.segment;
        piece.worker = workerName;
        Numbers inputs = segment.inputs();
        ItemCursor at = new ItemCursor(job.stop(), piece.from);
        long started = System.nanoTime();
        try {
            job.operation().applyRange(inputs, piece.to, segment.results(), at);
            if (at.next() < piece.to && !at.stopped()) {
                throw new IllegalStateException("the operation stopped at item " + at.next() + " of " + piece.to + " without a stop");
            }
        } catch (OperationException failure) {
            fail(segment, at.next(), failure.getMessage(), failure instanceof ExpressionItemException raised ? raised.errorType() : null);
        } catch (InterruptedException leaving) {
            // the job stopped (its lanes are interrupted) or this member's pool is shutting down: the segment is given
            // up below and computed elsewhere, rather than failing a job that the other members carry on with
        } catch (Throwable bug) {
            OutOfMemoryExit.exitIfOutOfMemory(bug);
            log.error("job {}: {} failed on numbers[{}]", job.id(), job.operationName(), segment.from() + at.next(), bug);
            fail(segment, at.next(), "poolmap could not compute it (" + bug.getClass().getSimpleName() + "); the error is in its log", null);
        } finally {
            measured(at.next() - piece.from, System.nanoTime() - started);
            if (at.next() == piece.to) {
                if (segment.computed(piece)) {
                    shared.store(job, segment);
                }
            } else {
                shared.giveUp(segment);
            }
        }
        if (at.next() == piece.to && clock.millis() >= job.deadlineMillis()) {
            job.timeOut();
        }
        return at.next() - piece.from;
    }

    private void fail(ClaimedSegment segment, int at, String reason, String exception) {
        Numbers inputs = segment.inputs();
        job.finish(JobStatus.FAILED, JobError.itemFailed(segment.from() + at, inputs.valueAt(at), reason, exception));
    }

    /** Sizes the next chunks from one that computed {@code items} in {@code nanos}, as a local job's ledger does. */
    private synchronized void measured(int items, long nanos) {
        if (items == 0) {
            return;
        }
        double perItem = (double) Math.max(1, nanos) / items;
        nanosPerItem = nanosPerItem == 0 ? perItem : (nanosPerItem + perItem) / 2;
        chunkSize = ChunkSizing.chunkSizeFor(nanosPerItem, maxChunkSize);
    }

    @Override
    public void whenStopped(Runnable action) {
        job.whenStopped(action);
    }

}
