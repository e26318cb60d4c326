package io.poolmap.worker;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU workers: one platform thread per {@link Worker}, named after it, taking turns at a FIFO queue of lanes.
 * A job gets up to {@code parallelism} lanes; a lane runs one chunk and goes to the back of the queue, so the chunks
 * of concurrent jobs interleave and a small job waits for at most one chunk of each busy worker.
 *
 * <p>Whoever computes as a worker holds its permit: the worker's own thread for a chunk, or a request's thread that
 * found the worker idle ({@link #runOnIdleWorker}). So never more than N CPU items compute at once, and every one
 * is counted as a named worker's.
 */
final class CpuWorkers {

    private static final Logger log = LoggerFactory.getLogger(CpuWorkers.class);
    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();

    private final Worker[] workers;
    private final ThreadPoolExecutor lanes;
    private final AtomicInteger nextIdle = new AtomicInteger();

    CpuWorkers(Worker[] workers) {
        this.workers = workers;
        ConcurrentLinkedQueue<Worker> unstarted = new ConcurrentLinkedQueue<>(java.util.List.of(workers));
        this.lanes = new ThreadPoolExecutor(workers.length, workers.length, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> workerThread(task, unstarted));
    }

    /** Starts the N threads now rather than on the first job, so that the first job waits for no thread start. */
    void start() {
        lanes.prestartAllCoreThreads();
    }

    private Thread workerThread(Runnable task, ConcurrentLinkedQueue<Worker> unstarted) {
        Worker worker = unstarted.poll();
        if (worker == null) {
            throw new IllegalStateException("no free worker name: the pool has " + workers.length + " workers");
        }
        return Thread.ofPlatform().name(worker.name()).unstarted(() -> {
            CURRENT.set(worker);
            try {
                task.run();
            } finally {
                unstarted.add(worker);
            }
        });
    }

    void dispatch(ChunkedWork work) {
        for (int lane = 0; lane < Math.min(Math.max(1, work.parallelism()), workers.length); lane++) {
            lanes.execute(new Lane(work));
        }
    }

    /**
     * Runs every chunk of {@code work} here, as the first idle worker found, or returns {@code false} if none is idle;
     * the search starts at the next worker in turn, so that tiny jobs spread over the workers.
     */
    boolean runOnIdleWorker(ChunkedWork work) {
        int start = Math.floorMod(nextIdle.getAndIncrement(), workers.length);
        for (int k = 0; k < workers.length; k++) {
            Worker worker = workers[(start + k) % workers.length];
            if (worker.tryAcquire()) {
                runAll(work, worker);
                return true;
            }
        }
        return false;
    }

    private static void runAll(ChunkedWork work, Worker worker) {
        int chunks = 0;
        int items = 0;
        worker.begin(work.id());
        try {
            for (int chunk = work.claimChunk(); chunk >= 0; chunk = work.claimChunk()) {
                items += work.runChunk(chunk, worker.name());
                chunks++;
            }
        } finally {
            worker.end(chunks, items);
            worker.release();
        }
    }

    boolean shutdown(Duration timeout) throws InterruptedException {
        lanes.shutdown();
        boolean ended = lanes.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!ended) {
            lanes.shutdownNow();
        }
        return ended;
    }

    /** The lanes' executor, only for Micrometer's executor meters (see {@link WorkerConfiguration}). */
    ThreadPoolExecutor executor() {
        return lanes;
    }

    /** One job's turn on a worker: one chunk, then back to the end of the queue. */
    private final class Lane implements Runnable {

        private final ChunkedWork work;

        Lane(ChunkedWork work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                runOneChunk(CURRENT.get());
            } catch (Throwable unexpected) {
                log.error("worker lane of job {} failed; the worker goes on", work.id(), unexpected);
            }
        }

        private void runOneChunk(Worker worker) {
            worker.acquire();
            int items = 0;
            int chunks = 0;
            try {
                int chunk = work.claimChunk();
                if (chunk >= 0) {
                    worker.begin(work.id());
                    chunks = 1;
                    items = work.runChunk(chunk, worker.name());
                }
            } finally {
                if (chunks > 0) {
                    worker.end(chunks, items);
                }
                worker.release();
            }
            if (work.hasUnclaimedChunks()) {
                try {
                    lanes.execute(this);
                } catch (RejectedExecutionException shuttingDown) {
                    log.warn("worker pool is shut down; job {} keeps its unclaimed chunks", work.id());
                }
            }
        }
    }
}
