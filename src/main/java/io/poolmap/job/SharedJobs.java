package io.poolmap.job;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.poolmap.store.Store;
import io.poolmap.store.StoredJob;
import io.poolmap.worker.WorkerPool;

/**
 * The jobs of the cluster as this member knows them, one {@code Job} per record in the {@code jobs} cache: a job
 * admitted here and shared ({@link #publish}), and every other member's job, followed from its record ({@link #apply}).
 * Each unfinished one that this member can compute gets a {@link SegmentWork} on this member's pool and a timeout armed
 * here, so that any member may end it; a job's end, asked for anywhere, is an atomic change of its record ({@link #end}).
 */
final class SharedJobs {

    private final Store store;
    private final SharedRecords records;
    private final SharedSegments segments;
    private final JobStore jobs;
    private final WorkerPool pool;
    private final JobTimeouts timeouts;
    private final JobRetention retention;
    private final Job.Hooks followed;
    private final Function<StoredJob, JobPlan> plans;
    private final Clock clock;
    /** The jobs this member computes segments of, by id; guarded by this. */
    private final Map<String, SegmentWork> working = new HashMap<>();
    /** The shared jobs this member watches (their timeout armed), whether or not it computes them. */
    private final Set<String> watched = new HashSet<>();

    /** @param plans a record's plan, without its numbers (which the store holds), on this member's operations */
    SharedJobs(Store store, SharedRecords records, SharedSegments segments, JobStore jobs, WorkerPool pool, JobTimeouts timeouts,
            JobRetention retention, Function<StoredJob, JobPlan> plans, Clock clock) {
        this.store = store;
        this.records = records;
        this.segments = segments;
        this.jobs = jobs;
        this.pool = pool;
        this.timeouts = timeouts;
        this.retention = retention;
        this.followed = new FollowedJobHooks(retention);
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Shares a job admitted here: its inputs and then its record go to the store (so that a member that sees the record
     * finds the inputs), it reads and ends through the record from now on, and this member starts on its segments. A
     * job cancelled here while it was being shared is not shared: its record ends the same way, so that no member
     * computes it.
     */
    void publish(Job job) {
        StoredJob record = JobRecords.of(job, store.member(), job.idempotencyKey());
        Store.blind(store.inputs()).putAll(PackedSegments.inputs(job, job.live()));
        Store.blind(store.jobs()).put(job.id(), record);
        if (job.share(new SharedJobData(record, store), this::end)) {
            participate(job);
        } else {
            records.end(job.id(), job.status(), job.error());
        }
    }

    /** The job of {@code record}, made known here if it was not, following the record; a new unfinished one is computed here too. */
    synchronized Job apply(StoredJob record) {
        Optional<Job> known = jobs.find(record.id());
        if (known.isPresent()) {
            known.get().follow(record);
            participate(known.get());
            return known.get();
        }
        JobPlan plan = plans.apply(record);
        if (record.finished()) {
            Job ended = Job.ended(record.sequence(), record.id(), plan, JobRecords.submittedAt(record), JobRecords.ended(record, clock),
                    new StoredJobData(record, store, plan.segments()), followed);
            ended.keeping().keep();
            jobs.save(ended);
            retention.finished(ended);
            return ended;
        }
        Job job = Job.shared(record, plan, new SharedJobData(record, store), clock, followed, this::end);
        jobs.save(job);
        job.follow(record);
        participate(job);
        return job;
    }

    /** A job this member does not hold, read from the store; empty when no member has it. */
    Optional<Job> find(String id) {
        StoredJob record = records.read(id);
        return record == null ? Optional.empty() : Optional.of(apply(record));
    }

    /** Another member forgot the job: so does this one. */
    void forget(String id) {
        jobs.forget(id);
    }

    /** Ends a shared job through its record: the first final status written wins, and this member follows it at once. */
    boolean end(Job job, JobStatus status, JobError why) {
        SharedRecords.Change change = records.end(job.id(), status, why);
        if (change.record() != null) {
            job.follow(change.record());
            return change.changed();
        }
        return false;
    }

    /**
     * Starts computing segments of a shared, unfinished job here, once, and arms its timeout: also when this member
     * cannot compute its operation (a plug-in it lacks, an expression over its limits), so that such a job ends by its
     * timeout at the latest if no member can.
     */
    private synchronized void participate(Job job) {
        if (!job.shared() || job.status().isTerminal() || !watched.add(job.id())) {
            return;
        }
        job.whenFinished(() -> forgetWork(job.id()));
        timeouts.arm(job);
        if (job.operation() instanceof ArchivedOperation) {
            return;
        }
        SegmentWork work = new SegmentWork(job, segments, clock);
        working.put(job.id(), work);
        pool.dispatch(work);
    }

    private synchronized void forgetWork(String id) {
        working.remove(id);
        watched.remove(id);
    }

    /** Looks again for segments to claim in every job this member computes (a member left: its claims are orphans). */
    void kickAll() {
        List<SegmentWork> all;
        synchronized (this) {
            all = List.copyOf(working.values());
        }
        all.forEach(work -> work.kick(pool));
    }

    /** Looks again for segments of {@code job} to claim. */
    void kick(Job job) {
        SegmentWork work;
        synchronized (this) {
            work = working.get(job.id());
        }
        if (work != null) {
            work.kick(pool);
        }
    }
}
