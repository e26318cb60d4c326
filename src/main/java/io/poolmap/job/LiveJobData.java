package io.poolmap.job;

import java.util.List;
import java.util.Map;

import io.poolmap.operation.Numbers;

/** A job's data on the heap, while it runs and until it is stored: its ledger, its inputs and its results array. */
record LiveJobData(ChunkLedger ledger, Numbers input, Numbers results) implements JobData {

    @Override
    public long completed() {
        return ledger.completed();
    }

    @Override
    public int chunkSize() {
        return ledger.chunkSize();
    }

    @Override
    public Map<String, Long> itemsByWorker() {
        return ledger.itemsByWorker();
    }

    @Override
    public List<ChunkProgress> chunks(int first, int max) {
        return ledger.progress(first, max);
    }

    @Override
    public List<JobItem> items(int offset, int limit) {
        return ledger.items(offset, limit, input, results);
    }
}
