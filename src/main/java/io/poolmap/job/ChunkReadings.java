package io.poolmap.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.poolmap.operation.Numbers;

/**
 * What readers see of a ledger's chunks: who computed how much, each item with its result and worker, how far each
 * chunk got, and who computed the runs of a segment. Called under the ledger's lock with its chunks (in item order)
 * and, once the job has ended, the frozen count of each chunk's computed items.
 */
final class ChunkReadings {

    private final List<ChunkLedger.Chunk> chunks;
    private final int[] frozen;

    ChunkReadings(List<ChunkLedger.Chunk> chunks, int[] frozen) {
        this.chunks = chunks;
        this.frozen = frozen;
    }

    int done(int chunk) {
        return frozen != null ? (chunk < frozen.length ? frozen[chunk] : 0) : chunks.get(chunk).done;
    }

    /** Worker name → items it computed, in name order ({@code worker-2} before {@code worker-10}). */
    Map<String, Long> itemsByWorker() {
        Map<String, Long> byWorker = new TreeMap<>(WorkerNames::compare);
        for (int c = 0; c < chunks.size(); c++) {
            int items = done(c);
            if (items > 0) {
                byWorker.merge(chunks.get(c).worker, (long) items, Long::sum);
            }
        }
        return new LinkedHashMap<>(byWorker);
    }

    List<ChunkProgress> progress(int first, int max) {
        int end = (int) Math.min(chunks.size(), (long) first + max);
        List<ChunkProgress> progress = new ArrayList<>(Math.max(0, end - first));
        for (int c = first; c < end; c++) {
            ChunkLedger.Chunk chunk = chunks.get(c);
            progress.add(new ChunkProgress(c, chunk.from, chunk.to, done(c)));
        }
        return progress;
    }

    List<JobItem> items(int offset, int limit, int size, Numbers input, Numbers results) {
        List<JobItem> items = new ArrayList<>();
        int end = (int) Math.min(size, (long) offset + limit);
        int c = chunkContaining(offset);
        for (int index = offset; index < end; index++) {
            while (c < chunks.size() && chunks.get(c).to <= index) {
                c++;
            }
            ChunkLedger.Chunk chunk = c < chunks.size() ? chunks.get(c) : null;
            boolean computed = chunk != null && chunk.from <= index && index - chunk.from < done(c);
            items.add(new JobItem(index, input.valueAt(index), computed ? results.valueAt(index) : null,
                    computed ? chunk.worker : null));
        }
        return items;
    }

    /** Worker names and where each one's run of items ends, within the segment {@code [from, to)}. */
    ChunkLedger.WorkerRuns runs(int from, int to) {
        List<String> workers = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int c = chunkContaining(from); c < chunks.size() && chunks.get(c).from < to; c++) {
            ChunkLedger.Chunk chunk = chunks.get(c);
            if (!workers.isEmpty() && workers.getLast().equals(chunk.worker)) {
                ends.set(ends.size() - 1, chunk.to - from);
            } else {
                workers.add(chunk.worker);
                ends.add(chunk.to - from);
            }
        }
        return new ChunkLedger.WorkerRuns(workers, ends);
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
