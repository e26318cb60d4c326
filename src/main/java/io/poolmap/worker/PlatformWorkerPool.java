package io.poolmap.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@link WorkerPool} of one process: N platform threads {@code worker-1} … {@code worker-N} for CPU work
 * ({@link CpuWorkers}), virtual threads for I/O work ({@link IoLanes}), and their {@link WorkerStatistics}, sampled
 * every five seconds for the utilisation windows. A cluster member names them {@code member/worker-k} and
 * {@code member/io-k}, so that a worker's name is unique wherever it is shown.
 */
public final class PlatformWorkerPool implements WorkerPool, AutoCloseable {

    private static final long SAMPLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CpuWorkers cpu;
    private final IoLanes io;
    private final WorkerStatistics statistics;
    private final ScheduledExecutorService sampler;

    private PlatformWorkerPool(Worker[] workers, String namePrefix, NanoClock clock) {
        this.cpu = new CpuWorkers(workers);
        this.io = new IoLanes(namePrefix);
        UtilizationWindows windows = new UtilizationWindows(workers, clock, SAMPLE_EVERY_NANOS);
        this.statistics = new WorkerStatistics(workers, windows);
        this.sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("poolmap-sampler").daemon().factory());
        this.sampler.scheduleAtFixedRate(windows::sample, SAMPLE_EVERY_NANOS, SAMPLE_EVERY_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Starts a pool of {@code size} workers named {@code worker-1} … {@code worker-N}. */
    public static PlatformWorkerPool start(int size) {
        return start(size, "", NanoClock.SYSTEM);
    }

    /** Starts a pool of {@code size} workers whose names start with {@code namePrefix} (e.g. {@code member/}). */
    public static PlatformWorkerPool start(int size, String namePrefix) {
        return start(size, namePrefix, NanoClock.SYSTEM);
    }

    static PlatformWorkerPool start(int size, NanoClock clock) {
        return start(size, "", clock);
    }

    private static PlatformWorkerPool start(int size, String namePrefix, NanoClock clock) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + size);
        }
        Worker[] workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker(namePrefix + "worker-" + (i + 1), clock);
        }
        PlatformWorkerPool pool = new PlatformWorkerPool(workers, namePrefix, clock);
        pool.cpu.start();
        return pool;
    }

    @Override
    public int size() {
        return statistics.size();
    }

    @Override
    public void dispatch(ChunkedWork work) {
        if (work.io()) {
            io.dispatch(work);
        } else {
            cpu.dispatch(work);
        }
    }

    @Override
    public boolean runOnIdleWorker(ChunkedWork work) {
        return !work.io() && cpu.runOnIdleWorker(work);
    }

    /** What the workers are doing and how busy they have been. */
    public WorkerStatistics statistics() {
        return statistics;
    }

    ThreadPoolExecutor cpuExecutor() {
        return cpu.executor();
    }

    @Override
    public boolean shutdown(Duration timeout) throws InterruptedException {
        sampler.shutdownNow();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended = cpu.shutdown(timeout);
        return io.shutdown(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))) && ended;
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ofSeconds(10));
    }
}
