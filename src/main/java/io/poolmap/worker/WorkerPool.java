package io.poolmap.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of platform threads named {@code worker-1} … {@code worker-N} that runs CPU work chunk by
 * chunk, plus virtual threads for I/O work, with per-worker accounting.
 *
 * <p>Fairness comes from lanes: a job gets up to {@code parallelism} lanes; a lane runs one chunk and then
 * goes to the back of the executor's FIFO queue, so the chunks of concurrent jobs take turns and a small
 * job waits for at most one chunk of each busy worker. I/O work gets one virtual thread per lane and never
 * occupies a worker. Work too small to gain from a hand-off may instead run {@link #runInline inline}, on the
 * caller's thread.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();
    private static final long SAMPLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** The worker name of items computed by {@link #runInline} on the caller's thread. */
    public static final String INLINE = "inline";

    private final Worker[] workers;
    private final ThreadPoolExecutor cpu;
    private final Set<Thread> ioThreads = ConcurrentHashMap.newKeySet();
    private final UtilizationWindows utilization;
    private final ScheduledExecutorService sampler;
    private final LongAdder inlineItems = new LongAdder();

    public WorkerPool(int size) {
        this(size, System::nanoTime);
    }

    WorkerPool(int size, Worker.NanoClock clock) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + size);
        }
        this.workers = new Worker[size];
        ConcurrentLinkedQueue<Integer> freeSlots = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker("worker-" + (i + 1), clock);
            freeSlots.add(i);
        }
        this.cpu = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> namedWorkerThread(task, freeSlots));
        this.cpu.prestartAllCoreThreads();
        this.utilization = new UtilizationWindows(workers, clock, SAMPLE_EVERY_NANOS);
        this.sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("poolmap-sampler").daemon().factory());
        this.sampler.scheduleAtFixedRate(utilization::sample, SAMPLE_EVERY_NANOS, SAMPLE_EVERY_NANOS, TimeUnit.NANOSECONDS);
    }

    private Thread namedWorkerThread(Runnable task, ConcurrentLinkedQueue<Integer> freeSlots) {
        Integer slot = freeSlots.poll();
        if (slot == null) {
            throw new IllegalStateException("no free worker name: the pool has " + workers.length + " workers");
        }
        Worker worker = workers[slot];
        return Thread.ofPlatform().name(worker.name()).unstarted(() -> {
            CURRENT.set(worker);
            try {
                task.run();
            } finally {
                freeSlots.add(slot);
            }
        });
    }

    /** The number of CPU workers. */
    public int size() {
        return workers.length;
    }

    /** Starts running {@code work}'s chunks: on the workers, or on virtual threads when it is I/O work. */
    public void dispatch(ChunkedWork work) {
        int lanes = Math.max(1, work.parallelism());
        if (work.io()) {
            startIoLane(work, 1, new AtomicInteger(1), lanes);
        } else {
            for (int lane = 0; lane < Math.min(lanes, workers.length); lane++) {
                cpu.execute(new CpuLane(work));
            }
        }
    }

    /**
     * Runs all of {@code work}'s chunks on the calling thread, under the worker name {@value #INLINE}, and returns
     * when they are done: for CPU work so small that handing it to a worker would cost more than computing it. It
     * occupies no worker and waits behind no other job's chunk; its items count in {@link #inlineItems()}.
     */
    public void runInline(ChunkedWork work) {
        int items = 0;
        for (int chunk = work.claimChunk(); chunk >= 0; chunk = work.claimChunk()) {
            items += work.runChunk(chunk, INLINE);
        }
        inlineItems.add(items);
    }

    /** Items computed {@link #runInline inline} so far, on callers' threads rather than on workers. */
    public long inlineItems() {
        return inlineItems.sum();
    }

    /**
     * Starts I/O lane {@code number}; each lane that claims a chunk while more are left starts the next lane,
     * up to {@code maxLanes} ({@code lanes} counts them), so a two-item job never starts 256 threads.
     */
    private void startIoLane(ChunkedWork work, int number, AtomicInteger lanes, int maxLanes) {
        String name = "io-" + number;
        Thread thread = Thread.ofVirtual().name(name + "@" + work.id()).unstarted(() -> {
            try {
                for (int chunk = work.claimChunk(); chunk >= 0; chunk = work.claimChunk()) {
                    if (work.hasUnclaimedChunks() && lanes.get() < maxLanes) {
                        int next = lanes.incrementAndGet();
                        if (next <= maxLanes) {
                            startIoLane(work, next, lanes, maxLanes);
                        }
                    }
                    work.runChunk(chunk, name);
                }
            } finally {
                ioThreads.remove(Thread.currentThread());
            }
        });
        ioThreads.add(thread);
        work.whenStopped(thread::interrupt);
        thread.start();
    }

    /** One job's turn on a worker: one chunk, then back to the end of the queue. */
    private final class CpuLane implements Runnable {

        private final ChunkedWork work;

        CpuLane(ChunkedWork work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                runOneChunk();
            } catch (Throwable unexpected) {
                log.error("worker lane of job {} failed; the worker goes on", work.id(), unexpected);
            }
        }

        private void runOneChunk() {
            int chunk = work.claimChunk();
            if (chunk >= 0) {
                Worker worker = CURRENT.get();
                worker.begin(work.id());
                int items = 0;
                try {
                    items = work.runChunk(chunk, worker.name());
                } finally {
                    worker.end(items);
                }
            }
            if (work.hasUnclaimedChunks()) {
                try {
                    cpu.execute(this);
                } catch (RejectedExecutionException shuttingDown) {
                    log.warn("worker pool is shut down; job {} keeps its unclaimed chunks", work.id());
                }
            }
        }
    }

    /** What each worker is doing and has done, with its utilisation over 1, 5 and 15 minutes. */
    public List<WorkerStatus> workers() {
        List<WorkerStatus> result = new ArrayList<>(workers.length);
        for (int w = 0; w < workers.length; w++) {
            result.add(worker(w));
        }
        return result;
    }

    /** Worker {@code index} (0-based: {@code worker-1} is 0). */
    public WorkerStatus worker(int index) {
        Worker worker = workers[index];
        Worker.State state = worker.state();
        double[] windows = utilization.utilization(index);
        return new WorkerStatus(worker.name(), state.busy(), state.currentJob(), state.chunks(),
                state.items(), worker.busyNanos(state) / 1e9, windows[0], windows[1], windows[2]);
    }

    /** How many workers are running a chunk now. */
    public int busyWorkers() {
        int busy = 0;
        for (Worker worker : workers) {
            busy += worker.state().busy() ? 1 : 0;
        }
        return busy;
    }

    /** The CPU workers' executor, exposed only for Micrometer's {@code ExecutorServiceMetrics}. */
    public ExecutorService executor() {
        return cpu;
    }

    /** Records a utilisation sample now, as the sampler does every five seconds; for tests. */
    void sample() {
        utilization.sample();
    }

    /**
     * Stops the threads: the workers finish their current lane, I/O threads are interrupted; waits up to
     * {@code timeout} for all of them, and says whether they all ended.
     */
    public boolean shutdown(Duration timeout) throws InterruptedException {
        sampler.shutdownNow();
        cpu.shutdown();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended = cpu.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        for (Thread thread : List.copyOf(ioThreads)) {
            thread.interrupt();
            ended &= thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        if (!ended) {
            cpu.shutdownNow();
        }
        return ended;
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ofSeconds(10));
    }
}
