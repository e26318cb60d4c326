package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.poolmap.operation.NumberRange;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.StopSignal;
import io.poolmap.store.StoredJob;

/**
 * One admitted batch and what has happened to it: its plan, its {@link JobLifecycle} (status, timestamps, error),
 * its {@link ChunkLedger} (progress, who computed what) and its results. Once it ends it is frozen: status,
 * progress, results and timestamps never change again. {@link JobRun} computes it; everyone else reads it.
 *
 * <p>In a cluster, a job that does not run inline is {@linkplain #shared shared}: every member computes its segments
 * ({@code SegmentWork}), the cluster's record of it decides how it ends, and each member's {@code Job} of it follows
 * that record ({@link #follow}); the member that admitted it holds its room in the queue until it ends.
 */
public final class Job {

    /** What the engine does when a job's items leave the queue or it ends; called outside the job's lock. */
    interface Hooks {
        /** {@code items} of this job are computed or dropped and no longer take room in the queue. */
        void released(Job job, long items);

        /** The job reached a terminal state (exactly once). */
        void finished(Job job);

        /** Every item of {@code segment} is computed: a durable job stores its results now. */
        default void segmentDone(Job job, int segment) {
        }
    }

    /** Who decides that a job has ended: this process alone, or the cluster's record of it. */
    interface Ending {
        /** Ends {@code job} with {@code terminal} unless it has ended; returns whether this call ended it. */
        boolean end(Job job, JobStatus terminal, JobError why);
    }

    /** The job lives in this process: it ends here, at once. */
    private static final Ending HERE = Job::finishHere;

    private final long sequence;
    private final String id;
    private volatile JobPlan plan;
    private volatile LiveJobData live;
    private volatile JobData data;
    private final Hooks hooks;
    private final Instant submittedAt;
    private final long deadlineMillis;
    private final JobLifecycle lifecycle;
    private final Keeping keeping = new Keeping();
    private volatile String idempotencyKey;
    private volatile Ending ending = HERE;
    /** Held while the job is shared and while it ends here, so that it does one or the other. */
    private final Object endingLock = new Object();
    private final boolean admittedHere;

    /** A job admitted now, to be computed in this process. */
    Job(long sequence, String id, JobPlan plan, Clock clock, Hooks hooks) {
        this(sequence, id, plan, clock.instant(), liveData(plan), new JobLifecycle(clock), hooks, true);
    }

    private Job(long sequence, String id, JobPlan plan, Instant submittedAt, JobData data, JobLifecycle lifecycle,
            Hooks hooks, boolean admittedHere) {
        this.sequence = sequence;
        this.id = id;
        this.plan = plan;
        this.data = data;
        this.live = data instanceof LiveJobData liveData ? liveData : null;
        this.hooks = hooks;
        this.submittedAt = submittedAt;
        this.deadlineMillis = submittedAt.toEpochMilli() + plan.timeoutMs();
        this.lifecycle = lifecycle;
        this.admittedHere = admittedHere;
    }

    /** A job admitted before a restart, to be computed again from where the store says it got to. */
    static Job resumed(long sequence, String id, JobPlan plan, Instant submittedAt, Clock clock, Hooks hooks) {
        return new Job(sequence, id, plan, submittedAt, liveData(plan), new JobLifecycle(clock), hooks, true);
    }

    /** A job that ended before this process started (or elsewhere): its record and its numbers are in the store. */
    static Job ended(long sequence, String id, JobPlan plan, Instant submittedAt, JobLifecycle ended, JobData stored,
            Hooks hooks) {
        return new Job(sequence, id, plan, submittedAt, stored, ended, hooks, true);
    }

    /**
     * An unfinished shared job that another member admitted (or this one, before a restart), queued until it
     * {@linkplain #follow follows} its record; {@code ending} asks the cluster to end it.
     */
    static Job shared(StoredJob record, JobPlan plan, SharedJobData data, Clock clock, Hooks hooks, Ending ending) {
        Job job = new Job(record.sequence(), record.id(), plan, JobRecords.submittedAt(record), data, new JobLifecycle(clock),
                hooks, false);
        job.ending = ending;
        job.idempotencyKey(record.idempotencyKey());
        return job;
    }

    private static LiveJobData liveData(JobPlan plan) {
        int firstStride = plan.execution() == JobPlan.Execution.TINY ? 1
                : ChunkSizing.strideFor(plan.operation().info().costNanos());
        return new LiveJobData(new ChunkLedger(plan.segments(), plan.firstChunkSize(), plan.maxChunkSize(), firstStride),
                plan.numbers(), Numbers.forResults(plan.size()));
    }

    /** The {@code Idempotency-Key} the job was submitted with, or {@code null}. */
    String idempotencyKey() {
        return idempotencyKey;
    }

    void idempotencyKey(String key) {
        this.idempotencyKey = key;
    }

    /** How this job is kept in the store, if it is. */
    Keeping keeping() {
        return keeping;
    }

    JobLifecycle lifecycle() {
        return lifecycle;
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

    /**
     * This job, admitted here and not started, is computed by the cluster from now on: it reads {@code shared} (and
     * drops its own arrays, which the store now holds), and {@code ending} decides how it ends. Refused, returning
     * false, when the job has already ended here (cancelled while it was being shared): never both.
     */
    boolean share(SharedJobData shared, Ending cluster) {
        synchronized (endingLock) {
            if (lifecycle.status().isTerminal()) {
                return false;
            }
            this.data = shared;
            this.live = null;
            this.plan = plan.withoutNumbers();
            this.ending = cluster;
            return true;
        }
    }

    /** Whether the cluster computes this job (see {@link #share}); never on a single node. */
    boolean shared() {
        return data instanceof SharedJobData;
    }

    /** Whether this member admitted the job, so that a client of this member may be waiting for it. */
    boolean admittedHere() {
        return admittedHere;
    }

    /**
     * Takes the cluster's newer record of this shared job: the items it says are computed give their room back, and
     * the job starts and ends when the record says so, with the record's error and times. Nothing for a job that is
     * not shared, and a final record is never followed by an older one.
     */
    void follow(StoredJob record) {
        if (!(data instanceof SharedJobData shared)) {
            return;
        }
        long computed = shared.update(record);
        if (computed > 0) {
            hooks.released(this, computed);
        }
        StoredJob held = shared.record();
        if (held.startedAt() != null) {
            lifecycle.startedBefore(Instant.ofEpochMilli(held.startedAt()));
        }
        if (held.finished()) {
            lifecycle.finish(JobStatus.valueOf(held.status()), JobRecords.error(held.error()),
                    Instant.ofEpochMilli(held.finishedAt()), () -> { }, () -> {
                        long rest = shared.releaseRest(size());
                        if (rest > 0) {
                            hooks.released(this, rest);
                        }
                        hooks.finished(this);
                    });
        }
    }

    /** Cancels the job unless it has ended: queued chunks are dropped, running ones stop at their next item. */
    boolean cancel(String why) {
        return finish(JobStatus.CANCELLED, JobError.cancelled(why));
    }

    /**
     * Ends a job that could not start, without a word to the hooks: whoever refused it gives its room back, and it is
     * forgotten at once.
     */
    void abandon(String why) {
        synchronized (endingLock) {
            LiveJobData here = live;
            lifecycle.finish(JobStatus.CANCELLED, JobError.cancelled(why), () -> {
                if (here != null) {
                    here.ledger().close();
                }
            }, () -> { });
        }
    }

    /** Ends the job as timed out, unless it has ended. */
    boolean timeOut() {
        return finish(JobStatus.TIMED_OUT, JobError.timedOut(plan.timeoutMs(), data.completed(), plan.size()));
    }

    /** Ends the job as failed on item {@code index}; {@code exception} names what an expression raised, or is {@code null}. */
    void fail(int index, String reason, String exception) {
        finish(JobStatus.FAILED, JobError.itemFailed(index, plan.numbers().valueAt(index), reason, exception));
    }

    /** Ends the job with {@code terminal}, once, here or through the cluster; returns whether this call ended it. */
    boolean finish(JobStatus terminal, JobError why) {
        Ending current;
        synchronized (endingLock) { // a job being shared ends here first, or through the cluster after: never both
            current = ending;
            if (current == HERE) {
                return finishHere(terminal, why);
            }
        }
        return current.end(this, terminal, why);
    }

    /**
     * Ends the job in this process, once: the ledger hands out nothing more and freezes, the items never handed out
     * leave the queue, and the hooks hear of the end; returns whether this call ended it.
     */
    private boolean finishHere(JobStatus terminal, JobError why) {
        long[] unclaimed = new long[1];
        return lifecycle.finish(terminal, why, () -> unclaimed[0] = live.ledger().close(), () -> {
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
        return live.ledger();
    }

    /** The job's live data, or {@code null} once its numbers have {@link #moved} to the store. */
    LiveJobData live() {
        return live;
    }

    /**
     * Reads go to {@code stored} from now on: the finished job's numbers are in the store, and this job no longer holds
     * its arrays (a run still finishing an item holds its own reference until it returns).
     */
    void moved(JobData stored) {
        this.data = stored;
        this.plan = plan.withoutNumbers();
        this.live = null;
    }

    StopSignal stop() {
        return lifecycle.stop();
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
        return switch (plan.operation()) {
            case ExpressionOperation expression -> expression.source();
            case ArchivedOperation archived -> archived.expression();
            default -> null;
        };
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
        return data.completed();
    }

    /** The effective parallelism, after clamping. */
    public int parallelism() {
        return plan.parallelism();
    }

    /** The size of the next chunk: chunks adapt to the measured cost of items. */
    public int chunkSize() {
        return data.chunkSize();
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

    /**
     * The results, read by range from wherever they are kept, when {@code seen}, a status read before, is
     * {@code SUCCEEDED}, else {@code null}; so that a view is consistent.
     */
    public NumberRange resultRange(JobStatus seen) {
        return seen == JobStatus.SUCCEEDED ? data.results() : null;
    }

    /** The results in one batch when {@code seen} is {@code SUCCEEDED}, else {@code null}; prefer {@link #resultRange} for big jobs. */
    public Numbers resultsIf(JobStatus seen) {
        NumberRange range = resultRange(seen);
        return range == null ? null : NumberRanges.toNumbers(range);
    }

    /** Worker name → items it computed for this job, in name order. */
    public Map<String, Long> itemsByWorker() {
        return data.itemsByWorker();
    }

    /**
     * Up to {@code max} of the chunks handed out so far, from chunk number {@code first} on, in item order, each with
     * how many of its items are computed: what a reader that streams results needs to know which items it may send,
     * in input order or as they complete, without reading the whole job each time (it keeps a chunk number as its
     * cursor; chunks handed out later have higher numbers). Frozen, as {@link #completed()}, once the job has ended.
     * Nothing here wakes a reader: it polls at its own pace, and {@link #await} ends its wait when the job ends.
     */
    public List<ChunkProgress> chunks(int first, int max) {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("first and max must be ≥ 0, not " + first + " and " + max);
        }
        return data.chunks(first, max);
    }

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else {@code null}s. */
    public List<JobItem> items(int offset, int limit) {
        return data.items(offset, limit);
    }
}
