package io.poolmap.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.poolmap.job.TestOperations.TestCounting;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationKind;
import io.poolmap.worker.WorkerStatus;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiny CPU jobs ({@code poolmap.tiny-job-limit}): computed on the submitting thread, but only while it holds an idle
 * worker, as that worker; when every worker is busy they queue like any other job, so that never more than N CPU
 * items compute at once and every one is a named worker's.
 */
class TinyJobTest extends JobEngineTestSupport {

    private JobService withTinyJobs() {
        return start(aPoolmapProperties().tinyJobLimit(Duration.ofMillis(1)).build());
    }

    @Test
    void aTinyJobIsComputedByANamedWorkerAndHasFinishedWhenSubmitReturns() {
        JobService service = withTinyJobs();

        Job job = service.submit(aSubmission().numbers(1, 2, 3, 4, 5).build());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(results(job))).containsExactly(2, 4, 6, 8, 10);
        assertThat(job.itemsByWorker()).hasSize(1).containsValue(5L);
        assertThat(job.itemsByWorker().keySet()).allMatch(name -> name.matches("worker-[12]"));
        assertThat(job.items(0, 5)).extracting(JobItem::worker).allMatch(name -> name.matches("worker-[12]"));
        assertThat(job.chunkSize()).isEqualTo(5);
        assertThat(queuedItems()).isZero();
        assertThat(listener.events()).containsExactly("submitted:test_double", "finished:test_double:SUCCEEDED");
    }

    @Test
    void aTinyJobCountsInItsWorkersItemsChunksAndBusySeconds() {
        Operation slow = new TestOperations.TestOperation("test_slow", OperationKind.CPU, 1) {
            @Override
            public void apply(Numbers in, int i, Numbers out) {
                long until = System.nanoTime() + 2_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                out.setLong(i, in.longAt(i));
            }
        };
        JobService service = startWith(List.of(slow), aPoolmapProperties().tinyJobLimit(Duration.ofMillis(1)).build(), List.of(listener));

        Job job = service.submit(aSubmission().operation("test_slow").numbers(1, 2, 3).build());

        String worker = job.itemsByWorker().keySet().iterator().next();
        WorkerStatus status = workers().workers().stream().filter(w -> w.name().equals(worker)).findFirst().orElseThrow();
        assertThat(status.itemsCompleted()).isEqualTo(3);
        assertThat(status.chunksCompleted()).isEqualTo(1);
        assertThat(status.busySeconds()).isGreaterThanOrEqualTo(0.006);
        assertThat(status.busy()).isFalse();
    }

    @Test
    void aTinyJobShowsItsWorkerBusyWhileItComputes() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Operation held = new TestOperations.TestOperation("test_held", OperationKind.CPU, 1) {
            @Override
            public void apply(Numbers in, int i, Numbers out) throws InterruptedException {
                computing.countDown();
                release.await();
                out.setLong(i, in.longAt(i));
            }
        };
        JobService service = startWith(List.of(held), aPoolmapProperties().tinyJobLimit(Duration.ofMillis(1)).build(), List.of());

        CompletableFuture<Job> submitted = CompletableFuture.supplyAsync(() -> service.submit(aSubmission().operation("test_held").numbers(1).build()));
        computing.await();

        assertThat(workers().busyWorkers()).isEqualTo(1);
        assertThat(workers().workers()).filteredOn(WorkerStatus::busy).singleElement()
                .satisfies(worker -> assertThat(worker.currentJob()).isNotNull());
        release.countDown();
        Job job = submitted.get();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(workers().busyWorkers()).isZero();
    }

    @Test
    void aTinyJobQueuesWhileEveryWorkerIsHeldAndRunsWhenOneFrees() throws InterruptedException {
        JobService service = withTinyJobs();
        Job blocking = service.submit(aSubmission().operation("test_blocking").range(2).chunkSize(1).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));

        Job tiny = service.submit(aSubmission().numbers(7).build());

        assertThat(tiny.status()).isEqualTo(JobStatus.QUEUED);
        throughout(A_WHILE).untilAsserted(() -> {
            assertThat(tiny.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(tiny.completed()).isZero();
        });
        gate.allow(1);
        assertThat(finished(tiny).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(results(tiny))).containsExactly(14);
        assertThat(tiny.itemsByWorker().keySet()).allMatch(name -> name.matches("worker-[12]"));
        gate.open();
        assertThat(finished(blocking).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aBurstOfTinyJobsNeverComputesMoreItemsAtOnceThanThereAreWorkers() throws Exception {
        TestCounting counting = new TestCounting();
        JobService service = startWith(List.of(counting), aPoolmapProperties().tinyJobLimit(Duration.ofMillis(1)).build(), List.of());
        int submitters = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Job>>> bursts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < submitters; s++) {
                bursts.add(threads.submit(() -> {
                    go.await();
                    List<Job> jobs = new ArrayList<>();
                    for (int j = 0; j < 200; j++) {
                        jobs.add(service.submit(aSubmission().operation("test_counting").numbers(1, 2, 3, 4, 5, 6, 7, 8).build()));
                    }
                    return jobs;
                }));
            }
            go.countDown();
            for (Future<List<Job>> burst : bursts) {
                for (Job job : burst.get()) {
                    assertThat(finished(job).status()).isEqualTo(JobStatus.SUCCEEDED);
                    assertThat(job.itemsByWorker().keySet()).allMatch(name -> name.matches("worker-[12]"));
                }
            }
        }

        assertThat(counting.mostAtOnce()).isBetween(1, 2);
        long items = workers().workers().stream().mapToLong(WorkerStatus::itemsCompleted).sum();
        assertThat(items).isEqualTo(submitters * 200L * 8);
    }

    @Test
    void aTinyJobChecksItsDeadlineBetweenItems() {
        Operation slowClock = new TestOperations.TestOperation("test_slow_clock", OperationKind.CPU, 10) {
            @Override
            public void apply(Numbers in, int i, Numbers out) {
                clock.advance(Duration.ofMillis(400));
                out.setLong(i, in.longAt(i));
            }
        };
        JobService service = startWith(List.of(slowClock), aPoolmapProperties().tinyJobLimit(Duration.ofMillis(1)).build(), List.of());

        Job job = service.submit(aSubmission().operation("test_slow_clock").numbers(1, 2, 3, 4, 5).timeoutMs(1000L).build());

        assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(job.completed()).isEqualTo(3);
        assertThat(job.error().detail()).isEqualTo("the job did not finish within 1000 ms; 3 of 5 items were computed");
    }

    @Test
    void aSucceededTinyJobIsLoggedAtDebugAndEveryOtherJobAtInfo() throws InterruptedException {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(JobLog.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            JobService service = withTinyJobs();
            service.submit(aSubmission().numbers(1, 2).build());
            service.submit(aSubmission().operation("test_failing").numbers(13).build());
            gate.open();
            finished(service.submit(aSubmission().operation("test_blocking").range(2).build()));

            assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().startsWith("job "))
                    .extracting(line -> line.getLevel() + " " + line.getFormattedMessage().replaceAll("^job \\S+ ", ""))
                    .satisfiesExactly(
                            line -> assertThat(line).startsWith("DEBUG test_double size=2 status=SUCCEEDED"),
                            line -> assertThat(line).startsWith("INFO test_failing size=1 status=FAILED"),
                            line -> assertThat(line).startsWith("INFO test_blocking size=2 status=SUCCEEDED"));
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(before);
        }
    }

    @Test
    void aJobWhoseDeclaredCostReachesTheTinyJobLimitIsHandedToTheWorkersThreads() throws InterruptedException {
        JobService service = start(aPoolmapProperties().tinyJobLimit(Duration.ofNanos(50)).build());

        Job job = finished(service.submit(aSubmission().numbers(1, 2, 3, 4, 5).build()));

        assertThat(job.plan().execution()).isEqualTo(JobPlan.Execution.WORKERS);
        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
    }

    @Test
    void aJobOfMoreItemsThanAProbeChunkIsHandedToTheWorkersWhateverItsCost() throws InterruptedException {
        JobService service = start(aPoolmapProperties().tinyJobLimit(Duration.ofSeconds(1)).build());

        Job job = finished(service.submit(aSubmission().range(65).build()));

        assertThat(job.plan().execution()).isEqualTo(JobPlan.Execution.WORKERS);
    }

    @Test
    void ioJobsAreNeverTiny() throws InterruptedException {
        JobService service = start(aPoolmapProperties().tinyJobLimit(Duration.ofSeconds(1)).build());

        Job job = finished(service.submit(aSubmission().operation("test_sleep").numbers(0).build()));

        assertThat(job.plan().execution()).isEqualTo(JobPlan.Execution.IO_LANES);
        assertThat(job.itemsByWorker().keySet()).allMatch(name -> name.startsWith("io-"));
    }

    @Test
    void aTinyJobLimitOfZeroHandsEveryJobToTheWorkersThreads() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().numbers(1).build()));

        assertThat(job.plan().execution()).isEqualTo(JobPlan.Execution.WORKERS);
        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
    }
}
