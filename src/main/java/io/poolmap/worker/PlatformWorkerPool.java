package io.poolmap.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@link WorkerPool} of one process: N platform threads {@code worker-1} … {@code worker-N} for CPU work
 * ({@link CpuWorkers}), virtual threads for I/O work ({@link IoLanes}), and their {@link WorkerStatistics}, sampled
 * every five seconds for the utilisation windows.
 */
public final class PlatformWorkerPool implements WorkerPool, AutoCloseable {

    private static final long SAMPLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CpuWorkers cpu;
    private final IoLanes io = new IoLanes();
    private final WorkerStatistics statistics;
    private final ScheduledExecutorService sampler;

    private PlatformWorkerPool(Worker[] workers, NanoClock clock) {
        this.cpu = new CpuWorkers(workers);
        UtilizationWindows windows = new UtilizationWindows(workers, clock, SAMPLE_EVERY_NANOS);
        this.statistics = new WorkerStatistics(workers, windows);
        this.sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("poolmap-sampler").daemon().factory());
        this.sampler.scheduleAtFixedRate(windows::sample, SAMPLE_EVERY_NANOS, SAMPLE_EVERY_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Starts a pool of {@code size} workers. */
    public static PlatformWorkerPool start(int size) {
        return start(size, NanoClock.SYSTEM);
    }

    static PlatformWorkerPool start(int size, NanoClock clock) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + size);
        }
        Worker[] workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker("worker-" + (i + 1), clock);
        }
        PlatformWorkerPool pool = new PlatformWorkerPool(workers, clock);
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
