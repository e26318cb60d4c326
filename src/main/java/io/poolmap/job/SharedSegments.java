package io.poolmap.job;

import java.util.List;
import java.util.function.Consumer;

import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's side of a {@link SegmentWork}: a claimed segment's inputs read from the store (or, when its results are
 * stored already, by a member that died before it counted them, its results counted without computing it again), and
 * a computed segment stored once ({@code putIfAbsent}), counted in the job's record, and its claim removed, in that
 * order, so that a member dying between two steps leaves a segment that the next claimer finishes (a segment computed
 * again after its member left is counted before the record, so that whoever sees the job end sees that count).
 * Storing happens on a virtual thread of its own, so that the worker that computed the last item goes on to the next
 * chunk at once.
 */
final class SharedSegments {

    private static final Logger log = LoggerFactory.getLogger(SharedSegments.class);

    private final Store store;
    private final SharedRecords records;
    private final SegmentClaims claims;
    private final List<JobListener> listeners;
    private final Consumer<Job> retryLater;
    private volatile boolean closing;

    /** @param retryLater looks for segments of the job to claim again in a while, after a store operation failed */
    SharedSegments(Store store, SharedRecords records, SegmentClaims claims, List<JobListener> listeners, Consumer<Job> retryLater) {
        this.store = store;
        this.records = records;
        this.claims = claims;
        this.listeners = listeners;
        this.retryLater = retryLater;
    }

    SharedRecords records() {
        return records;
    }

    SegmentClaims claims() {
        return claims;
    }

    /** Whether this member is leaving: it claims nothing more. */
    boolean closing() {
        return closing;
    }

    void close() {
        closing = true;
    }

    /** A claimed segment ready to compute, or null when there is nothing to compute (then the claim is released). */
    ClaimedSegment load(Job job, int segment, int from, SegmentClaims.Held claim) {
        ChunkKey key = claim.key();
        try {
            StoredJob record = records.read(job.id());
            if (record == null || record.finished() || record.done().get(segment)) {
                claims.release(claim);
                return null;
            }
            PackedChunk stored = store.results().get(key);
            if (stored != null) {
                follow(job, records.segmentStored(job.id(), segment, stored.size(), ClaimedSegment.itemsByWorker(stored)));
                claims.release(claim);
                return null;
            }
            PackedChunk inputs = store.inputs().get(key);
            if (inputs == null) {
                claims.release(claim);
                job.finish(JobStatus.FAILED, new JobError(JobError.Kind.ITEM_FAILED, "numbers[" + from + "] …: the inputs of items "
                        + from + " on were lost with the members that held them", from, null, null));
                return null;
            }
            if (record.startedAt() == null) {
                follow(job, records.running(job.id()));
            }
            Numbers unpacked = Numbers.forResults(inputs.size());
            inputs.unpackInto(unpacked, 0);
            return new ClaimedSegment(segment, from, claim, unpacked);
        } catch (RuntimeException failed) {
            log.warn("job {}: segment {} could not be read from the store ({}); it is left for a later look", job.id(), segment,
                    failed.toString());
            releaseQuietly(claim);
            retryLater.accept(job);
            return null;
        }
    }

    /** Stores a computed segment, once, off the calling worker's thread. */
    void store(Job job, ClaimedSegment segment) {
        if (!segment.give()) {
            return;
        }
        Thread.ofVirtual().name("poolmap-segment-" + segment.index() + "@" + job.id()).start(() -> {
            try {
                PackedChunk computed = segment.pack();
                PackedChunk before = store.results().putIfAbsent(segment.claim().key(), computed);
                PackedChunk stored = before != null ? before : computed;
                if (segment.claim().rerun()) {
                    // counted before the record says the segment is stored, so that whoever sees the job end sees it
                    listeners.forEach(JobListener::segmentRerun);
                }
                follow(job, records.segmentStored(job.id(), segment.index(), segment.length(), ClaimedSegment.itemsByWorker(stored)));
                claims.release(segment.claim());
            } catch (RuntimeException failed) {
                log.warn("job {}: segment {} could not be stored ({}); it will be computed again", job.id(), segment.index(),
                        failed.toString());
                releaseQuietly(segment.claim());
                retryLater.accept(job);
            }
        });
    }

    /** Gives up a segment that will not be computed here (its job stopped, or this member is leaving). */
    void giveUp(ClaimedSegment segment) {
        if (segment.give()) {
            releaseQuietly(segment.claim());
        }
    }

    private void releaseQuietly(SegmentClaims.Held claim) {
        try {
            claims.release(claim);
        } catch (RuntimeException leaving) {
            log.debug("claim {} not released ({}); it goes when this member leaves the view", claim.key(), leaving.toString());
        }
    }

    private static void follow(Job job, SharedRecords.Change change) {
        if (change.record() != null) {
            job.follow(change.record());
        }
    }
}
