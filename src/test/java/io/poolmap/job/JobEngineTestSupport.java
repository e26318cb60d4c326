package io.poolmap.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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
import io.poolmap.worker.WorkerStatistics;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jobs engine without Spring, for the tests of its roles: a real two-worker pool, test operations whose items
 * the test holds at a {@link Gate}, a clock that moves only when told, and a check after each test that no thread
 * leaked.
 */
abstract class JobEngineTestSupport {

    static final Duration A_WHILE = Duration.ofMillis(200);

    final Gate gate = new Gate();
    final TestSleep sleep = new TestSleep();
    final List<Operation> operations = List.of(new TestDouble(), new TestBlocking(gate), new TestFailing(),
            new TestDomain(), sleep, new TestBlocking("test_cheap_blocking", 10, gate), new TestErroring());
    final RecordingJobListener listener = new RecordingJobListener();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

    private Set<Thread> threadsBefore;
    TestJobEngine engine;

    @BeforeEach
    void rememberThreads() {
        threadsBefore = PoolmapThreads.alive();
    }

    @AfterEach
    void stopEverythingAndCheckNoThreadLeaked() throws InterruptedException {
        gate.open();
        if (engine != null) {
            engine.close();
        }
        eventually().untilAsserted(() -> assertThat(PoolmapThreads.startedSince(threadsBefore)).isEmpty());
    }

    JobService start(PoolmapProperties properties) {
        return startWith(operations, properties, List.of(listener));
    }

    JobService startWith(List<Operation> operations, PoolmapProperties properties, List<JobListener> listeners) {
        engine = TestJobEngine.start(properties, operations, listeners, clock);
        return engine.jobs();
    }

    /** The engine with the default test properties, started on first use. */
    JobService jobs() {
        return engine != null ? engine.jobs() : start(aPoolmapProperties().build());
    }

    long queuedItems() {
        return engine.admission().queuedItems();
    }

    WorkerStatistics workers() {
        return engine.pool().statistics();
    }

    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
    }

    static ConditionFactory throughout(Duration duration) {
        return await().during(duration).atMost(duration.plusSeconds(2)).pollInterval(Duration.ofMillis(10));
    }

    static Job finished(Job job) throws InterruptedException {
        assertThat(job.await(Duration.ofSeconds(10))).as("job %s ended", job.id()).isTrue();
        return job;
    }

    /** The job's results, or {@code null} unless it succeeded. */
    static Numbers results(Job job) {
        return job.resultsIf(job.status());
    }

    static long[] longs(Numbers numbers) {
        return IntStream.range(0, numbers.size()).mapToLong(numbers::longAt).toArray();
    }

    static long itemsComputed(Job job) {
        return job.itemsByWorker().values().stream().mapToLong(Long::longValue).sum();
    }
}
