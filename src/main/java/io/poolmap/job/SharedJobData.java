package io.poolmap.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.poolmap.operation.NumberRange;
import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;

/**
 * A shared job as this member reads it: the newest record of it that this member has seen (status, progress, who
 * computed what, which segments are stored) and its numbers, read from the store segment by segment when asked. Its
 * segments stand for its chunks, computed whole once stored, so progress moves a segment at a time; a record older
 * than the one held (events may arrive out of order) is ignored, and a final record never changes.
 */
final class SharedJobData implements JobData {

    private final Store store;
    private final Segments segments;
    private volatile StoredJob record;
    /** Items this member has reported computed to its job's hooks so far (the admitting member gives their room back). */
    private long released;

    SharedJobData(StoredJob record, Store store) {
        this.record = record;
        this.store = store;
        this.segments = Segments.of(record.size());
    }

    StoredJob record() {
        return record;
    }

    /** Takes {@code newer} unless it is older than the record held; returns the items it newly says are computed. */
    synchronized long update(StoredJob newer) {
        if (olderThanHeld(newer)) {
            return 0;
        }
        record = newer;
        long computed = newer.completed() - released;
        if (computed <= 0) {
            return 0;
        }
        released = newer.completed();
        return computed;
    }

    /** The items not reported computed yet, all reported from now on: the job has ended. */
    synchronized long releaseRest(int size) {
        long rest = size - released;
        released = size;
        return Math.max(0, rest);
    }

    private boolean olderThanHeld(StoredJob newer) {
        StoredJob held = record;
        if (held.finished()) {
            return true;
        }
        if (newer.finished()) {
            return false;
        }
        int stored = newer.done().cardinality();
        int storedHeld = held.done().cardinality();
        return stored < storedHeld || stored == storedHeld && held.startedAt() != null && newer.startedAt() == null;
    }

    @Override
    public long completed() {
        return record.completed();
    }

    @Override
    public int chunkSize() {
        return record.chunkSize();
    }

    @Override
    public Map<String, Long> itemsByWorker() {
        Map<String, Long> byWorker = new TreeMap<>(WorkerNames::compare);
        byWorker.putAll(record.itemsByWorker());
        return new LinkedHashMap<>(byWorker);
    }

    /** Segment {@code k} stands for chunk {@code k}: all of its items are computed once its bit is set, else none. */
    @Override
    public List<ChunkProgress> chunks(int first, int max) {
        BitSet done = record.done();
        List<ChunkProgress> chunks = new ArrayList<>();
        for (int segment = first; segment < segments.count() && chunks.size() < max; segment++) {
            chunks.add(new ChunkProgress(segment, segments.from(segment), segments.to(segment),
                    done.get(segment) ? segments.length(segment) : 0));
        }
        return chunks;
    }

    @Override
    public List<JobItem> items(int offset, int limit) {
        return new StoredJobData(record, store, segments).items(offset, limit);
    }

    @Override
    public NumberRange results() {
        return new StoredJobData(record, store, segments).results();
    }
}
