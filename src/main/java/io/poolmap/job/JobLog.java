package io.poolmap.job;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per finished job: id, operation, size, status, duration and items per worker. A tiny job that
 * succeeded is logged at DEBUG: under load that is nearly every request, and the line would cost more than the job.
 */
final class JobLog {

    private static final Logger log = LoggerFactory.getLogger(JobLog.class);

    private JobLog() {
    }

    static void finished(Job job, Duration duration) {
        boolean routine = job.plan().execution() == JobPlan.Execution.TINY && job.status() == JobStatus.SUCCEEDED;
        if (routine ? log.isDebugEnabled() : log.isInfoEnabled()) {
            String line = "job {} {} size={} status={} durationMs={} workers={}";
            Object[] fields = {job.id(), job.operationName(), job.size(), job.status(), duration.toMillis(),
                    job.itemsByWorker()};
            if (routine) {
                log.debug(line, fields);
            } else {
                log.info(line, fields);
            }
        }
    }
}
