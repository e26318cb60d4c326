package io.poolmap.job;

import java.time.Duration;
import java.util.List;

import io.poolmap.PoolmapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The graceful end: on shutdown poolmap stops admitting, lets jobs in flight finish within
 * {@code poolmap.shutdown-grace}, then cancels what is left, so that every waiting client hears how its job ended.
 * It stops before the web server, so that requests during the grace get 503 and waiting clients their answer. In a
 * cluster it waits only for the jobs admitted here (whose clients may be waiting here), and cancels none that the
 * cluster computes: the other members carry on with them.
 */
@Component
class JobShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobShutdown.class);

    private final JobAdmission admission;
    private final JobStore store;
    private final Duration grace;

    JobShutdown(JobAdmission admission, JobStore store, PoolmapProperties properties) {
        this.admission = admission;
        this.store = store;
        this.grace = properties.shutdownGrace();
    }

    @Override
    public void start() {
        admission.startAdmitting();
    }

    @Override
    public void stop() {
        admission.stopAdmitting();
        long deadline = System.nanoTime() + grace.toNanos();
        List<Job> inFlight = store.unfinished().stream().filter(Job::admittedHere).toList();
        log.info("shutting down: no new jobs; {} in flight get up to {} to finish", inFlight.size(), grace);
        try {
            for (Job job : inFlight) {
                job.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Job job : store.unfinished()) {
            if (!job.shared() && job.cancel("poolmap shut down before the job finished (poolmap.shutdown-grace = " + grace + ")")) {
                log.warn("job {} cancelled by shutdown", job.id());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return admission.isAccepting();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
