package io.poolmap.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.poolmap.PoolmapProperties;
import io.poolmap.cluster.ClusterProperties;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoreProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The engine on a real store in a directory of its own: what is kept, when, and what comes back after a restart. */
class StoreJobArchiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final Gate gate = new Gate();
    private final PoolmapProperties properties = aPoolmapProperties().queueCapacity(1_000_000).build();
    private Store store;
    private TestJobEngine engine;

    private TestJobEngine start(List<Operation> operations) {
        return start(operations, ExpressionLimits.defaults());
    }

    private TestJobEngine start(List<Operation> operations, ExpressionLimits expressionLimits) {
        store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
        engine = TestJobEngine.startOn(store, properties, operations, Clock.systemUTC(), expressionLimits);
        return engine;
    }

    /** A kept expression job that waits behind a job holding every worker, so that a crash finds it unfinished. */
    private Job aQueuedExpressionJob(String expression, int size) {
        start(List.of(new TestBlocking(gate)));
        int workers = properties.effectiveWorkers();
        engine.jobs().submit(aSubmission().operation("test_blocking").range(workers).parallelism(workers).chunkSize(1).build());
        await().atMost(PATIENCE).until(() -> gate.entered() == workers);
        Job job = engine.jobs().submit(aSubmission().expression(expression).range(size).build());
        engine.jobs().keep(job);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        return job;
    }

    /** What a crash leaves: the store is closed as it is, so nothing more is written, and the engine's threads stop. */
    private void crash() throws InterruptedException {
        store.close();
        engine.halt();
        gate.open();
        engine = null;
        store = null;
    }

    @AfterEach
    void stop() throws InterruptedException {
        gate.open();
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aKeptJobIsOnDiskWithItsInputsBeforeKeepReturns() {
        start(List.of(new TestBlocking(gate)));
        Job job = engine.jobs().submit(aSubmission().operation("test_blocking").range(3_000).build());

        engine.jobs().keep(job);

        assertThat(store.jobs().get(job.id()).status()).isIn("QUEUED", "RUNNING");
        assertThat(store.inputs().get(new ChunkKey(job.id(), 0))).isNotNull();
        assertThat(store.inputs().get(new ChunkKey(job.id(), 2)).size()).isEqualTo(3_000 - 2 * 1024);
    }

    @Test
    void aKeptJobResumesAfterACrashComputingOnlyTheSegmentsThatWereNotStored() throws InterruptedException {
        start(List.of(new TestBlocking(gate)));
        Job job = engine.jobs().submit(aSubmission().operation("test_blocking").range(4_096).parallelism(1).chunkSize(1024).build());
        engine.jobs().keep(job);
        gate.allow(2 * 1024);
        await().atMost(PATIENCE).until(() -> store.results().containsKey(new ChunkKey(job.id(), 1)));
        crash();

        AtomicInteger computedAfter = new AtomicInteger();
        Operation counting = new TestOperations.TestOperation("test_blocking", io.poolmap.operation.OperationKind.CPU, 10) {
            @Override
            public void apply(Numbers in, int i, Numbers out) {
                computedAfter.incrementAndGet();
                out.setLong(i, 10 * in.longAt(i));
            }
        };
        start(List.of(counting));
        Job resumed = engine.jobs().find(job.id());

        assertThat(resumed.await(PATIENCE)).isTrue();
        assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(computedAfter.get()).isEqualTo(4_096 - 2 * 1024);
        Numbers results = resumed.resultsIf(JobStatus.SUCCEEDED);
        assertThat(longsOf(results)).containsExactly(LongStream.range(0, 4_096).map(i -> 10 * i).toArray());
        assertThat(resumed.items(0, 1).getFirst().worker()).matches("worker-\\d+");
    }

    @Test
    void resultsMissingFromAJobStillRecordedAreAnErrorAndFromAForgottenOneAMissingJob() throws InterruptedException {
        start(List.of(new TestDouble()));
        Job job = engine.jobs().submit(aSubmission().range(5_000).build());
        assertThat(job.await(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> !(job.resultRange(JobStatus.SUCCEEDED) instanceof Numbers));

        store.results().remove(new ChunkKey(job.id(), 0));

        assertThatThrownBy(() -> job.resultsIf(JobStatus.SUCCEEDED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("are not in the store any more, although the job is");
        store.jobs().remove(job.id());
        assertThatThrownBy(() -> job.resultsIf(JobStatus.SUCCEEDED)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void aFinishedSynchronousJobIsStoredAfterItsAnswerAndItsResultsReadFromTheStore() throws InterruptedException {
        start(List.of(new TestDouble()));
        Job job = engine.jobs().submit(aSubmission().range(5_000).build());
        assertThat(job.await(PATIENCE)).isTrue();

        await().atMost(PATIENCE).until(() -> store.jobs().containsKey(job.id()) && store.jobs().get(job.id()).finished());
        await().atMost(PATIENCE).until(() -> !(job.resultRange(JobStatus.SUCCEEDED) instanceof Numbers));
        assertThat(longsOf(job.resultsIf(JobStatus.SUCCEEDED))).containsExactly(LongStream.range(0, 5_000).map(i -> 2 * i).toArray());
        crash();

        start(List.of(new TestDouble()));
        Job again = engine.jobs().find(job.id());
        assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(again.completed()).isEqualTo(5_000);
        assertThat(again.items(4_998, 5)).extracting(JobItem::result).containsExactly(9_996L, 9_998L);
    }

    @Test
    void numbersLeftWithoutTheirRecordByACrashAreRemovedAtTheNextStartAndAStoredJobsAreNot() throws InterruptedException {
        start(List.of(new TestDouble()));
        Job job = engine.jobs().submit(aSubmission().range(5_000).build());
        await().atMost(PATIENCE).until(() -> store.jobs().containsKey(job.id()) && store.jobs().get(job.id()).finished());
        PackedChunk chunk = PackedChunk.of(Numbers.ofLongs(7, 8), 0, 2);
        store.inputs().put(new ChunkKey("forgotten-before-the-crash", 0), chunk);
        store.results().put(new ChunkKey("forgotten-before-the-crash", 0), chunk);
        crash();

        start(List.of(new TestDouble()));

        assertThat(store.inputs().get(new ChunkKey("forgotten-before-the-crash", 0))).isNull();
        assertThat(store.results().get(new ChunkKey("forgotten-before-the-crash", 0))).isNull();
        assertThat(store.inputs().get(new ChunkKey(job.id(), 4))).isNotNull();
        assertThat(engine.jobs().find(job.id()).items(4_999, 1)).extracting(JobItem::result).containsExactly(9_998L);
    }

    @Test
    void aJobForgottenWhileItsMoveWaitsBehindOthersDoesNotComeBackWhenTheMoveRuns() throws InterruptedException {
        java.util.concurrent.BlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
        engine = TestJobEngine.startOn(store, aPoolmapProperties().maxRetainedItems(1_000).build(), List.of(new TestDouble()),
                held::add);
        Job job = engine.jobs().submit(aSubmission().range(5_000).build());
        assertThat(job.await(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> engine.jobs().list(null, 0, 10).isEmpty()); // beyond max-retained-items

        held.poll().run(); // its move, queued as it finished: it finds the job forgotten
        assertThat(store.inputs().get(new ChunkKey(job.id(), 0))).as("numbers moved for a forgotten job").isNull();
        for (Runnable write = held.poll(); write != null; write = held.poll()) {
            write.run(); // the removal of its numbers, behind the move
        }

        assertThat(store.jobs().get(job.id())).as("the forgotten job's record").isNull();
        assertThat(store.inputs().get(new ChunkKey(job.id(), 0))).isNull();
        assertThat(store.results().get(new ChunkKey(job.id(), 4))).isNull();
        assertThat(engine.memory().reserved()).as("heap still reserved for the job's numbers").isZero();
    }

    @Test
    void aTinyJobStaysInMemoryOnly() throws InterruptedException {
        start(List.of(new TestDouble()));
        Job job = engine.jobs().submit(aSubmission().range(10).build());
        assertThat(job.await(PATIENCE)).isTrue();

        assertThat(store.jobs().containsKey(job.id())).isFalse();
    }

    @Test
    void theSameIdempotencyKeyAndRequestReturnTheSameJobAndAnotherRequestIsRefused() {
        start(List.of(new TestDouble()));
        var key = new JobSubmission.Idempotency("order-42", "hash-a");

        Job first = engine.jobs().submit(aSubmission().range(10).idempotency(key).build());
        Job again = engine.jobs().submit(aSubmission().range(10).idempotency(key).build());

        assertThat(again).isSameAs(first);
        assertThatThrownBy(() -> engine.jobs().submit(aSubmission().range(10)
                .idempotency(new JobSubmission.Idempotency("order-42", "hash-b")).build()))
                .isInstanceOfSatisfying(JobRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void aKeyWhoseJobWasRefusedIsFreeAgain() {
        start(List.of(new TestDouble()));
        var key = new JobSubmission.Idempotency("order-43", "hash-a");

        assertThatThrownBy(() -> engine.jobs().submit(aSubmission().range(2_000_000).idempotency(key).build()))
                .isInstanceOf(JobRefusedException.class);

        assertThat(store.idempotency().containsKey("order-43")).isFalse();
    }

    @Test
    void aKeptExpressionJobIsCompiledAgainAfterACrashAndComputesExactly() throws InterruptedException {
        Job job = aQueuedExpressionJob("x**3 - 7", 3_000);
        assertThat(store.jobs().get(job.id()).expression()).isEqualTo("x**3 - 7");
        assertThat(store.jobs().get(job.id()).operation()).isNull();
        crash();

        start(List.of(new TestBlocking(gate)));
        Job resumed = engine.jobs().find(job.id());

        assertThat(resumed.await(PATIENCE)).isTrue();
        assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(resumed.expression()).isEqualTo("x**3 - 7");
        assertThat(resumed.operationName()).isEqualTo("expression");
        assertThat(longsOf(resumed.resultsIf(JobStatus.SUCCEEDED)))
                .containsExactly(LongStream.range(0, 3_000).map(x -> x * x * x - 7).toArray());
    }

    @Test
    void anExpressionThatNoLongerCompilesFailsItsResumedJobSayingWhyAndTheJobStillShowsIt() throws InterruptedException {
        Job job = aQueuedExpressionJob("x * 2 + 1000000", 2_000);
        crash();

        start(List.of(new TestBlocking(gate)), new ExpressionLimits(10, 100, 10_000, 10_000_000));
        Job resumed = engine.jobs().find(job.id());

        assertThat(resumed.await(PATIENCE)).isTrue();
        assertThat(resumed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(resumed.error().detail()).contains("the expression no longer compiles on this instance");
        assertThat(resumed.expression()).isEqualTo("x * 2 + 1000000");
    }

    @Test
    void theExceptionOfAFailedKeptExpressionJobOutlivesARestart() throws InterruptedException {
        Job job = aQueuedExpressionJob("100 // (x - 1500)", 2_000);
        gate.open();
        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.error().exception()).isEqualTo("ZeroDivisionError");
        await().atMost(PATIENCE).until(() -> store.jobs().containsKey(job.id()) && store.jobs().get(job.id()).finished());
        crash();

        start(List.of(new TestDouble()));
        Job again = engine.jobs().find(job.id());

        assertThat(again.status()).isEqualTo(JobStatus.FAILED);
        assertThat(again.expression()).isEqualTo("100 // (x - 1500)");
        assertThat(again.error()).isEqualTo(job.error());
    }

    @Test
    void aTinySynchronousJobWithAKeyIsFoundByItsRetryAfterACrash() throws InterruptedException {
        start(List.of(new TestDouble()));
        var key = new JobSubmission.Idempotency("order-44", "hash-a");
        Job first = engine.jobs().submit(aSubmission().range(5).idempotency(key).build());
        assertThat(first.await(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> store.jobs().containsKey(first.id()) && store.jobs().get(first.id()).finished());
        crash();

        start(List.of(new TestDouble()));
        Job retry = engine.jobs().submit(aSubmission().range(5).idempotency(key).build());

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longsOf(retry.resultsIf(JobStatus.SUCCEEDED))).containsExactly(0, 2, 4, 6, 8);
    }

    @Test
    void aKeyWhoseJobWasLostBeforeItsRecordIsTakenOverByTheRetry() throws InterruptedException {
        start(List.of(new TestDouble()));
        store.idempotency().put("order-45", new io.poolmap.store.IdempotentSubmission("lost-before-its-record", "hash-a", null));

        Job retry = engine.jobs().submit(aSubmission().range(3).idempotency(new JobSubmission.Idempotency("order-45", "hash-a")).build());

        assertThat(retry.await(PATIENCE)).isTrue();
        assertThat(retry.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(store.idempotency().get("order-45").jobId()).isEqualTo(retry.id());
    }

    private static long[] longsOf(Numbers numbers) {
        long[] values = new long[numbers.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = numbers.longAt(i);
        }
        return values;
    }
}
