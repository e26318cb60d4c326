package io.poolmap.job;

import java.util.List;
import java.util.Map;

import io.poolmap.operation.Numbers;

/** A job's data on the heap, while it runs and until it is stored: its ledger, its inputs and its results array. */
record LiveJobData(ChunkLedger ledger, Numbers input, Numbers results) implements JobData {

    /** A job's data before anything is computed: its ledger sized from the plan, its inputs, and room for its results. */
    static LiveJobData of(JobPlan plan) {
        int firstStride = plan.execution() == JobPlan.Execution.TINY ? 1
                : ChunkSizing.strideFor(plan.operation().info().costNanos());
        int lanes = plan.execution() == JobPlan.Execution.WORKERS ? plan.parallelism() : 1;
        return new LiveJobData(new ChunkLedger(plan.segments(), plan.firstChunkSize(), plan.maxChunkSize(), firstStride, lanes),
                plan.numbers(), Numbers.forResults(plan.size()));
    }

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
