package io.poolmap.job;

import java.util.HashMap;
import java.util.Map;

import io.poolmap.store.ChunkKey;
import io.poolmap.store.PackedChunk;

/** A live job's numbers packed per segment, as the store's {@code inputs} and {@code results} caches keep them. */
final class PackedSegments {

    private PackedSegments() {
    }

    static ChunkKey key(Job job, int segment) {
        return new ChunkKey(job.id(), segment);
    }

    /** The inputs of one segment. */
    static PackedChunk input(Job job, LiveJobData live, int segment) {
        Segments segments = job.plan().segments();
        return PackedChunk.of(live.input(), segments.from(segment), segments.to(segment));
    }

    /** Every segment's inputs, for a job shared with a cluster at once. */
    static Map<ChunkKey, PackedChunk> inputs(Job job, LiveJobData live) {
        Map<ChunkKey, PackedChunk> inputs = new HashMap<>();
        for (int segment = 0; segment < job.plan().segments().count(); segment++) {
            inputs.put(key(job, segment), input(job, live, segment));
        }
        return inputs;
    }

    /** The results of one computed segment, with the runs of items each worker computed. */
    static PackedChunk results(Job job, LiveJobData live, int segment) {
        Segments segments = job.plan().segments();
        ChunkLedger.WorkerRuns runs = live.ledger().runs(segment);
        return PackedChunk.of(live.results(), segments.from(segment), segments.to(segment), runs.workers(), runs.ends());
    }
}
