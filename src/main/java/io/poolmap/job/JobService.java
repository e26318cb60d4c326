package io.poolmap.job;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import io.poolmap.worker.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The jobs engine as its edges see it: submit, find, cancel and list jobs. A thin facade: {@link JobPlanner} checks
 * and plans, {@link JobAdmission} bounds the queue, the {@link WorkerPool} computes a tiny job inline, the
 * {@link JobPlacement} starts the others (on this member's workers, or on every member's in a cluster),
 * {@link JobTimeouts} and {@link JobRetention} keep time, and {@link JobShutdown} ends it all gracefully.
 */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobPlanner planner;
    private final JobAdmission admission;
    private final JobHooks hooks;
    private final JobStore store;
    private final JobArchive archive;
    private final WorkerPool pool;
    private final JobPlacement placement;
    private final Clock clock;
    private final KeyedJobs keyed;
    private final JobNumbers numbers;

    JobService(JobPlanner planner, JobAdmission admission, JobHooks hooks, JobStore store, JobArchive archive,
            WorkerPool pool, JobPlacement placement, Clock clock) {
        this.planner = planner;
        this.admission = admission;
        this.hooks = hooks;
        this.store = store;
        this.archive = archive;
        this.pool = pool;
        this.placement = placement;
        this.clock = clock;
        this.keyed = new KeyedJobs(archive, store, placement);
        this.numbers = new JobNumbers(clock);
    }

    /**
     * Admits a job and starts it, or throws {@link JobRefusedException} saying why not; a tiny job may end before this
     * returns. With an {@code Idempotency-Key} already used for the same request, returns the job it created.
     */
    public Job submit(JobSubmission submission) {
        JobPlan plan = planner.plan(submission);
        String id = JobIds.next();
        JobSubmission.Idempotency idempotency = submission.idempotency();
        if (idempotency == null) {
            return admitAndStart(id, plan, null);
        }
        Optional<Job> earlier = keyed.earlierOrClaim(idempotency, id);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return admitAndStart(id, plan, idempotency);
        } finally {
            keyed.settled(id); // a retry of the key that waited finds this job now, or claims the key released
        }
    }

    private Job admitAndStart(String id, JobPlan plan, JobSubmission.Idempotency idempotency) {
        Job job;
        try {
            job = admission.admit(plan.size(), plan.heapBytes(), () -> launch(id, plan, idempotency));
        } catch (RuntimeException refused) {
            if (idempotency != null) {
                keyed.release(idempotency, id);
            }
            throw refused;
        }
        if (idempotency != null && placement.sharesJobs()) {
            // after admission: a job that started gives its room back as it ends, also when it is cancelled here
            try {
                keep(job);
            } catch (JobRefusedException refused) {
                keyed.release(idempotency, id);
                throw refused;
            }
        }
        return job;
    }

    /**
     * Puts the job on disk before this returns, as a 202 must: its record, inputs and the segments already computed;
     * its later segments and its end follow as they happen, and after a crash it resumes from them. If the store cannot
     * write a job it had not kept before, the job is cancelled, saying why, and {@link JobRefusedException} tells the
     * client to retry.
     */
    public void keep(Job job) {
        boolean keptBefore = job.keeping().kept();
        try {
            archive.keep(job);
        } catch (RuntimeException failed) {
            if (keptBefore) { // on disk since an earlier answer (a retry of its key): writing it again is not a promise
                log.warn("job {}: writing it to the store again failed; it was stored before", job.id(), failed);
                return;
            }
            job.cancel("the store could not keep it: " + failed);
            throw refusedByTheStore(job.id(), failed);
        }
    }

    /** The refusal of job {@code id} because the store failed to write it, logged with the store's own exception. */
    static JobRefusedException refusedByTheStore(String id, RuntimeException failed) {
        log.warn("job {} refused: the store could not write it", id, failed);
        return JobRefusedException.storeUnavailable(failed);
    }

    /** Carries on numbering jobs after {@code seen}, a number given before a restart. */
    void numberAfter(long seen) {
        numbers.after(seen);
    }

    /**
     * Makes an admitted job findable and starts it: a tiny job on this thread if a worker is idle, else where the
     * placement puts it, with its timeout armed; a job that cannot start is cancelled, never lost.
     */
    private Job launch(String id, JobPlan plan, JobSubmission.Idempotency idempotency) {
        Job job = new Job(numbers.next(), id, plan, clock, hooks);
        if (idempotency != null) {
            job.idempotencyKey(idempotency.key());
        }
        JobRun run = new JobRun(job, hooks, clock);
        store.save(job);
        hooks.submitted(job);
        // a retry after a restart, or on another member, must find it, whatever its size and however it is answered:
        // on a single node it is on disk before it can finish; a cluster shares it first, and it is kept once shared
        boolean keptFirst = idempotency != null && !placement.sharesJobs();
        if (keptFirst) {
            try {
                archive.keep(job);
            } catch (RuntimeException failed) {
                job.abandon("the store could not keep it");
                store.forget(job.id());
                archive.forget(job); // whatever of it was written before the failure
                throw refusedByTheStore(id, failed);
            }
        }
        if (plan.execution() != JobPlan.Execution.TINY || !pool.runOnIdleWorker(run)) {
            start(job, run);
        }
        return job;
    }

    /**
     * Starts a job where the placement puts it. One that cannot start (poolmap is shutting down, or the store refused
     * to share it) ends at once without a word to the hooks and is forgotten: admission gives its room back as it
     * refuses it, and its client hears why. One already shared stays: the cluster computes it.
     */
    private void start(Job job, JobRun run) {
        try {
            placement.start(job, run);
        } catch (RuntimeException notStarted) {
            if (job.shared()) {
                log.warn("job {} is shared, but this member could not start on it: {}", job.id(), notStarted.toString());
                return;
            }
            job.abandon("poolmap could not start the job: " + notStarted);
            store.forget(job.id());
            if (notStarted instanceof RejectedExecutionException) {
                throw JobRefusedException.shuttingDown();
            }
            // in a cluster, the store refused to share it (a full or failing disk)
            throw notStarted instanceof JobRefusedException refused ? refused : refusedByTheStore(job.id(), notStarted);
        }
    }

    /** The job with this id, or {@link JobNotFoundException}; in a cluster, any member's job. */
    public Job find(String id) {
        return store.find(id).or(() -> placement.find(id)).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** Cancels the job unless it has ended, and returns it either way. */
    public Job cancel(String id) {
        Job job = find(id);
        job.cancel("cancelled by a client");
        return job;
    }

    /** Jobs with {@code status} (any when {@code null}), newest first. */
    public List<Job> list(JobStatus status, int offset, int limit) {
        return store.list(status, offset, limit);
    }

    public long count(JobStatus status) {
        return store.count(status);
    }
}
