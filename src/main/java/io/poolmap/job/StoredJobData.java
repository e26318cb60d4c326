package io.poolmap.job;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.poolmap.operation.NumberRange;
import io.poolmap.operation.NumberSink;
import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;

/**
 * A finished job's data read from the store, segment by segment, when asked: its results stream to a writer and a
 * page of items reads only the segments it covers, so that none of the job's numbers stay on the heap between
 * requests (only the closed ledger of a job that ran here, a few objects per chunk).
 */
record StoredJobData(StoredJob record, Store store, Segments segments, ChunkLedger ledger) implements JobData {

    /** A job stored before this process started: its segments stand for its chunks. */
    StoredJobData(StoredJob record, Store store, Segments segments) {
        this(record, store, segments, null);
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
        return record.itemsByWorker();
    }

    /**
     * The chunks of the closed ledger when the job ran in this process (so that a stream that began while it ran keeps
     * its place); otherwise its segments stand for its chunks, computed whole when their results are stored.
     */
    @Override
    public List<ChunkProgress> chunks(int first, int max) {
        if (ledger != null) {
            return ledger.progress(first, max);
        }
        List<ChunkProgress> chunks = new ArrayList<>();
        for (int segment = first; segment < segments.count() && chunks.size() < max; segment++) {
            boolean stored = store.results().containsKey(new ChunkKey(record.id(), segment));
            chunks.add(new ChunkProgress(segment, segments.from(segment), segments.to(segment),
                    stored ? segments.length(segment) : 0));
        }
        return chunks;
    }

    @Override
    public List<JobItem> items(int offset, int limit) {
        List<JobItem> items = new ArrayList<>();
        int end = (int) Math.min(record.size(), (long) offset + limit);
        for (int segment = segments.holding(offset); offset < end && segment < segments.count(); segment++) {
            ChunkKey key = new ChunkKey(record.id(), segment);
            PackedChunk inputs = store.inputs().get(key);
            PackedChunk results = store.results().get(key);
            int from = Math.max(offset, segments.from(segment));
            int to = Math.min(end, segments.to(segment));
            Numbers in = Numbers.forResults(segments.length(segment));
            Numbers out = Numbers.forResults(segments.length(segment));
            if (inputs != null) {
                inputs.unpackInto(in, 0);
            }
            if (results != null) {
                results.unpackInto(out, 0);
            }
            for (int index = from; index < to; index++) {
                int at = index - segments.from(segment);
                items.add(new JobItem(index, inputs == null ? null : in.valueAt(at), results == null ? null : out.valueAt(at),
                        results == null ? null : results.workerOf(at)));
            }
        }
        return items;
    }

    @Override
    public NumberRange results() {
        return new StoredResults();
    }

    /**
     * The results as the store holds them, read a segment at a time; a job forgotten by retention while it is read
     * is not found any more, and results missing from a job still recorded are an internal error, not a missing job.
     */
    private final class StoredResults implements NumberRange {

        @Override
        public int size() {
            return record.size();
        }

        @Override
        public void read(int from, int to, NumberSink sink) {
            for (int segment = segments.holding(from); from < to; segment++) {
                int start = segments.from(segment);
                int until = Math.min(to, segments.to(segment));
                PackedChunk results = store.results().get(new ChunkKey(record.id(), segment));
                if (results == null && store.jobs().containsKey(record.id())) {
                    // not forgotten: its record is still there, so the store lost them (see the README's cluster limits)
                    throw new IllegalStateException("the results of job " + record.id() + ", items " + start + " to "
                            + (segments.to(segment) - 1) + ", are not in the store any more, although the job is");
                }
                if (results == null) {
                    throw new JobNotFoundException(record.id());
                }
                results.read(from - start, until - start, new Shifted(sink, start));
                from = until;
            }
        }
    }

    /** Hands items on at their index in the job rather than in the segment. */
    private record Shifted(NumberSink sink, int offset) implements NumberSink {

        @Override
        public void acceptLong(int index, long value) {
            sink.acceptLong(offset + index, value);
        }

        @Override
        public void acceptDouble(int index, double value) {
            sink.acceptDouble(offset + index, value);
        }

        @Override
        public void acceptBig(int index, BigInteger value) {
            sink.acceptBig(offset + index, value);
        }

        @Override
        public void acceptBoolean(int index, boolean value) {
            sink.acceptBoolean(offset + index, value);
        }
    }
}
