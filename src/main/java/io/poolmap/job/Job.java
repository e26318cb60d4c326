package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.StopSignal;

/**
 * One admitted batch and what has happened to it: its plan, its {@link JobLifecycle} (status, timestamps, error),
 * its {@link ChunkLedger} (progress, who computed what) and its results. Once it ends it is frozen: status,
 * progress, results and timestamps never change again. {@link JobRun} computes it; everyone else reads it.
 */
public final class Job {

    /** What the engine does when a job's items leave the queue or it ends; called outside the job's lock. */
    interface Hooks {
        /** {@code items} of this job are computed or dropped and no longer take room in the queue. */
        void released(Job job, long items);

        /** The job reached a terminal state (exactly once). */
        void finished(Job job);
    }

    private final long sequence;
    private final String id;
    private final JobPlan plan;
    private final Numbers results;
    private final ChunkLedger ledger;
    private final Hooks hooks;
    private final Instant submittedAt;
    private final long deadlineMillis;

    private final JobLifecycle lifecycle;

    Job(long sequence, String id, JobPlan plan, Clock clock, Hooks hooks) {
        this.sequence = sequence;
        this.id = id;
        this.plan = plan;
        this.results = Numbers.forResults(plan.size());
        int firstStride = plan.execution() == JobPlan.Execution.TINY ? 1
                : ChunkSizing.strideFor(plan.operation().info().costNanos());
        this.ledger = new ChunkLedger(plan.size(), plan.firstChunkSize(), plan.maxChunkSize(), firstStride);
        this.hooks = hooks;
        this.submittedAt = clock.instant();
        this.deadlineMillis = submittedAt.toEpochMilli() + plan.timeoutMs();
        this.lifecycle = new JobLifecycle(clock);
    }

    /** Moves a queued job to RUNNING when its first chunk is claimed; a job that has ended stays as it ended. */
    void markRunning() {
        lifecycle.markRunning();
    }

    /** Registers an action to run once when the job stops early (cancelled, timed out, failed); not on success. */
    void whenStopped(Runnable action) {
        lifecycle.whenStopped(action);
    }

    /** Registers an action to run once when the job ends, however it ends (at once if it has ended). */
    void whenFinished(Runnable action) {
        lifecycle.whenFinished(action);
    }

    /** Cancels the job unless it has ended: queued chunks are dropped, running ones stop at their next item. */
    boolean cancel(String why) {
        return finish(JobStatus.CANCELLED, JobError.cancelled(why));
    }

    /** Ends the job as timed out, unless it has ended. */
    boolean timeOut() {
        return finish(JobStatus.TIMED_OUT, JobError.timedOut(plan.timeoutMs(), ledger.completed(), plan.size()));
    }

    /** Ends the job as failed on item {@code index}; {@code exception} names what an expression raised, or is {@code null}. */
    void fail(int index, String reason, String exception) {
        finish(JobStatus.FAILED, JobError.itemFailed(index, plan.numbers().valueAt(index), reason, exception));
    }

    /**
     * Ends the job with {@code terminal}, once: the ledger hands out nothing more and freezes, the items never handed
     * out leave the queue, and the hooks hear of the end; returns whether this call ended it.
     */
    boolean finish(JobStatus terminal, JobError why) {
        long[] unclaimed = new long[1];
        return lifecycle.finish(terminal, why, () -> unclaimed[0] = ledger.close(), () -> {
            if (unclaimed[0] > 0) {
                hooks.released(this, unclaimed[0]);
            }
            hooks.finished(this);
        });
    }

    /** Waits up to {@code timeout} for the job to end and says whether it has; as Python's {@code join(timeout)}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return lifecycle.await(timeout);
    }

    long sequence() {
        return sequence;
    }

    JobPlan plan() {
        return plan;
    }

    ChunkLedger ledger() {
        return ledger;
    }

    StopSignal stop() {
        return lifecycle.stop();
    }

    Numbers resultsForWriting() {
        return results;
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    public String id() {
        return id;
    }

    Operation operation() {
        return plan.operation();
    }

    /** The operation's name; {@code expression} for a job of an expression (a bounded name for meters and logs). */
    public String operationName() {
        return plan.operation().name();
    }

    /** The expression the job maps, as the client wrote it, or {@code null} for a job of a named operation. */
    public String expression() {
        return plan.operation() instanceof ExpressionOperation expression ? expression.source() : null;
    }

    public JobStatus status() {
        return lifecycle.status();
    }

    /** Why the job did not succeed, or {@code null}. */
    public JobError error() {
        return lifecycle.error();
    }

    /** The number of items. */
    public int size() {
        return plan.size();
    }

    /** Items computed so far; frozen when the job ends. */
    public long completed() {
        return ledger.completed();
    }

    /** The effective parallelism, after clamping. */
    public int parallelism() {
        return plan.parallelism();
    }

    /** The size of the next chunk: chunks adapt to the measured cost of items. */
    public int chunkSize() {
        return ledger.chunkSize();
    }

    public long timeoutMs() {
        return plan.timeoutMs();
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** When the first chunk started, or {@code null}. */
    public Instant startedAt() {
        return lifecycle.startedAt();
    }

    /** When the job ended, or {@code null}. */
    public Instant finishedAt() {
        return lifecycle.finishedAt();
    }

    /** The results when {@code seen}, a status read before, is {@code SUCCEEDED}, else {@code null}; so that a view is consistent. */
    public Numbers resultsIf(JobStatus seen) {
        return seen == JobStatus.SUCCEEDED ? results : null;
    }

    /** Worker name → items it computed for this job, in name order. */
    public Map<String, Long> itemsByWorker() {
        return ledger.itemsByWorker();
    }

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else {@code null}s. */
    public List<JobItem> items(int offset, int limit) {
        return ledger.items(offset, limit, plan.numbers(), results);
    }
}
