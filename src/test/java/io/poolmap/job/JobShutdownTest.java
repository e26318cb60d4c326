package io.poolmap.job;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The graceful end: no new jobs, jobs in flight get the grace, what is left is cancelled. */
class JobShutdownTest extends JobEngineTestSupport {

    @Test
    void stoppingRefusesNewJobsLetsJobsFinishWithinTheGraceAndCancelsTheRest() throws InterruptedException {
        JobService service = start(aPoolmapProperties().shutdownGrace(Duration.ofSeconds(1)).build());
        Job quick = service.submit(aSubmission().operation("test_blocking").numbers(7).build());
        Job slow = service.submit(aSubmission().operation("test_sleep").numbers(60_000).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        eventually().untilAsserted(() -> assertThat(sleep.started()).isEqualTo(1));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(engine::stop);
        eventually().untilAsserted(() -> assertThat(engine.admission().isAccepting()).isFalse());

        assertThatThrownBy(() -> service.submit(aSubmission().build()))
                .isInstanceOfSatisfying(JobRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.SHUTTING_DOWN));
        gate.open();
        assertThat(finished(quick).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(slow.status()).isEqualTo(JobStatus.RUNNING);

        eventually().until(stopping::isDone);
        assertThat(slow.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(slow.error().detail()).contains("poolmap.shutdown-grace");
        eventually().untilAsserted(() -> assertThat(queuedItems()).isZero());
        assertThat(listener.events()).contains("rejected:shutting_down", "finished:test_blocking:SUCCEEDED",
                "finished:test_sleep:CANCELLED");
    }

    @Test
    void anEngineStartedAgainAfterStoppingRunsJobs() throws InterruptedException {
        JobService service = jobs();
        engine.stop();
        engine.restart();

        Job job = finished(service.submit(aSubmission().build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(queuedItems()).isZero();
    }
}
