package io.poolmap.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.poolmap.operation.NumberRange;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.StopSignal;

/**
 * What everyone reads of a job: who it is, its plan, its status and timestamps ({@link JobLifecycle}), its progress,
 * per-worker counts and results ({@link JobData}: live in memory, stored, or shared by a cluster). {@link Job} adds how
 * a job changes; nothing here changes it, and once it has ended every read is frozen.
 */
abstract sealed class JobState permits Job {

    private final long sequence;
    private final String id;
    private final Instant submittedAt;
    private final long deadlineMillis;
    private final JobLifecycle lifecycle;
    private volatile JobPlan plan;
    private volatile LiveJobData live;
    private volatile JobData data;

    JobState(long sequence, String id, JobPlan plan, Instant submittedAt, JobData data, JobLifecycle lifecycle) {
        this.sequence = sequence;
        this.id = id;
        this.submittedAt = submittedAt;
        this.deadlineMillis = submittedAt.toEpochMilli() + plan.timeoutMs();
        this.lifecycle = lifecycle;
        readFrom(data, plan);
    }

    /** Reads go to {@code data} with {@code plan} from now on; the live data only while the numbers are in this process. */
    final void readFrom(JobData data, JobPlan plan) {
        this.data = data;
        this.live = data instanceof LiveJobData liveData ? liveData : null;
        this.plan = plan;
    }

    JobData data() {
        return data;
    }

    JobLifecycle lifecycle() {
        return lifecycle;
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
