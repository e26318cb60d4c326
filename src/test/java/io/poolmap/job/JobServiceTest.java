package io.poolmap.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import io.poolmap.PoolmapProperties;
import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JobService} and {@link JobRun} without Spring: how jobs run on the pool, and how they end. */
class JobServiceTest extends JobEngineTestSupport {

    // --- results, parallelism, chunks ---------------------------------------------------------------

    @Test
    void resultsComeBackInInputOrderAcrossManyChunks() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().range(10_000).chunkSize(7).parallelism(2).build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(results(job))).containsExactly(LongStream.range(0, 10_000).map(i -> 2 * i).toArray());
        assertThat(job.completed()).isEqualTo(10_000);
        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
        assertThat(itemsComputed(job)).isEqualTo(10_000);
    }

    @Test
    void parallelismAbovePoolSizeIsClampedToItAndReported() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().range(100).parallelism(64).build()));

        assertThat(job.parallelism()).isEqualTo(2);
    }

    @Test
    void parallelismDefaultsToThePoolSize() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().range(100).parallelism(null).build()));

        assertThat(job.parallelism()).isEqualTo(2);
    }

    @Test
    void parallelismOneRunsOneChunkAtATime() {
        Job job = jobs().submit(aSubmission().operation("test_blocking").range(8).chunkSize(2).parallelism(1).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        throughout(A_WHILE).untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        assertThat(workers().busyWorkers()).isEqualTo(1);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void parallelismTwoRunsTwoChunksAtOnce() {
        jobs().submit(aSubmission().operation("test_blocking").range(8).chunkSize(2).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(workers().busyWorkers()).isEqualTo(2);
    }

    @Test
    void aSmallJobWaitsForAtMostOneChunkOfEachBusyWorker() throws InterruptedException {
        JobService service = jobs();
        Job big = service.submit(aSubmission().operation("test_blocking").range(100).chunkSize(2).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));

        Job small = service.submit(aSubmission().numbers(1, 2).build());
        throughout(A_WHILE).untilAsserted(() -> assertThat(small.status()).isEqualTo(JobStatus.QUEUED));
        gate.allow(4);

        assertThat(finished(small).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(big.completed()).isBetween(2L, 4L);
        assertThat(big.status()).isEqualTo(JobStatus.RUNNING);
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(6));
        assertThat(big.completed()).isEqualTo(4);
    }

    @Test
    void chunkSizeGivenIsTheLargestChunk() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().range(1_000).chunkSize(3).build()));

        assertThat(job.chunkSize()).isBetween(1, 3);
        assertThat(job.items(0, 1_000)).extracting(JobItem::worker).doesNotContainNull();
        assertThat(longs(results(job))).containsExactly(LongStream.range(0, 1_000).map(i -> 2 * i).toArray());
    }

    @Test
    void chunkSizeLargerThanTheBatchIsCutToTheBatch() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().range(10).chunkSize(1_000).build()));

        assertThat(job.chunkSize()).isEqualTo(10);
        assertThat(job.itemsByWorker()).hasSize(1);
    }

    @Test
    void theFirstAutomaticChunkOfACheapOperationIsASmallProbe() {
        Job job = jobs().submit(aSubmission().operation("test_cheap_blocking").range(1_000).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.chunkSize()).isEqualTo(64); // a probe, below Pool.map's ceil(1000 / (4 × 2)) = 125
    }

    @Test
    void theFirstAutomaticChunkOfASmallBatchFollowsPoolMapsRule() {
        Job job = jobs().submit(aSubmission().operation("test_cheap_blocking").range(40).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.chunkSize()).isEqualTo(5); // ceil(40 / (4 × 2))
    }

    @Test
    void theFirstAutomaticChunkOfAnExpensiveOperationRunsAboutTwoMilliseconds() {
        Job job = jobs().submit(aSubmission().operation("test_blocking").range(1_000).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.chunkSize()).isEqualTo(2); // 2 ms at a declared 1 ms an item, well under Pool.map's 125
    }

    @Test
    void automaticChunksGrowWhenItemsCostLessThanDeclaredButNeverBeyondPoolMapsRule() throws InterruptedException {
        gate.open();

        Job job = finished(jobs().submit(aSubmission().operation("test_blocking").range(1_000).parallelism(2).build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.chunkSize()).isGreaterThan(2).isLessThanOrEqualTo(125);
        assertThat(longs(results(job))).containsExactly(LongStream.range(0, 1_000).map(i -> 10 * i).toArray());
    }

    // --- how jobs end ---------------------------------------------------------------------------------

    @Test
    void anErrorThrownByAnOperationFailsTheJobInsteadOfSucceedingWithHoles() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().operation("test_erroring").range(10).chunkSize(10).build()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(results(job)).isNull();
        assertThat(job.error().index()).isEqualTo(3);
        assertThat(job.error().detail()).contains("AssertionError").doesNotContain("a bug in the operation");
        Job next = finished(jobs().submit(aSubmission().range(100).build()));
        assertThat(next.status()).as("the workers go on").isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aListenerThatThrowsDoesNotLeaveWaitersHanging() throws InterruptedException {
        JobListener throwing = new JobListener() {
            @Override
            public void finished(String operation, JobStatus status, Duration duration) {
                throw new IllegalStateException("a broken listener");
            }
        };
        JobService service = startWith(operations, aPoolmapProperties().build(), List.of(throwing));

        Job job = service.submit(aSubmission().range(10).build());

        assertThat(job.await(Duration.ofSeconds(5))).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aFailingItemFailsTheJobNamingItsIndexAndValue() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().operation("test_failing").range(20).chunkSize(5).build()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(results(job)).isNull();
        JobError error = job.error();
        assertThat(error.kind()).isEqualTo(JobError.Kind.ITEM_FAILED);
        assertThat(error.index()).isEqualTo(13);
        assertThat(error.value()).isEqualTo(13L);
        assertThat(error.detail()).isEqualTo("numbers[13] = 13: 13 is unlucky");
    }

    @Test
    void cancellingARunningJobStopsItsChunksAtTheNextItemAndDropsQueuedOnes() {
        JobService service = jobs();
        Job job = service.submit(aSubmission().operation("test_blocking").range(20).chunkSize(5).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));

        Job cancelled = service.cancel(job.id());
        gate.open();

        assertThat(cancelled).isSameAs(job);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.error().kind()).isEqualTo(JobError.Kind.CANCELLED);
        assertThat(results(job)).isNull();
        eventually().untilAsserted(() -> assertThat(queuedItems()).isZero());
        throughout(A_WHILE).untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.completed()).isLessThan(job.size());
        assertThat(itemsComputed(job)).isEqualTo(job.completed());
        assertThat(workers().busyWorkers()).isZero();
    }

    @Test
    void aFinishedJobNeverChangesEvenWhileItemsThatWereComputingWhenItEndedFinish() {
        JobService service = jobs();
        Job job = service.submit(aSubmission().operation("test_blocking").range(20).chunkSize(5).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));

        service.cancel(job.id());
        long completed = job.completed();
        var byWorker = job.itemsByWorker();
        var items = job.items(0, 20);
        Instant finishedAt = job.finishedAt();
        gate.open();

        eventually().untilAsserted(() -> assertThat(workers().busyWorkers()).isZero());
        assertThat(completed).isZero();
        assertThat(job.completed()).isEqualTo(completed);
        assertThat(job.itemsByWorker()).isEqualTo(byWorker);
        assertThat(job.items(0, 20)).isEqualTo(items);
        assertThat(job.finishedAt()).isEqualTo(finishedAt);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void cancellingAQueuedJobDropsAllItsChunksAndGivesItsRoomBackAtOnce() {
        JobService service = jobs();
        service.submit(aSubmission().operation("test_blocking").range(10).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        Job queued = service.submit(aSubmission().range(50).build());
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queuedItems()).isEqualTo(60);

        service.cancel(queued.id());

        assertThat(queued.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(queuedItems()).isEqualTo(10);
        assertThat(queued.startedAt()).isNull();
        gate.open();
        eventually().untilAsserted(() -> assertThat(queuedItems()).isZero());
        assertThat(queued.completed()).isZero();
        assertThat(queued.itemsByWorker()).isEmpty();
    }

    @Test
    void cancellingAgainChangesNothing() {
        JobService service = jobs();
        Job job = service.submit(aSubmission().operation("test_blocking").range(4).parallelism(1).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        service.cancel(job.id());
        Instant finishedAt = job.finishedAt();
        JobError error = job.error();

        assertThat(job.cancel("again")).isFalse();
        Job again = service.cancel(job.id());

        assertThat(again.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(again.finishedAt()).isEqualTo(finishedAt);
        assertThat(again.error()).isSameAs(error);
        assertThat(listener.events()).containsOnlyOnce("finished:test_blocking:CANCELLED");
    }

    @Test
    void cancellingAFinishedJobChangesNothing() throws InterruptedException {
        JobService service = jobs();
        Job job = finished(service.submit(aSubmission().build()));

        Job again = service.cancel(job.id());

        assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(results(again))).containsExactly(2, 4, 6);
        assertThat(again.error()).isNull();
    }

    @Test
    void anUnknownJobIsNotFoundNamingItsId() {
        JobService service = jobs();

        assertThatThrownBy(() -> service.cancel("no-such-job"))
                .isInstanceOfSatisfying(JobNotFoundException.class, missing -> assertThat(missing.id()).isEqualTo("no-such-job"));
        assertThatThrownBy(() -> service.find("x".repeat(100)))
                .isInstanceOfSatisfying(JobNotFoundException.class, missing -> assertThat(missing.id()).hasSize(65).endsWith("…"));
    }

    @Test
    void aJobThatOutlivesItsTimeoutEndsTimedOutWithItsProgress() throws InterruptedException {
        JobService service = jobs();
        gate.allow(3);

        Job job = finished(service.submit(aSubmission().operation("test_blocking").range(10).chunkSize(10).parallelism(1)
                .timeoutMs(300L).build()));

        assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(job.error().kind()).isEqualTo(JobError.Kind.TIMED_OUT);
        // progress is published per block of about 100 µs of measured work, so it may lag the third item by one
        assertThat(job.error().detail()).matches("the job did not finish within 300 ms; [23] of 10 items were computed");
        assertThat(results(job)).isNull();
        long completed = job.completed();
        gate.open();
        eventually().untilAsserted(() -> assertThat(queuedItems()).isZero());
        assertThat(job.completed()).as("frozen when it timed out").isEqualTo(completed);
    }

    // --- I/O operations -------------------------------------------------------------------------------

    @Test
    void anIoOperationRunsOnVirtualThreadsAndNeverOccupiesACpuWorker() {
        JobService service = jobs();
        Job job = service.submit(aSubmission().operation("test_sleep").numbers(60_000, 60_000).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(sleep.started()).isEqualTo(2));

        throughout(A_WHILE).untilAsserted(() -> {
            assertThat(workers().busyWorkers()).isZero();
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        });
        assertThat(sleep.onPlatformThreads()).isZero();
    }

    @Test
    void cancellingAnIoJobInterruptsItsWaitPromptly() {
        JobService service = jobs();
        Job job = service.submit(aSubmission().operation("test_sleep").numbers(60_000, 60_000, 60_000).parallelism(3).build());
        eventually().untilAsserted(() -> assertThat(sleep.started()).isEqualTo(3));

        service.cancel(job.id());

        // far less than the 60 s sleeps, which only an interrupt ends this early
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queuedItems()).isZero());
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.completed()).isZero();
    }

    @Test
    void anIoJobReportsItsLanesAsWorkersAndMayUseMoreLanesThanThereAreCpuWorkers() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxIoParallelism(4).build());

        Job job = finished(service.submit(aSubmission().operation("test_sleep").numbers(1, 2, 3, 4, 5, 6, 7, 8).chunkSize(1).parallelism(100).build()));

        assertThat(job.parallelism()).isEqualTo(4);
        assertThat(longs(results(job))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("io-[1-4]"));
        assertThat(job.items(0, 1).getFirst().worker()).matches("io-[1-4]");
    }

    // --- listeners ------------------------------------------------------------------------------------

    @Test
    void listenersAreToldOfSubmittedFinishedAndRejectedJobs() throws InterruptedException {
        PoolmapProperties properties = aPoolmapProperties().queueCapacity(5).build();
        JobService service = start(properties);

        finished(service.submit(aSubmission().build()));
        // a job's status turns terminal before its end is announced: wait for the announcement
        eventually().until(() -> listener.events().contains("finished:test_double:SUCCEEDED"));
        finished(service.submit(aSubmission().operation("test_failing").numbers(13).build()));
        eventually().until(() -> listener.events().contains("finished:test_failing:FAILED"));
        assertThatThrownBy(() -> service.submit(aSubmission().range(6).build())).isInstanceOf(JobRefusedException.class);
        assertThatThrownBy(() -> service.submit(aSubmission().operation("test_nothing").build())).isInstanceOf(JobRefusedException.class);
        engine.stop();
        assertThatThrownBy(() -> service.submit(aSubmission().build())).isInstanceOf(JobRefusedException.class);

        assertThat(listener.events()).containsExactly(
                "submitted:test_double", "finished:test_double:SUCCEEDED",
                "submitted:test_failing", "finished:test_failing:FAILED",
                "rejected:queue_full",
                "rejected:shutting_down");
    }
}
