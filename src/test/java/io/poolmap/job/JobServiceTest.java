package io.poolmap.job;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.poolmap.PoolmapProperties;
import io.poolmap.PoolmapThreads;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.job.TestOperations.TestDomain;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.job.TestOperations.TestErroring;
import io.poolmap.job.TestOperations.TestFailing;
import io.poolmap.job.TestOperations.TestSleep;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.OperationRegistry;
import io.poolmap.testing.Generator;
import io.poolmap.testing.Generators;
import io.poolmap.web.ProblemException;
import io.poolmap.worker.WorkerPool;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobRequestBuilder.aJobRequest;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.ints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * {@link JobService} and {@link Job} without Spring: a real two-worker {@link WorkerPool}, test operations whose
 * items the test holds at a {@link Gate}, and a clock that moves only when told.
 */
class JobServiceTest {

    private static final Duration A_WHILE = Duration.ofMillis(200);

    private final Gate gate = new Gate();
    private final TestSleep sleep = new TestSleep();
    private final List<Operation> operations = List.of(new TestDouble(), new TestBlocking(gate), new TestFailing(),
            new TestDomain(), sleep, new TestBlocking("test_cheap_blocking", 10, gate), new TestErroring());
    private final RecordingJobListener listener = new RecordingJobListener();
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

    private Set<Thread> threadsBefore;
    private WorkerPool pool;
    private JobService jobs;

    @BeforeEach
    void rememberThreads() {
        threadsBefore = PoolmapThreads.alive();
    }

    @AfterEach
    void stopEverythingAndCheckNoThreadLeaked() throws InterruptedException {
        gate.open();
        if (jobs != null) {
            jobs.stop();
            jobs.destroy();
        }
        if (pool != null) {
            pool.close();
        }
        eventually().untilAsserted(() -> assertThat(PoolmapThreads.startedSince(threadsBefore)).isEmpty());
    }

    private JobService start(PoolmapProperties properties) {
        pool = new WorkerPool(properties.effectiveWorkers());
        jobs = new JobService(properties, new OperationRegistry(operations), pool, store, List.of(listener), clock);
        jobs.start();
        return jobs;
    }

    private JobService jobs() {
        return jobs != null ? jobs : start(aPoolmapProperties().build());
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
    }

    private static ConditionFactory throughout(Duration duration) {
        return await().during(duration).atMost(duration.plusSeconds(2)).pollInterval(Duration.ofMillis(10));
    }

    private static Job finished(Job job) throws InterruptedException {
        assertThat(job.await(Duration.ofSeconds(10))).as("job %s ended", job.id()).isTrue();
        return job;
    }

    private static long[] longs(Numbers numbers) {
        return IntStream.range(0, numbers.size()).mapToLong(numbers::longAt).toArray();
    }

    private static long itemsComputed(Job job) {
        return job.itemsByWorker().values().stream().mapToLong(Long::longValue).sum();
    }

    private static ProblemDetail problemOf(Throwable thrown) {
        return ((ProblemException) thrown).toProblemDetail();
    }

    // --- results, parallelism, chunks ---------------------------------------------------------------

    @Test
    void resultsComeBackInInputOrderAcrossManyChunks() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().range(10_000).chunkSize(7).parallelism(2).build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(job.results())).containsExactly(LongStream.range(0, 10_000).map(i -> 2 * i).toArray());
        assertThat(job.completed()).isEqualTo(10_000);
        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
        assertThat(itemsComputed(job)).isEqualTo(10_000);
    }

    @Test
    void parallelismAbovePoolSizeIsClampedToItAndReported() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().range(100).parallelism(64).build()));

        assertThat(job.parallelism()).isEqualTo(2);
        assertThat(JobView.of(job, true, clock.instant()).parallelism()).isEqualTo(2);
    }

    @Test
    void parallelismDefaultsToThePoolSize() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().range(100).parallelism(null).build()));

        assertThat(job.parallelism()).isEqualTo(2);
    }

    @Test
    void parallelismOneRunsOneChunkAtATime() {
        Job job = jobs().submit(aJobRequest().operation("test_blocking").range(8).chunkSize(2).parallelism(1).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        throughout(A_WHILE).untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        assertThat(pool.busyWorkers()).isEqualTo(1);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void parallelismTwoRunsTwoChunksAtOnce() {
        jobs().submit(aJobRequest().operation("test_blocking").range(8).chunkSize(2).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(pool.busyWorkers()).isEqualTo(2);
    }

    @Test
    void aSmallJobWaitsForAtMostOneChunkOfEachBusyWorker() throws InterruptedException {
        JobService service = jobs();
        Job big = service.submit(aJobRequest().operation("test_blocking").range(100).chunkSize(2).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));

        Job small = service.submit(aJobRequest().numbers(1, 2).build());
        throughout(A_WHILE).untilAsserted(() -> assertThat(small.status()).isEqualTo(JobStatus.QUEUED));
        gate.allow(4);

        assertThat(finished(small).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(big.completed()).isBetween(2L, 4L);
        assertThat(big.status()).isEqualTo(JobStatus.RUNNING);
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(6));
        assertThat(big.completed()).isEqualTo(4);
    }

    @Test
    void chunkSizeGivenIsUsedForEveryChunk() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().range(1_000).chunkSize(3).build()));

        assertThat(job.chunkSize()).isEqualTo(3);
        assertThat(longs(job.results())).containsExactly(LongStream.range(0, 1_000).map(i -> 2 * i).toArray());
    }

    @Test
    void chunkSizeLargerThanTheBatchIsCutToTheBatch() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().range(10).chunkSize(1_000).build()));

        assertThat(job.chunkSize()).isEqualTo(10);
        assertThat(job.itemsByWorker()).hasSize(1);
    }

    @Test
    void theFirstAutomaticChunkOfACheapOperationIsASmallProbe() {
        JobService service = jobs();

        Job job = service.submit(aJobRequest().operation("test_cheap_blocking").range(1_000).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.chunkSize()).isEqualTo(64); // a probe, below Pool.map's ceil(1000 / (4 × 2)) = 125
    }

    @Test
    void theFirstAutomaticChunkOfASmallBatchFollowsPoolMapsRule() {
        JobService service = jobs();

        Job job = service.submit(aJobRequest().operation("test_cheap_blocking").range(40).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.chunkSize()).isEqualTo(5); // ceil(40 / (4 × 2))
    }

    @Test
    void theFirstAutomaticChunkOfAnExpensiveOperationRunsAboutTwoMilliseconds() {
        JobService service = jobs();

        Job job = service.submit(aJobRequest().operation("test_blocking").range(1_000).parallelism(2).build());

        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.chunkSize()).isEqualTo(2); // 2 ms at a declared 1 ms an item, well under Pool.map's 125
    }

    @Test
    void automaticChunksGrowWhenItemsCostLessThanDeclaredButNeverBeyondPoolMapsRule() throws InterruptedException {
        gate.open();

        Job job = finished(jobs().submit(aJobRequest().operation("test_blocking").range(1_000).parallelism(2).build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.chunkSize()).isGreaterThan(2).isLessThanOrEqualTo(125);
        assertThat(longs(job.results())).containsExactly(LongStream.range(0, 1_000).map(i -> 10 * i).toArray());
    }

    @Test
    void autoChunkSizeExamples() {
        assertThat(JobService.autoChunkSize(1, 2, 10)).isEqualTo(1);
        assertThat(JobService.autoChunkSize(8, 2, 10)).isEqualTo(1);
        assertThat(JobService.autoChunkSize(9, 2, 10)).isEqualTo(2);
        assertThat(JobService.autoChunkSize(100, 4, 10)).isEqualTo(7);
        assertThat(JobService.autoChunkSize(1_000_000, 4, 10)).isEqualTo(64);
        assertThat(JobService.autoChunkSize(1_000_000, 4, 0)).isEqualTo(64);
        assertThat(JobService.autoChunkSize(1_000_000, 4, 100_000)).isEqualTo(20);
        assertThat(JobService.autoChunkSize(1_000_000, 4, 10_000_000_000L)).isEqualTo(1);
    }

    private record Sizing(int items, int parallelism, long costNanos) {
    }

    @Test
    void autoChunkSizeIsAtLeastOneAndNeverAbovePoolMapsRuleOrTwoMillisecondsOfWork() {
        Generator<Integer> items = ints(1, 100_000_000);
        Generator<Integer> parallelisms = ints(1, 4096);
        Generator<Long> costs = Generators.longs(0, 10_000_000_000L);
        forAll(1000, random -> new Sizing(items.next(random), parallelisms.next(random), costs.next(random)),
                sizing -> autoChunkSizeKeepsItsBounds(sizing.items(), sizing.parallelism(), sizing.costNanos()));
    }

    private static void autoChunkSizeKeepsItsBounds(int items, int parallelism, long costNanos) {
        int chunk = JobService.autoChunkSize(items, parallelism, costNanos);

        long poolMapRule = (items + 4L * parallelism - 1) / (4L * parallelism);
        assertThat(chunk).isBetween(1, (int) poolMapRule);
        assertThat(chunk == 1 || chunk * Math.max(1, costNanos) <= 2_000_000).as("chunk %d of %d ns items", chunk, costNanos).isTrue();
    }

    // --- inline execution of tiny jobs ----------------------------------------------------------------

    @Test
    void aTinyCpuJobRunsInlineOnTheSubmittingThreadAndHasFinishedWhenSubmitReturns() {
        JobService service = start(aPoolmapProperties().inlineLimit(Duration.ofMillis(1)).build());

        Job job = service.submit(aJobRequest().numbers(1, 2, 3, 4, 5).build());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(job.results())).containsExactly(2, 4, 6, 8, 10);
        assertThat(job.itemsByWorker()).containsExactly(entry(WorkerPool.INLINE, 5L));
        assertThat(job.items(0, 5)).extracting(ItemView::worker).containsOnly(WorkerPool.INLINE);
        assertThat(job.chunkSize()).isEqualTo(5);
        assertThat(pool.inlineItems()).isEqualTo(5);
        assertThat(pool.workers()).allSatisfy(worker -> assertThat(worker.itemsCompleted()).isZero());
        assertThat(service.queuedItems()).isZero();
        assertThat(listener.events()).containsExactly("submitted:test_double", "finished:test_double:SUCCEEDED");
    }

    @Test
    void anInlineJobChecksItsDeadlineBetweenItemsWithoutATimer() {
        TestOperations.TestOperation slowClock = new TestOperations.TestOperation("test_slow_clock", OperationKind.CPU, 10) {
            @Override
            public void apply(Numbers in, int i, Numbers out) {
                clock.advance(Duration.ofMillis(400));
                out.setLong(i, in.longAt(i));
            }
        };
        JobService service = startWith(slowClock, aPoolmapProperties().inlineLimit(Duration.ofMillis(1)).build());

        Job job = service.submit(aJobRequest().operation("test_slow_clock").numbers(1, 2, 3, 4, 5).timeoutMs(1000L).build());

        assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(job.completed()).isEqualTo(3);
        assertThat(job.error().detail()).isEqualTo("the job did not finish within 1000 ms; 3 of 5 items were computed");
        assertThat(pool.inlineItems()).isEqualTo(3);
    }

    @Test
    void aSucceededInlineJobIsLoggedAtDebugAndEveryOtherJobAtInfo() throws InterruptedException {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(JobService.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            JobService service = start(aPoolmapProperties().inlineLimit(Duration.ofMillis(1)).build());
            service.submit(aJobRequest().numbers(1, 2).build());
            service.submit(aJobRequest().operation("test_failing").numbers(13).build());
            gate.open();
            finished(service.submit(aJobRequest().operation("test_blocking").range(2).build()));

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
    void anInlineJobIsNotHeldBehindAJobThatOccupiesEveryWorker() {
        JobService service = start(aPoolmapProperties().inlineLimit(Duration.ofMillis(1)).build());
        service.submit(aJobRequest().operation("test_blocking").range(8).chunkSize(1).build());
        eventually().untilAsserted(() -> assertThat(pool.busyWorkers()).isEqualTo(2));

        Job tiny = service.submit(aJobRequest().numbers(7).build());

        assertThat(tiny.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(tiny.results())).containsExactly(14);
    }

    @Test
    void aJobWhoseDeclaredCostReachesTheInlineLimitIsHandedToTheWorkers() throws InterruptedException {
        JobService service = start(aPoolmapProperties().inlineLimit(Duration.ofNanos(50)).build());

        Job job = finished(service.submit(aJobRequest().numbers(1, 2, 3, 4, 5).build()));

        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
        assertThat(pool.inlineItems()).isZero();
    }

    @Test
    void aJobOfMoreItemsThanAProbeChunkIsHandedToTheWorkersWhateverItsCost() throws InterruptedException {
        JobService service = start(aPoolmapProperties().inlineLimit(Duration.ofSeconds(1)).build());

        Job job = finished(service.submit(aJobRequest().range(65).build()));

        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
    }

    @Test
    void ioJobsAreNeverInline() throws InterruptedException {
        JobService service = start(aPoolmapProperties().inlineLimit(Duration.ofSeconds(1)).build());

        Job job = finished(service.submit(aJobRequest().operation("test_sleep").numbers(0).build()));

        assertThat(job.itemsByWorker().keySet()).allMatch(name -> name.startsWith("io-"));
    }

    @Test
    void anInlineLimitOfZeroHandsEveryJobToTheWorkers() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().numbers(1).build()));

        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("worker-[12]"));
        assertThat(pool.inlineItems()).isZero();
    }

    // --- refusals before a job exists ------------------------------------------------------------------

    /** {@code test_counting_double}: 2x for longs, accepting every long with 3 result digits at most, counting checks. */
    private static final class CountingDouble extends TestOperations.TestOperation {

        private final AtomicInteger checks = new AtomicInteger();

        CountingDouble() {
            super("test_counting_double", OperationKind.CPU, 10);
        }

        @Override
        public String checkDomain(Numbers numbers, int i) {
            checks.incrementAndGet();
            return numbers.kind(i) == Numbers.Kind.LONG ? null : "test_counting_double needs a long";
        }

        @Override
        public long resultDigitsOfAnyLong() {
            return 3;
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            out.setLong(i, 2 * in.longAt(i));
        }
    }

    private JobService startWith(Operation operation, PoolmapProperties properties) {
        pool = new WorkerPool(properties.effectiveWorkers());
        jobs = new JobService(properties, new OperationRegistry(List.of(operation)), pool, store, List.of(listener), clock);
        jobs.start();
        return jobs;
    }

    @Test
    void aBatchOfLongsThatTheOperationAcceptsWholeIsNotCheckedItemByItem() throws InterruptedException {
        CountingDouble counting = new CountingDouble();
        JobService service = startWith(counting, aPoolmapProperties().maxResultDigits(300).build());

        Job job = finished(service.submit(aJobRequest().operation("test_counting_double").range(100).build()));

        assertThat(counting.checks.get()).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aBatchOfLongsWhoseBoundPassesTheLimitOnResultDigitsIsCheckedItemByItem() {
        CountingDouble counting = new CountingDouble();
        JobService service = startWith(counting, aPoolmapProperties().maxResultDigits(299).build());

        assertThatThrownBy(() -> service.submit(aJobRequest().operation("test_counting_double").range(100).build()))
                .satisfies(thrown -> assertThat(problemOf(thrown).getProperties()).containsEntry("limit", 299L));
        assertThat(counting.checks.get()).isEqualTo(100);
    }

    @Test
    void aBatchWithOneItemThatIsNotALongIsCheckedItemByItem() {
        CountingDouble counting = new CountingDouble();
        JobService service = startWith(counting, aPoolmapProperties().build());
        Numbers mixed = Numbers.builder().add(1L).add(2.5).add(3L).build();

        assertThatThrownBy(() -> service.submit(aJobRequest().operation("test_counting_double").numbers(mixed).build()))
                .satisfies(thrown -> assertThat(problemOf(thrown).getProperties()).containsEntry("index", 1));
        assertThat(counting.checks.get()).isEqualTo(2);
    }

    @Test
    void anItemOutsideTheDomainIsRefusedWith422AndNoJobIsCreated() {
        JobService service = jobs();

        assertThatThrownBy(() -> service.submit(aJobRequest().operation("test_domain").numbers(1, 2, -3, 4).build()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    ProblemDetail detail = problem.toProblemDetail();
                    assertThat(detail.getType()).hasToString("urn:poolmap:problem:outside-domain");
                    assertThat(detail.getDetail()).contains("numbers[2] = -3", "test_domain needs a number ≥ 0");
                    assertThat(detail.getProperties()).containsEntry("index", 2).containsEntry("value", -3L)
                            .containsEntry("pointer", "/numbers/2");
                });
        assertThat(service.list(null, 0, 10)).isEmpty();
        assertThat(service.count(null)).isZero();
        assertThat(service.queuedItems()).isZero();
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void anUnknownOperationIsRefusedWith400ListingTheKnownOnes() {
        JobService service = jobs();

        assertThatThrownBy(() -> service.submit(aJobRequest().operation("test_triple").build()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    ProblemDetail detail = problem.toProblemDetail();
                    assertThat(detail.getType()).hasToString("urn:poolmap:problem:unknown-operation");
                    assertThat(detail.getDetail()).contains("'test_triple'",
                            "test_blocking, test_cheap_blocking, test_domain, test_double, test_erroring, test_failing, test_sleep");
                    assertThat(detail.getProperties()).containsEntry("pointer", "/operation");
                    assertThat(detail.getProperties().get("operations")).asInstanceOf(InstanceOfAssertFactories.ITERABLE)
                            .containsExactly("test_blocking", "test_cheap_blocking", "test_domain", "test_double", "test_erroring", "test_failing", "test_sleep");
                });
        assertThat(service.count(null)).isZero();
    }

    @Test
    void aTimeoutAboveTheMaximumIsRefusedWith400() {
        JobService service = start(aPoolmapProperties().maxTimeout(Duration.ofSeconds(10)).build());

        assertThatThrownBy(() -> service.submit(aJobRequest().timeoutMs(10_001L).build()))
                .satisfies(thrown -> {
                    assertThat(((ProblemException) thrown).status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problemOf(thrown).getProperties()).containsEntry("pointer", "/timeoutMs");
                });
        assertThat(service.count(null)).isZero();
    }

    // --- how jobs end ---------------------------------------------------------------------------------

    @Test
    void anErrorThrownByAnOperationFailsTheJobInsteadOfSucceedingWithHoles() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().operation("test_erroring").range(10).chunkSize(10).build()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.results()).isNull();
        assertThat(job.error().index()).isEqualTo(3);
        assertThat(job.error().detail()).contains("AssertionError").doesNotContain("a bug in the operation");
        Job next = finished(jobs().submit(aJobRequest().range(100).build()));
        assertThat(next.status()).as("the workers go on").isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aListenerThatThrowsDoesNotLeaveWaitersHanging() throws InterruptedException {
        PoolmapProperties properties = aPoolmapProperties().build();
        pool = new WorkerPool(properties.effectiveWorkers());
        JobListener throwing = new JobListener() {
            @Override
            public void finished(String operation, JobStatus status, Duration duration) {
                throw new IllegalStateException("a broken listener");
            }
        };
        jobs = new JobService(properties, new OperationRegistry(operations), pool, store, List.of(throwing), clock);
        jobs.start();

        Job job = jobs.submit(aJobRequest().range(10).build());

        assertThat(job.await(Duration.ofSeconds(5))).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aFailingItemFailsTheJobNamingItsIndexAndValue() throws InterruptedException {
        Job job = finished(jobs().submit(aJobRequest().operation("test_failing").range(20).chunkSize(5).build()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.results()).isNull();
        JobError error = job.error();
        assertThat(error.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(error.slug()).isEqualTo("item-failed");
        assertThat(error.index()).isEqualTo(13);
        assertThat(error.value()).isEqualTo(13L);
        assertThat(error.detail()).isEqualTo("numbers[13] = 13: 13 is unlucky");
        assertThat(error.toMap(job.id(), job.completed(), job.size()))
                .containsEntry("type", "urn:poolmap:problem:item-failed")
                .containsEntry("jobId", job.id())
                .containsEntry("pointer", "/numbers/13");
    }

    @Test
    void cancellingARunningJobStopsItsChunksAtTheNextItemAndDropsQueuedOnes() throws InterruptedException {
        JobService service = jobs();
        Job job = service.submit(aJobRequest().operation("test_blocking").range(20).chunkSize(5).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));

        Job cancelled = service.cancel(job.id());
        gate.open();

        assertThat(cancelled).isSameAs(job);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.error().slug()).isEqualTo("job-cancelled");
        assertThat(job.results()).isNull();
        eventually().untilAsserted(() -> assertThat(service.queuedItems()).isZero());
        throughout(A_WHILE).untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        assertThat(job.completed()).isEqualTo(2).isLessThan(job.size());
        assertThat(itemsComputed(job)).isEqualTo(2);
        assertThat(pool.busyWorkers()).isZero();
    }

    @Test
    void cancellingAQueuedJobDropsAllItsChunksAndGivesItsRoomBackAtOnce() {
        JobService service = jobs();
        service.submit(aJobRequest().operation("test_blocking").range(10).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
        Job queued = service.submit(aJobRequest().range(50).build());
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(service.queuedItems()).isEqualTo(60);

        service.cancel(queued.id());

        assertThat(queued.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(service.queuedItems()).isEqualTo(10);
        assertThat(queued.startedAt()).isNull();
        gate.open();
        eventually().untilAsserted(() -> assertThat(service.queuedItems()).isZero());
        assertThat(queued.completed()).isZero();
        assertThat(queued.itemsByWorker()).isEmpty();
    }

    @Test
    void cancellingAgainChangesNothing() throws InterruptedException {
        JobService service = jobs();
        Job job = service.submit(aJobRequest().operation("test_blocking").range(4).parallelism(1).build());
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
        Job job = finished(service.submit(aJobRequest().build()));

        Job again = service.cancel(job.id());

        assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(again.results())).containsExactly(2, 4, 6);
        assertThat(again.error()).isNull();
    }

    @Test
    void cancellingAnUnknownJobIs404() {
        JobService service = jobs();

        assertThatThrownBy(() -> service.cancel("no-such-job"))
                .satisfies(thrown -> {
                    assertThat(((ProblemException) thrown).status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(problemOf(thrown).getProperties()).containsEntry("jobId", "no-such-job");
                });
    }

    @Test
    void aJobThatOutlivesItsTimeoutEndsTimedOutWithItsProgress() throws InterruptedException {
        JobService service = jobs();
        gate.allow(3);

        Job job = finished(service.submit(aJobRequest().operation("test_blocking").range(10).chunkSize(10).parallelism(1)
                .timeoutMs(300L).build()));

        assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(job.error().status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(job.error().slug()).isEqualTo("job-timed-out");
        // progress is published per block of about 100 µs of measured work, so it may lag the third item by one
        assertThat(job.error().detail()).matches("the job did not finish within 300 ms; [23] of 10 items were computed");
        assertThat(job.results()).isNull();
        gate.open();
        eventually().untilAsserted(() -> assertThat(service.queuedItems()).isZero());
        assertThat(job.completed()).isBetween(3L, 4L);
    }

    // --- admission ------------------------------------------------------------------------------------

    @Test
    void aFullQueueRefusesWith429AndRetryAfterUntilTheBlockingJobEnds() throws InterruptedException {
        JobService service = start(aPoolmapProperties().queueCapacity(10).build());
        Job blocking = service.submit(aJobRequest().operation("test_blocking").range(8).parallelism(1).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));

        assertThatThrownBy(() -> service.submit(aJobRequest().numbers(1, 2, 3).build()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(problem.toProblemDetail().getType()).hasToString("urn:poolmap:problem:queue-full");
                    assertThat(problem.getMessage()).contains("3 items", "2 items of room", "= 10");
                });
        Job fits = finished(service.submit(aJobRequest().numbers(1, 2).build()));
        assertThat(fits.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThatThrownBy(() -> service.submit(aJobRequest().numbers(1, 2, 3).build())).isInstanceOf(ProblemException.class);

        gate.open();

        assertThat(finished(blocking).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(blocking.results())).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
        assertThat(finished(service.submit(aJobRequest().numbers(1, 2, 3).build())).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(listener.events()).filteredOn(event -> event.startsWith("rejected")).containsExactly("rejected:queue_full", "rejected:queue_full");
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"})
    void queuedItemsReturnExactlyToZeroHoweverAJobEnds(JobStatus ending) throws InterruptedException {
        JobService service = jobs();
        JobRequestBuilder request = switch (ending) {
            case SUCCEEDED -> aJobRequest().range(1_000).chunkSize(10);
            case FAILED -> aJobRequest().operation("test_failing").range(1_000).chunkSize(10);
            case CANCELLED -> aJobRequest().operation("test_blocking").range(100).chunkSize(10);
            case TIMED_OUT -> aJobRequest().operation("test_blocking").range(100).chunkSize(10).timeoutMs(50L);
            default -> throw new IllegalArgumentException(ending.name());
        };

        Job job = service.submit(request.build());
        if (ending == JobStatus.CANCELLED) {
            assertThat(service.queuedItems()).isEqualTo(100);
            eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(2));
            service.cancel(job.id());
        }
        finished(job);
        gate.open();

        assertThat(job.status()).isEqualTo(ending);
        eventually().untilAsserted(() -> assertThat(service.queuedItems()).isZero());
        throughout(A_WHILE).untilAsserted(() -> assertThat(service.queuedItems()).isZero());
    }

    // --- shutdown -------------------------------------------------------------------------------------

    @Test
    void stoppingRefusesNewJobsWith503LetsJobsFinishWithinTheGraceAndCancelsTheRest() throws InterruptedException {
        JobService service = start(aPoolmapProperties().shutdownGrace(Duration.ofSeconds(1)).build());
        Job quick = service.submit(aJobRequest().operation("test_blocking").numbers(7).build());
        Job slow = service.submit(aJobRequest().operation("test_sleep").numbers(60_000).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));
        eventually().untilAsserted(() -> assertThat(sleep.started()).isEqualTo(1));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::stop);
        eventually().untilAsserted(() -> assertThat(service.isAccepting()).isFalse());

        assertThatThrownBy(() -> service.submit(aJobRequest().build()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.toProblemDetail().getType()).hasToString("urn:poolmap:problem:shutting-down");
                    assertThat(problem.headers().getFirst("Retry-After")).isNotBlank();
                });
        gate.open();
        assertThat(finished(quick).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(slow.status()).isEqualTo(JobStatus.RUNNING);

        eventually().until(stopping::isDone);
        assertThat(slow.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(slow.error().detail()).contains("poolmap.shutdown-grace");
        assertThat(service.isRunning()).isFalse();
        eventually().untilAsserted(() -> assertThat(service.queuedItems()).isZero());
        assertThat(listener.events()).contains("rejected:shutting_down", "finished:test_blocking:SUCCEEDED",
                "finished:test_sleep:CANCELLED");
    }

    @Test
    void aServiceStartedAgainAfterStoppingRunsJobs() throws InterruptedException {
        JobService service = jobs();
        service.stop();
        service.start();

        Job job = finished(service.submit(aJobRequest().build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(service.queuedItems()).isZero();
    }

    // --- retention ------------------------------------------------------------------------------------

    @Test
    void maxRetainedJobsKeepsOnlyTheNewestFinishedJobsAndNeverAnUnfinishedOne() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxRetainedJobs(3).retention(Duration.ofSeconds(4)).build());
        Job unfinished = service.submit(aJobRequest().operation("test_blocking").numbers(1).build());
        List<String> finishedIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMillis(1));
            finishedIds.add(finished(service.submit(aJobRequest().build())).id());
        }

        eventually().untilAsserted(() -> assertThat(service.count(null)).isEqualTo(4));

        assertThat(service.list(null, 0, 10)).extracting(Job::id)
                .containsExactly(finishedIds.get(4), finishedIds.get(3), finishedIds.get(2), unfinished.id());
        assertThatThrownBy(() -> service.find(finishedIds.get(0))).isInstanceOf(ProblemException.class);
        assertThat(service.find(unfinished.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void maxRetainedItemsForgetsTheOldestFinishedJobsOnceTheirItemsExceedIt() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxRetainedItems(250).build());
        Job unfinished = service.submit(aJobRequest().operation("test_blocking").range(500).parallelism(1).build());
        List<String> finishedIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMillis(1));
            finishedIds.add(finished(service.submit(aJobRequest().range(100).build())).id());
        }

        eventually().untilAsserted(() -> assertThat(service.list(null, 0, 10)).extracting(Job::id)
                .containsExactly(finishedIds.get(3), finishedIds.get(2), unfinished.id()));
    }

    @Test
    void finishedJobsAreForgottenAfterTheRetentionButUnfinishedOnesAreKept() throws InterruptedException {
        JobService service = start(aPoolmapProperties().retention(Duration.ofSeconds(4)).build());
        Job unfinished = service.submit(aJobRequest().operation("test_blocking").numbers(1).build());
        Job old = finished(service.submit(aJobRequest().build()));
        clock.advance(Duration.ofSeconds(5));
        Job recent = finished(service.submit(aJobRequest().build()));

        eventually().untilAsserted(() -> assertThat(service.count(null)).isEqualTo(2));

        assertThat(service.list(null, 0, 10)).containsExactly(recent, unfinished);
        assertThatThrownBy(() -> service.find(old.id())).isInstanceOf(ProblemException.class);
    }

    @Test
    void aSucceededJobIsNotHeldInMemoryOnceItIsForgotten() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxRetainedJobs(0).retention(Duration.ofSeconds(4)).build());

        WeakReference<Job> job = submitAndForget(service, aJobRequest().range(100_000).build());

        eventually().untilAsserted(() -> assertThat(service.count(null)).isZero());
        eventually().untilAsserted(() -> {
            System.gc();
            assertThat(job.get()).as("the succeeded job, once evicted").isNull();
        });
    }

    private static WeakReference<Job> submitAndForget(JobService service, JobRequest request) throws InterruptedException {
        Job job = finished(service.submit(request));
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        return new WeakReference<>(job);
    }

    // --- I/O operations -------------------------------------------------------------------------------

    @Test
    void anIoOperationRunsOnVirtualThreadsAndNeverOccupiesACpuWorker() {
        JobService service = jobs();
        Job job = service.submit(aJobRequest().operation("test_sleep").numbers(60_000, 60_000).parallelism(2).build());
        eventually().untilAsserted(() -> assertThat(sleep.started()).isEqualTo(2));

        throughout(A_WHILE).untilAsserted(() -> {
            assertThat(pool.busyWorkers()).isZero();
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        });
        assertThat(sleep.onPlatformThreads()).isZero();
    }

    @Test
    void cancellingAnIoJobInterruptsItsWaitPromptly() {
        JobService service = jobs();
        Job job = service.submit(aJobRequest().operation("test_sleep").numbers(60_000, 60_000, 60_000).parallelism(3).build());
        eventually().untilAsserted(() -> assertThat(sleep.started()).isEqualTo(3));

        service.cancel(job.id());

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(service.queuedItems()).isZero());
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.completed()).isZero();
    }

    @Test
    void anIoJobReportsItsLanesAsWorkersAndMayUseMoreLanesThanThereAreCpuWorkers() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxIoParallelism(4).build());

        Job job = finished(service.submit(aJobRequest().operation("test_sleep").numbers(1, 2, 3, 4, 5, 6, 7, 8).chunkSize(1).parallelism(100).build()));

        assertThat(job.parallelism()).isEqualTo(4);
        assertThat(longs(job.results())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(job.itemsByWorker().keySet()).isNotEmpty().allMatch(name -> name.matches("io-[1-4]"));
        assertThat(job.items(0, 1).getFirst().worker()).matches("io-[1-4]");
    }

    // --- listeners ------------------------------------------------------------------------------------

    @Test
    void listenersAreToldOfSubmittedFinishedAndRejectedJobs() throws InterruptedException {
        JobService service = start(aPoolmapProperties().queueCapacity(5).build());

        finished(service.submit(aJobRequest().build()));
        finished(service.submit(aJobRequest().operation("test_failing").numbers(13).build()));
        assertThatThrownBy(() -> service.submit(aJobRequest().range(6).build())).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> service.submit(aJobRequest().operation("test_nothing").build())).isInstanceOf(ProblemException.class);
        service.stop();
        assertThatThrownBy(() -> service.submit(aJobRequest().build())).isInstanceOf(ProblemException.class);

        assertThat(listener.events()).containsExactly(
                "submitted:test_double", "finished:test_double:SUCCEEDED",
                "submitted:test_failing", "finished:test_failing:FAILED",
                "rejected:queue_full",
                "rejected:shutting_down");
    }

    // --- property: Pool.map's contract ----------------------------------------------------------------

    /** A batch with a chunk size and a parallelism, each null (the default) one time in five. */
    private record Mapping(List<Long> numbers, Integer chunkSize, Integer parallelism) {
    }

    @Test
    void resultsEqualTheSequentialMapWhateverTheChunkSizeAndParallelism() {
        PoolmapProperties properties = aPoolmapProperties().build();
        pool = new WorkerPool(properties.effectiveWorkers());
        jobs = new JobService(properties, new OperationRegistry(List.of(new TestDouble())), pool, new InMemoryJobStore(),
                List.of(), Clock.systemUTC());
        jobs.start();
        Generator<List<Long>> batches = Generators.longs().lists(1, 300);
        Generator<Integer> chunkSizes = ints(1, 400).orNull(0.2);
        Generator<Integer> parallelisms = ints(1, 8).orNull(0.2);
        forAll(200, random -> new Mapping(batches.next(random), chunkSizes.next(random), parallelisms.next(random)),
                mapping -> mapsAsSequentially(jobs, mapping.numbers(), mapping.chunkSize(), mapping.parallelism()));
    }

    private static void mapsAsSequentially(JobService service, List<Long> numbers, Integer chunkSize,
            Integer parallelism) throws InterruptedException {
        Numbers input = Numbers.ofLongs(numbers.stream().mapToLong(Long::longValue).toArray());
        Numbers sequential = Numbers.forResults(input.size());
        TestDouble operation = new TestDouble();
        for (int i = 0; i < input.size(); i++) {
            operation.apply(input, i, sequential);
        }

        Job job = finished(service.submit(aJobRequest().numbers(input).chunkSize(chunkSize).parallelism(parallelism).build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(IntStream.range(0, input.size()).mapToObj(job.results()::valueAt).toList())
                .containsExactlyElementsOf(IntStream.range(0, input.size()).mapToObj(sequential::valueAt).toList());
        assertThat(itemsComputed(job)).isEqualTo(numbers.size());
        assertThat(service.queuedItems()).isZero();
    }
}
