package io.poolmap.actuator;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.poolmap.job.JobStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobMeters meters = new JobMeters(registry);

    @Test
    void submittedFinishedAndRejectedJobsAreCountedByOperationStatusAndReason() {
        meters.submitted("square");
        meters.submitted("square");
        meters.finished("square", JobStatus.SUCCEEDED, Duration.ofMillis(3));
        meters.finished("square", JobStatus.FAILED, Duration.ofMillis(5));
        meters.rejected("queue_full");
        meters.rejected("queue_full");
        meters.rejected("shutting_down");

        assertThat(registry.get("poolmap.jobs.submitted").tag("operation", "square").counter().count()).isEqualTo(2);
        assertThat(registry.get("poolmap.jobs.finished").tags("operation", "square", "status", "SUCCEEDED").counter().count()).isEqualTo(1);
        assertThat(registry.get("poolmap.job.duration").tags("operation", "square", "status", "FAILED").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(registry.get("poolmap.jobs.rejected").tag("reason", "queue_full").counter().count()).isEqualTo(2);
        assertThat(registry.get("poolmap.jobs.rejected").tag("reason", "shutting_down").counter().count()).isEqualTo(1);
    }

    @Test
    void eachMeterIsRegisteredOnceWhateverTheNumberOfJobs() {
        for (int i = 0; i < 100; i++) {
            meters.rejected("queue_full");
            meters.submitted("square");
            meters.finished("square", JobStatus.SUCCEEDED, Duration.ofMillis(1));
        }

        assertThat(registry.getMeters()).hasSize(4);
        assertThat(registry.get("poolmap.jobs.rejected").counters()).hasSize(1);
    }
}
