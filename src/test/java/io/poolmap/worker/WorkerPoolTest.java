package io.poolmap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final CountDownLatch release = new CountDownLatch(1);
    private PlatformWorkerPool pool;

    private Set<Thread> threadsBefore;

    @BeforeEach
    void rememberTheThreadsOfOtherTests() {
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void noWorkerThreadOutlivesThePool() throws InterruptedException {
        release.countDown();
        if (pool != null) {
            assertThat(pool.shutdown(PATIENCE)).isTrue();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> !threadsBefore.contains(thread))
                .noneMatch(thread -> thread.getName().startsWith("worker-") && thread.isAlive()));
    }

    @Test
    void workersAreNamedWorker1ToN() {
        pool = PlatformWorkerPool.start(3);
        CountDownLatch allStarted = new CountDownLatch(3);
        Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        pool.dispatch(TestWork.cpu("job", 3, 3, chunk -> {
            names.add(Thread.currentThread().getName());
            allStarted.countDown();
            awaitQuietly(release);
        }));

        await().atMost(PATIENCE).until(() -> allStarted.getCount() == 0);
        assertThat(names).containsExactlyInAnyOrder("worker-1", "worker-2", "worker-3");
        assertThat(pool.statistics().workers()).extracting(WorkerStatus::name).containsExactly("worker-1", "worker-2", "worker-3");
    }

    @Test
    void busySecondsCountTheRunningChunkBeforeItEnds() {
        pool = PlatformWorkerPool.start(1, nanos::get);
        CountDownLatch started = new CountDownLatch(1);
        TestWork work = TestWork.cpu("long-job", 1, 1, chunk -> {
            started.countDown();
            awaitQuietly(release);
        });
        pool.dispatch(work);
        await().atMost(PATIENCE).until(() -> started.getCount() == 0);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
        WorkerStatus running = pool.statistics().worker(0);
        assertThat(running.busy()).isTrue();
        assertThat(running.currentJob()).isEqualTo("long-job");
        assertThat(running.busySeconds()).isEqualTo(3.0);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        release.countDown();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pool.statistics().worker(0).busy()).isFalse());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
        WorkerStatus idle = pool.statistics().worker(0);
        assertThat(idle.busySeconds()).isEqualTo(4.0);
        assertThat(idle.chunksCompleted()).isEqualTo(1);
        assertThat(idle.itemsCompleted()).isEqualTo(1);
        assertThat(idle.currentJob()).isNull();
    }

    @Test
    void utilizationIsTheBusyFractionOfTheWindow() {
        pool = PlatformWorkerPool.start(1, nanos::get);
        CountDownLatch started = new CountDownLatch(1);
        pool.dispatch(TestWork.cpu("half-busy", 1, 1, chunk -> {
            started.countDown();
            awaitQuietly(release);
        }));
        await().atMost(PATIENCE).until(() -> started.getCount() == 0);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        release.countDown();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pool.statistics().worker(0).busy()).isFalse());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));

        WorkerStatus status = pool.statistics().worker(0);
        assertThat(status.utilization1m()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(status.utilization15m()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aSmallJobRunsBetweenTheChunksOfALargeOne() {
        pool = PlatformWorkerPool.start(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Semaphore largeChunks = new Semaphore(0);
        TestWork large = TestWork.cpu("large", 100, 1, chunk -> {
            order.add("large-" + chunk);
            largeChunks.acquireUninterruptibly();
        });
        pool.dispatch(large);
        await().atMost(PATIENCE).until(() -> order.contains("large-0"));

        TestWork small = TestWork.cpu("small", 1, 1, chunk -> order.add("small"));
        pool.dispatch(small);
        largeChunks.release();

        await().atMost(PATIENCE).until(() -> small.chunksDone() == 1);
        assertThat(order).startsWith("large-0", "small");
        large.stop();
        largeChunks.release(100);
    }

    @Test
    void parallelismCapsHowManyWorkersOneJobUses() {
        pool = PlatformWorkerPool.start(2);
        TestWork work = TestWork.cpu("capped", 6, 1, chunk -> awaitQuietly(release));
        pool.dispatch(work);
        await().atMost(PATIENCE).until(() -> pool.statistics().busyWorkers() == 1);
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> pool.statistics().busyWorkers() <= 1);
        release.countDown();
        await().atMost(PATIENCE).until(() -> work.chunksDone() == 6);
        assertThat(work.maxRunning()).isEqualTo(1);
    }

    @Test
    void aJobUsesEveryWorkerWhenItMay() {
        pool = PlatformWorkerPool.start(2);
        TestWork work = TestWork.cpu("wide", 2, 2, chunk -> awaitQuietly(release));
        pool.dispatch(work);
        await().atMost(PATIENCE).until(() -> pool.statistics().busyWorkers() == 2);
        release.countDown();
        await().atMost(PATIENCE).until(() -> work.chunksDone() == 2);
        assertThat(work.workers()).containsExactlyInAnyOrder("worker-1", "worker-2");
    }

    @Test
    void ioWorkRunsOnVirtualThreadsAndLeavesTheWorkersIdle() {
        pool = PlatformWorkerPool.start(2);
        AtomicBoolean allVirtual = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(4);
        TestWork io = new TestWork("io-job", 4, 4, true, chunk -> {
            allVirtual.compareAndSet(true, Thread.currentThread().isVirtual());
            started.countDown();
            awaitQuietly(release);
        });
        pool.dispatch(io);
        await().atMost(PATIENCE).until(() -> started.getCount() == 0);

        assertThat(pool.statistics().busyWorkers()).isZero();
        assertThat(allVirtual).isTrue();
        assertThat(io.workers()).containsExactlyInAnyOrder("io-1", "io-2", "io-3", "io-4");
        release.countDown();
        await().atMost(PATIENCE).until(() -> io.chunksDone() == 4);
    }

    @Test
    void stoppingIoWorkInterruptsItsWaits() {
        pool = PlatformWorkerPool.start(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        TestWork io = new TestWork("io-job", 1, 1, true, chunk -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException expected) {
                interrupted.countDown();
            }
        });
        pool.dispatch(io);
        await().atMost(PATIENCE).until(() -> started.getCount() == 0);
        io.stop();
        await().atMost(PATIENCE).until(() -> interrupted.getCount() == 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
