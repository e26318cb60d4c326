package io.poolmap.job;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounded admission: room in the queue, in items, taken when a job is admitted and given back as its items end. */
class JobAdmissionTest extends JobEngineTestSupport {

    @Test
    void aFullQueueRefusesAtOnceUntilTheBlockingJobEnds() throws InterruptedException {
        JobService service = start(aPoolmapProperties().queueCapacity(10).build());
        Job blocking = service.submit(aSubmission().operation("test_blocking").range(8).parallelism(1).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));

        assertThatThrownBy(() -> service.submit(aSubmission().numbers(1, 2, 3).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.QUEUE_FULL);
                    assertThat(refused.getMessage()).contains("3 items", "2 items of room", "= 10");
                    assertThat(refused.limit()).isEqualTo(10L);
                });
        Job fits = finished(service.submit(aSubmission().numbers(1, 2).build()));
        assertThat(fits.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThatThrownBy(() -> service.submit(aSubmission().numbers(1, 2, 3).build())).isInstanceOf(JobRefusedException.class);

        gate.open();

        assertThat(finished(blocking).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(results(blocking))).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
        assertThat(finished(service.submit(aSubmission().numbers(1, 2, 3).build())).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(listener.events()).filteredOn(event -> event.startsWith("rejected")).containsExactly("rejected:queue_full", "rejected:queue_full");
    }

    @Test
    void aJobThePoolRefusesToStartIsRefusedForgottenAndGivesItsRoomBackOnce() throws InterruptedException {
        JobService service = jobs();
        engine.pool().shutdown(Duration.ofSeconds(10));

        assertThatThrownBy(() -> service.submit(aSubmission().range(1_000).chunkSize(10).build()))
                .isInstanceOfSatisfying(JobRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.SHUTTING_DOWN));
        assertThat(queuedItems()).as("given back once, not twice").isZero();
        assertThat(service.count(null)).as("the refused job is not listed").isZero();
        assertThat(listener.events()).noneMatch(event -> event.startsWith("finished"));
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"})
    void queuedItemsReturnExactlyToZeroHoweverAJobEnds(JobStatus ending) throws InterruptedException {
        JobService service = jobs();
        JobSubmissionBuilder request = switch (ending) {
            case SUCCEEDED -> aSubmission().range(1_000).chunkSize(10);
            case FAILED -> aSubmission().operation("test_failing").range(1_000).chunkSize(10);
            case CANCELLED -> aSubmission().operation("test_blocking").range(100).chunkSize(10);
            case TIMED_OUT -> aSubmission().operation("test_blocking").range(100).chunkSize(10).timeoutMs(50L);
            default -> throw new IllegalArgumentException(ending.name());
        };

        Job job = service.submit(request.build());
        if (ending == JobStatus.CANCELLED) {
            assertThat(queuedItems()).isEqualTo(100);
            eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
            service.cancel(job.id());
        }
        finished(job);
        gate.open();

        assertThat(job.status()).isEqualTo(ending);
        eventually().untilAsserted(() -> assertThat(queuedItems()).isZero());
        throughout(A_WHILE).untilAsserted(() -> assertThat(queuedItems()).isZero());
    }
}
