package io.poolmap.job;

/**
 * The hooks of a shared job that this member follows but did not admit: it holds no room in this member's queue and no
 * heap here, and is counted and logged by the member that admitted it; once ended it is kept and forgotten like any
 * other finished job.
 */
final class FollowedJobHooks implements Job.Hooks {

    private final JobRetention retention;

    FollowedJobHooks(JobRetention retention) {
        this.retention = retention;
    }

    @Override
    public void released(Job job, long items) {
    }

    @Override
    public void finished(Job job) {
        retention.finished(job);
    }
}
