package io.poolmap.job;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.worker.WorkerPool;
import org.springframework.stereotype.Service;

/**
 * The jobs engine as its edges see it: submit, find, cancel and list jobs. A thin facade: {@link JobPlanner} checks
 * and plans, {@link JobAdmission} bounds the queue, the {@link WorkerPool} computes, {@link JobTimeouts} and
 * {@link JobRetention} keep time, and {@link JobShutdown} ends it all gracefully.
 */
@Service
public class JobService {

    private final JobPlanner planner;
    private final JobAdmission admission;
    private final JobTimeouts timeouts;
    private final JobHooks hooks;
    private final JobStore store;
    private final WorkerPool pool;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    JobService(JobPlanner planner, JobAdmission admission, JobTimeouts timeouts, JobHooks hooks, JobStore store,
            WorkerPool pool, Clock clock) {
        this.planner = planner;
        this.admission = admission;
        this.timeouts = timeouts;
        this.hooks = hooks;
        this.store = store;
        this.pool = pool;
        this.clock = clock;
    }

    /** Admits a job and starts it, or throws {@link JobRefusedException} saying why not; a tiny job may end before this returns. */
    public Job submit(JobSubmission submission) {
        JobPlan plan = planner.plan(submission);
        return admission.admit(plan.size(), plan.heapBytes(), () -> launch(plan));
    }

    /**
     * Makes an admitted job findable and starts it: a tiny job on this thread if a worker is idle, else on the workers
     * with its timeout armed; a job that cannot start is cancelled, never lost.
     */
    private Job launch(JobPlan plan) {
        Job job = new Job(sequence.incrementAndGet(), UUID.randomUUID().toString(), plan, clock, hooks);
        JobRun run = new JobRun(job, hooks, clock);
        store.save(job);
        hooks.submitted(job);
        if (plan.execution() == JobPlan.Execution.TINY && pool.runOnIdleWorker(run)) {
            return job;
        }
        try {
            timeouts.arm(job);
            pool.dispatch(run);
        } catch (RejectedExecutionException stopped) {
            job.cancel("poolmap was shutting down when the job arrived");
            throw JobRefusedException.shuttingDown();
        }
        return job;
    }

    /** The job with this id, or {@link JobNotFoundException}. */
    public Job find(String id) {
        return store.find(id).orElseThrow(() -> new JobNotFoundException(id));
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
