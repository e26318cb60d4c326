package io.poolmap.actuator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

class PoolHealthIndicatorTest extends ActuatorTestSupport {

    @Test
    void aBusyPoolIsUpWithItsSaturationAndAStoppingOneIsOutOfService() {
        start(40);
        PoolHealthIndicator indicator = new PoolHealthIndicator(engine.pool().statistics(), engine.admission());
        engine.jobs().submit(aSubmission().operation("test_blocking").range(10).parallelism(1).build());

        Health busy = indicator.health();
        assertThat(busy.getStatus()).isEqualTo(Status.UP);
        assertThat(busy.getDetails()).containsEntry("workers", 2).containsEntry("queuedItems", 10L)
                .containsEntry("queueCapacity", 40L).containsEntry("saturation", 0.25);

        gate.open();
        engine.stop();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }
}
