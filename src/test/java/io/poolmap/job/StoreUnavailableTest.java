package io.poolmap.job;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot write (a full disk) refuses the jobs that must be on disk before their answer, saying why, and
 * leaves nothing half-accepted: no job that runs for nobody, no queue room or key held.
 */
class StoreUnavailableTest {

    private static final RuntimeException DISK_FULL = new IllegalStateException("could not write",
            new UncheckedIOException(new IOException("No space left on device")));

    private final Gate gate = new Gate();
    private final TestJobEngine engine = TestJobEngine.start(aPoolmapProperties().build(), List.of(new TestBlocking(gate)),
            List.of(), Clock.systemUTC());

    @AfterEach
    void stop() throws InterruptedException {
        gate.open();
        engine.close();
    }

    @Test
    void aRunningJobThatCannotBeKeptForItsAcceptedAnswerIsCancelledSayingWhyAndTheClientToldToRetry() {
        Job job = engine.jobs().submit(aSubmission().operation("test_blocking").range(4).build());
        engine.failStoreWritesWith(DISK_FULL);

        JobRefusedException refused = catchThrowableOfType(JobRefusedException.class, () -> engine.jobs().keep(job));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.STORE_UNAVAILABLE);
        assertThat(refused).hasMessageContaining("No space left on device").hasMessageContaining("retry");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.error().detail()).contains("the store could not keep it");
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.admission().queuedItems() == 0);
    }

    @Test
    void aJobWithAKeyThatCannotBeKeptIsRefusedAndNeitherListedNorHoldingQueueRoom() {
        engine.failStoreWritesWith(DISK_FULL);

        JobRefusedException refused = catchThrowableOfType(JobRefusedException.class, () -> engine.jobs().submit(
                aSubmission().operation("test_blocking").range(4).idempotency(new JobSubmission.Idempotency("k", "h")).build()));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.STORE_UNAVAILABLE);
        assertThat(engine.jobs().list(null, 0, 10)).isEmpty();
        assertThat(engine.admission().queuedItems()).isZero();
        assertThat(gate.entered()).as("items computed for a refused job").isZero();
    }

    @Test
    void aJobWithAKeyIsKeptAndRunsOnceTheStoreWritesAgain() throws InterruptedException {
        engine.failStoreWritesWith(DISK_FULL);
        JobSubmission submission = aSubmission().operation("test_blocking").range(2)
                .idempotency(new JobSubmission.Idempotency("k", "h")).build();
        catchThrowableOfType(JobRefusedException.class, () -> engine.jobs().submit(submission));
        engine.failStoreWritesWith(null);

        Job retried = engine.jobs().submit(submission);
        gate.open();

        assertThat(retried.await(Duration.ofSeconds(10))).isTrue();
        assertThat(retried.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(engine.jobs().list(null, 0, 10)).containsExactly(retried);
    }
}
