package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.poolmap.store.StoredJob;

/**
 * One admitted batch and how it changes: it runs, is shared, is cancelled, times out, fails or succeeds, once, and
 * tells the engine's {@link Hooks}. What everyone reads of it (plan, status, progress, results) is its {@link JobState};
 * once it ends it is frozen: status, progress, results and timestamps never change again. {@link JobRun} computes it.
 *
 * <p>In a cluster, a job that does not run inline is {@linkplain #shared shared}: every member computes its segments
 * ({@code SegmentWork}), the cluster's record of it decides how it ends, and each member's {@code Job} of it follows
 * that record ({@link #follow}); the member that admitted it holds its room in the queue until it ends.
 */
public final class Job extends JobState {

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

    private final Hooks hooks;
    private final Keeping keeping = new Keeping();
    private volatile String idempotencyKey;
    private volatile Ending ending = HERE;
    /** Held while the job is shared and while it ends here, so that it does one or the other. */
    private final Object endingLock = new Object();
    private final boolean admittedHere;

    /** A job admitted now, to be computed in this process. */
    Job(long sequence, String id, JobPlan plan, Clock clock, Hooks hooks) {
        this(sequence, id, plan, clock.instant(), LiveJobData.of(plan), new JobLifecycle(clock), hooks, true);
    }

    private Job(long sequence, String id, JobPlan plan, Instant submittedAt, JobData data, JobLifecycle lifecycle,
            Hooks hooks, boolean admittedHere) {
        super(sequence, id, plan, submittedAt, data, lifecycle);
        this.hooks = hooks;
        this.admittedHere = admittedHere;
    }

    /** A job admitted before a restart, to be computed again from where the store says it got to. */
    static Job resumed(long sequence, String id, JobPlan plan, Instant submittedAt, Clock clock, Hooks hooks) {
        return new Job(sequence, id, plan, submittedAt, LiveJobData.of(plan), new JobLifecycle(clock), hooks, true);
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

    /** Moves a queued job to RUNNING when its first chunk is claimed; a job that has ended stays as it ended. */
    void markRunning() {
        lifecycle().markRunning();
    }

    /** Registers an action to run once when the job stops early (cancelled, timed out, failed); not on success. */
    void whenStopped(Runnable action) {
        lifecycle().whenStopped(action);
    }

    /** Registers an action to run once when the job ends, however it ends (at once if it has ended). */
    void whenFinished(Runnable action) {
        lifecycle().whenFinished(action);
    }

    /**
     * This job, admitted here and not started, is computed by the cluster from now on: it reads {@code shared} (and
     * drops its own arrays, which the store now holds), and {@code ending} decides how it ends. Refused, returning
     * false, when the job has already ended here (cancelled while it was being shared): never both.
     */
    boolean share(SharedJobData shared, Ending cluster) {
        synchronized (endingLock) {
            if (lifecycle().status().isTerminal()) {
                return false;
            }
            readFrom(shared, plan().withoutNumbers());
            this.ending = cluster;
            return true;
        }
    }

    /** Whether the cluster computes this job (see {@link #share}); never on a single node. */
    boolean shared() {
        return data() instanceof SharedJobData;
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
        if (!(data() instanceof SharedJobData shared)) {
            return;
        }
        long computed = shared.update(record);
        if (computed > 0) {
            hooks.released(this, computed);
        }
        StoredJob held = shared.record();
        if (held.startedAt() != null) {
            lifecycle().startedBefore(Instant.ofEpochMilli(held.startedAt()));
        }
        if (held.finished()) {
            lifecycle().finish(JobStatus.valueOf(held.status()), JobRecords.error(held.error()),
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
            LiveJobData here = live();
            lifecycle().finish(JobStatus.CANCELLED, JobError.cancelled(why), () -> {
                if (here != null) {
                    here.ledger().close();
                }
            }, () -> { });
        }
    }

    /** Ends the job as timed out, unless it has ended. */
    boolean timeOut() {
        return finish(JobStatus.TIMED_OUT, JobError.timedOut(plan().timeoutMs(), completed(), size()));
    }

    /** Ends the job as failed on item {@code index}; {@code exception} names what an expression raised, or is {@code null}. */
    void fail(int index, String reason, String exception) {
        finish(JobStatus.FAILED, JobError.itemFailed(index, plan().numbers().valueAt(index), reason, exception));
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
        return lifecycle().finish(terminal, why, () -> unclaimed[0] = live().ledger().close(), () -> {
            if (unclaimed[0] > 0) {
                hooks.released(this, unclaimed[0]);
            }
            hooks.finished(this);
        });
    }

    /** Waits up to {@code timeout} for the job to end and says whether it has; as Python's {@code join(timeout)}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return lifecycle().await(timeout);
    }

    /**
     * Reads go to {@code stored} from now on: the finished job's numbers are in the store, and this job no longer holds
     * its arrays (a run still finishing an item holds its own reference until it returns).
     */
    void moved(JobData stored) {
        readFrom(stored, plan().withoutNumbers());
    }
}
