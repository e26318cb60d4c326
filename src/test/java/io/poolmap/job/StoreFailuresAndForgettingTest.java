package io.poolmap.job;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import io.poolmap.MemoryBudget;
import io.poolmap.MemoryProperties;
import io.poolmap.PoolmapProperties;
import io.poolmap.cluster.ClusterProperties;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.job.TestOperations.TestFailing;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoreProperties;
import io.poolmap.store.StoredJob;
import io.poolmap.worker.PlatformWorkerPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failing store and retention's forgetting must not do to a job: cancel one already accepted, give its room
 * back twice, hold its heap for ever, or bring it back to the store after it was forgotten.
 */
class StoreFailuresAndForgettingTest {

    /** An archive whose keep() alone fails when asked (claimKey on a present key writes nothing, as on a full disk). */
    static final class KeepFails implements JobArchive {
        final InMemoryJobArchive inner = new InMemoryJobArchive();
        volatile boolean fail;
        public void keep(Job job) { job.keeping().keep(); if (fail) throw new IllegalStateException("No space left on device"); }
        public void segmentDone(Job job, int segment) { }
        public boolean finished(Job job, Runnable heapFreed) { return false; }
        public List<StoredJob> records() { return List.of(); }
        public Numbers inputs(StoredJob record) { throw new IllegalStateException(); }
        public JobData storedData(StoredJob record) { throw new IllegalStateException(); }
        public Optional<PackedChunk> segment(String jobId, int segment) { return Optional.empty(); }
        public void forget(Job job) { inner.forget(job); }
        public long removeNumbersWithoutRecord(Set<String> recorded) { return 0; }
        public Optional<IdempotentSubmission> claimKey(String key, String hash, String id) { return inner.claimKey(key, hash, id); }
        public void releaseKey(String key, String id) { inner.releaseKey(key, id); }
        public boolean takeOverKey(String key, IdempotentSubmission stale, String id) { return inner.takeOverKey(key, stale, id); }
        public boolean claimedByAnotherLiveMember(IdempotentSubmission claim) { return false; }
    }

    private final ScheduledExecutorService scheduler = JobConfiguration.scheduler();
    private final PoolmapProperties properties = aPoolmapProperties().build();
    private final MemoryProperties memoryProperties = TestJobEngine.defaultMemory();
    private final MemoryBudget memory = MemoryBudget.ofHeap(memoryProperties.inFlightBytes(Runtime.getRuntime().maxMemory()),
            memoryProperties.pressurePercent());
    private final PlatformWorkerPool pool = PlatformWorkerPool.start(properties.effectiveWorkers(), "");
    private final Gate gate = new Gate();
    private final KeepFails archive = new KeepFails();
    private JobAdmission admission;
    private JobService jobs;

    @TempDir
    Path directory;
    private Store store;
    private TestJobEngine engine;

    private void engine(JobPlacement placement) {
        OperationRegistry operations = new OperationRegistry(List.of(new TestDouble(), new TestBlocking(gate)));
        InMemoryJobStore jobStore = new InMemoryJobStore();
        admission = new JobAdmission(properties, memory, List.of());
        JobRetention retention = new JobRetention(jobStore, archive, properties, memoryProperties, Clock.systemUTC(), scheduler);
        JobHooks hooks = new JobHooks(admission, retention, archive, List.of());
        JobPlanner planner = new JobPlanner(operations, ExpressionLimits.defaults(), properties, pool);
        jobs = new JobService(planner, admission, hooks, jobStore, archive, pool, placement, Clock.systemUTC());
        admission.startAdmitting();
    }

    @AfterEach
    void close() throws InterruptedException {
        gate.open();
        scheduler.shutdownNow();
        pool.shutdown(Duration.ofSeconds(5));
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** A retry of an accepted keyed job, on a store that now fails, leaves the job its first 202 promised running. */
    @Test
    void aRetryWithTheSameKeyWhileTheStoreFailsDoesNotCancelTheJobAcceptedBefore() {
        engine(new LocalPlacement(pool, new JobTimeouts(scheduler)));
        JobSubmission keyed = aSubmission().operation("test_blocking").range(4)
                .idempotency(new JobSubmission.Idempotency("k", "h")).build();
        Job accepted = jobs.submit(keyed);
        jobs.keep(accepted); // the first client's 202
        archive.fail = true;

        Job again = jobs.submit(keyed); // the retry finds it, as JobSubmissionController would ...
        jobs.keep(again); // ... then keeps it: already on disk, so a failed rewrite is logged and the retry hears 202

        assertThat(again).isSameAs(accepted);
        assertThat(accepted.status()).as("the job accepted with a 202 before the store failed").isNotEqualTo(JobStatus.CANCELLED);
    }

    /** On a single node, a keyed job the store cannot keep before it starts is refused, and leaves no job and no room held. */
    @Test
    void aKeyedJobThatCannotBeKeptBeforeItStartsIsRefusedAndLeavesNothingHeld() {
        engine(new LocalPlacement(pool, new JobTimeouts(scheduler)));
        archive.fail = true;

        JobRefusedException refused = catchThrowableOfType(JobRefusedException.class, () -> jobs.submit(aSubmission()
                .operation("test_blocking").range(4).idempotency(new JobSubmission.Idempotency("k", "h")).build()));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.STORE_UNAVAILABLE);
        assertThat(jobs.list(null, 0, 10)).isEmpty();
        assertThat(admission.queuedItems()).isZero();
        assertThat(memory.reserved()).isZero();
        assertThat(gate.entered()).as("items computed for a refused job").isZero();
    }

    /** In a cluster, a job the store cannot share (its inputs and record are written first) is refused 503, not 500. */
    @Test
    void aJobTheClusterStoreCannotShareIsRefusedAsStoreUnavailableAndLeavesNothingHeld() {
        engine(new JobPlacement() {
            public void start(Job job, JobRun run) { throw new IllegalStateException("ISPN: No space left on device"); }
            public boolean sharesJobs() { return true; }
            public boolean restores(StoredJob record) { return false; }
            public Optional<Job> find(String id) { return Optional.empty(); }
        });

        JobRefusedException refused = catchThrowableOfType(JobRefusedException.class,
                () -> jobs.submit(aSubmission().operation("test_blocking").range(100).build()));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.STORE_UNAVAILABLE);
        assertThat(refused).hasMessageContaining("No space left on device");
        assertThat(jobs.list(null, 0, 10)).isEmpty();
        assertThat(admission.queuedItems()).isZero();
        assertThat(memory.reserved()).isZero();
    }

    /** In a cluster, a keyed job kept after it started (a tiny one run inline) and refused gives its room back once. */
    @Test
    void aKeyedJobThatCannotBeKeptAfterItStartedGivesItsRoomBackOnce() {
        LocalPlacement local = new LocalPlacement(pool, new JobTimeouts(scheduler));
        engine(new JobPlacement() { // as ClusterPlacement for a job it does not share (a tiny one run inline)
            public void start(Job job, JobRun run) { local.start(job, run); }
            public boolean sharesJobs() { return true; }
            public boolean restores(StoredJob record) { return false; }
            public Optional<Job> find(String id) { return Optional.empty(); }
        });
        archive.fail = true;

        JobRefusedException refused = catchThrowableOfType(JobRefusedException.class, () -> jobs.submit(aSubmission()
                .operation("test_double").range(4).idempotency(new JobSubmission.Idempotency("k", "h")).build()));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.STORE_UNAVAILABLE);
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.queuedItems() <= 0);
        assertThat(admission.queuedItems()).as("queue room after the refusal").isZero();
        assertThat(memory.reserved()).as("heap reserved after the refusal").isZero();
    }

    /** A job forgotten before the controller's keep() (it ended just after await timed out) is not written back. */
    @Test
    void aJobForgottenBeforeItsAnswerKeepsItIsNotWrittenBackToTheStore() throws InterruptedException {
        store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
        engine = TestJobEngine.startOn(store, aPoolmapProperties().maxRetainedItems(1_000).build(), List.of(new TestFailing()),
                Clock.systemUTC());
        Job job = engine.jobs().submit(aSubmission().operation("test_failing").range(5_000).build()); // fails on 13
        assertThat(job.await(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.jobs().list(null, 0, 10).isEmpty()); // forgotten

        engine.jobs().keep(job); // what JobSubmissionController does when job.await(syncWait) returned false just before

        assertThat(store.jobs().get(job.id())).as("the record of a job retention has forgotten").isNull();
    }

    /** A moved job whose end record cannot be written gives its heap back and keeps its numbers on the heap. */
    @Test
    void aFinishedJobWhoseRecordCannotBeWrittenGivesItsHeapBack() throws InterruptedException {
        java.util.concurrent.BlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
        engine = TestJobEngine.startOn(store, aPoolmapProperties().build(), List.of(new TestDouble()), held::add);
        Job job = engine.jobs().submit(aSubmission().range(5_000).build());
        assertThat(job.await(Duration.ofSeconds(10))).isTrue();
        store.jobs().stop(); // the one write that fails: the job's record (as a disk that fills after its numbers)

        for (Runnable write = held.poll(); write != null; write = held.poll()) {
            write.run();
        }

        assertThat(engine.memory().reserved()).as("heap still reserved for a finished job").isZero();
    }
}
