package io.poolmap.actuator;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.poolmap.job.JobListener;
import io.poolmap.job.JobStatus;
import org.springframework.stereotype.Component;

/**
 * Counts jobs by operation and status: {@code poolmap.jobs.submitted}, {@code poolmap.jobs.finished},
 * {@code poolmap.jobs.rejected} (by reason) and the {@code poolmap.job.duration} timer with a histogram for
 * quantiles. Tags take only operation names, statuses and reasons, so their number stays bounded.
 */
@Component
class JobMeters implements JobListener {

    private final MeterRegistry registry;

    JobMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void submitted(String operation) {
        Counter.builder("poolmap.jobs.submitted").description("Jobs admitted").tag("operation", operation)
                .register(registry).increment();
    }

    @Override
    public void rejected(String reason) {
        Counter.builder("poolmap.jobs.rejected").description("Submissions refused for want of room or while shutting down")
                .tag("reason", reason).register(registry).increment();
    }

    @Override
    public void finished(String operation, JobStatus status, Duration duration) {
        Counter.builder("poolmap.jobs.finished").description("Jobs that reached a terminal state")
                .tag("operation", operation).tag("status", status.name()).register(registry).increment();
        Timer.builder("poolmap.job.duration").description("Time from submission to the end of a job")
                .tag("operation", operation).tag("status", status.name()).publishPercentileHistogram()
                .register(registry).record(duration);
    }
}
