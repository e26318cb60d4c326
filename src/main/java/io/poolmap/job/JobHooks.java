package io.poolmap.job;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens around a job's life, in one place: its items give their room in the queue back, its segments and
 * its end go to the archive, and when it ends it is logged, counted by the listeners (metrics) and handed to retention.
 */
@Component
class JobHooks implements Job.Hooks {

    private static final Logger log = LoggerFactory.getLogger(JobHooks.class);

    private final JobAdmission admission;
    private final JobRetention retention;
    private final JobArchive archive;
    private final List<JobListener> listeners;

    JobHooks(JobAdmission admission, JobRetention retention, JobArchive archive, List<JobListener> listeners) {
        this.admission = admission;
        this.retention = retention;
        this.archive = archive;
        this.listeners = listeners;
    }

    void submitted(Job job) {
        listeners.forEach(listener -> listener.submitted(job.operationName()));
    }

    @Override
    public void released(Job job, long items) {
        admission.release(items);
    }

    @Override
    public void finished(Job job) {
        Duration duration = Duration.between(job.submittedAt(), job.finishedAt());
        JobLog.finished(job, duration);
        for (JobListener listener : listeners) {
            try {
                listener.finished(job.operationName(), job.status(), duration);
            } catch (RuntimeException broken) {
                log.warn("job listener {} failed for job {}", listener.getClass().getName(), job.id(), broken);
            }
        }
        long heapBytes = job.plan().heapBytes();
        if (!archive.finished(job, () -> admission.releaseHeap(heapBytes))) {
            admission.releaseHeap(heapBytes);
        }
        retention.finished(job);
    }

    @Override
    public void segmentDone(Job job, int segment) {
        archive.segmentDone(job, segment);
    }
}
