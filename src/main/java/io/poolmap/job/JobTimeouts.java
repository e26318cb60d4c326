package io.poolmap.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Ends a job as TIMED_OUT when its {@code timeoutMs} passes, even while it waits in the queue with no chunk running
 * to notice; the task is dropped when the job ends first. A job computed on its submitting thread needs none: it
 * checks its deadline between items.
 */
@Component
class JobTimeouts {

    private final ScheduledExecutorService scheduler;

    JobTimeouts(@Qualifier(JobConfiguration.SCHEDULER) ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void arm(Job job) {
        long delay = Math.max(0, job.deadlineMillis() - job.submittedAt().toEpochMilli());
        ScheduledFuture<?> deadline = scheduler.schedule(job::timeOut, delay, TimeUnit.MILLISECONDS);
        job.whenFinished(() -> deadline.cancel(false));
    }
}
