package io.poolmap.actuator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.poolmap.job.JobListener;
import io.poolmap.job.JobStatus;
import org.springframework.stereotype.Component;

/**
 * Counts jobs by operation and status: {@code poolmap.jobs.submitted}, {@code poolmap.jobs.finished},
 * {@code poolmap.jobs.rejected} (by reason) and the {@code poolmap.job.duration} timer with a histogram for
 * quantiles. Tags take only operation names, statuses and reasons, so their number stays bounded. The counters have
 * no base unit: Prometheus would append it to their names ({@code poolmap_jobs_submitted_jobs_total}), and the names
 * are a contract that rules, alerts and the dashboard use.
 */
@Component
class JobMeters implements JobListener {

    private final MeterRegistry registry;
    /** Meters found once per operation, status and reason, not per job: a registry lookup builds and hashes an id each time. */
    private final Map<String, Counter> submitted = new ConcurrentHashMap<>();
    private final Map<String, Finished> finished = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    private record Finished(Counter count, Timer duration) {
    }

    JobMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void submitted(String operation) {
        submitted.computeIfAbsent(operation, name -> Counter.builder("poolmap.jobs.submitted").description("Jobs admitted")
                .tag("operation", name).register(registry)).increment();
    }

    @Override
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, name -> Counter.builder("poolmap.jobs.rejected")
                .description("Submissions refused for want of room or while shutting down")
                .tag("reason", name).register(registry)).increment();
    }

    @Override
    public void finished(String operation, JobStatus status, Duration duration) {
        Finished meters = finished.computeIfAbsent(operation + ' ' + status, key -> new Finished(
                Counter.builder("poolmap.jobs.finished").description("Jobs that reached a terminal state")
                        .tag("operation", operation).tag("status", status.name()).register(registry),
                Timer.builder("poolmap.job.duration").description("Time from submission to the end of a job")
                        .tag("operation", operation).tag("status", status.name()).publishPercentileHistogram()
                        .register(registry)));
        meters.count().increment();
        meters.duration().record(duration);
    }
}
