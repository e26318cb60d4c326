package io.poolmap.actuator;

import java.time.Duration;

import io.poolmap.worker.WorkerStatus;
import org.junit.jupiter.api.Test;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkerSnapshotTest extends ActuatorTestSupport {

    @Test
    void theMetersOfOneScrapeShareOneReadingAndTheNextScrapeReadsAgain() {
        start(1_000);
        WorkerSnapshot snapshot = new WorkerSnapshot(engine.pool().statistics());
        WorkerStatus first = snapshot.worker(0, 0);
        engine.jobs().submit(aSubmission().operation("test_blocking").range(2).chunkSize(1).parallelism(2).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.entered() == 2);

        assertThat(snapshot.worker(1, 0)).as("the same scrape").isSameAs(first);
        assertThat(snapshot.worker(2, 1).busy()).as("the same scrape, read before the job").isFalse();
        assertThat(snapshot.worker(0, 0).busy()).as("meter 0 asked again: a new scrape").isTrue();
    }
}
