package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.OperationRegistry;
import io.poolmap.worker.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Admits, runs, finds, cancels and forgets jobs: every check that can refuse a job happens here, before the
 * job exists, so that an admitted job is never dropped. On shutdown it stops admitting, lets running jobs
 * finish within {@code poolmap.shutdown-grace}, then cancels what is left.
 */
@Service
public class JobService implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private static final int PROBE_CHUNK_SIZE = 64;

    private final PoolmapProperties properties;
    private final OperationRegistry operations;
    private final WorkerPool pool;
    private final JobStore store;
    private final List<JobListener> listeners;
    private final Clock clock;
    private final Admission admission;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicLong sequence = new AtomicLong();
    private final Job.Hooks hooks = new Hooks();
    private final long inlineLimitNanos;
    private volatile boolean accepting;

    /** Submissions hold it shared from the {@code accepting} check to dispatch; {@link #stop()} takes it alone. */
    private final ReadWriteLock admitting = new ReentrantReadWriteLock();

    JobService(PoolmapProperties properties, OperationRegistry operations, WorkerPool pool, JobStore store,
            List<JobListener> listeners, Clock clock) {
        this.properties = properties;
        this.operations = operations;
        this.pool = pool;
        this.store = store;
        this.listeners = listeners;
        this.clock = clock;
        this.admission = new Admission(properties.queueCapacity());
        this.inlineLimitNanos = properties.inlineLimit().toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("poolmap-timer").daemon().factory());
        this.timer.setRemoveOnCancelPolicy(true);
        long sweepMs = Math.clamp(properties.retention().toMillis() / 4, 1_000, 60_000);
        this.timer.scheduleWithFixedDelay(this::evictExpired, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    /** Admits a job and starts it, or throws the problem that refuses it. */
    Job submit(JobRequest request) {
        if (!accepting) {
            listeners.forEach(listener -> listener.rejected("shutting_down"));
            throw JobProblems.shuttingDown();
        }
        Operation operation = operations.find(request.operation())
                .orElseThrow(() -> JobProblems.unknownOperation(request.operation(), operations.names()));
        Numbers numbers = request.numbers();
        checkDomain(operation, numbers);
        long maxTimeoutMs = properties.maxTimeout().toMillis();
        if (request.timeoutMs() != null && request.timeoutMs() > maxTimeoutMs) {
            throw JobProblems.timeoutTooLong(request.timeoutMs(), maxTimeoutMs);
        }
        int cap = operation.kind() == OperationKind.IO ? properties.maxIoParallelism() : pool.size();
        int parallelism = Math.min(request.parallelism() == null ? pool.size() : request.parallelism(), cap);
        boolean inline = runsInline(operation, numbers.size());
        int maxChunkSize = request.chunkSize() != null ? Math.min(request.chunkSize(), numbers.size())
                : inline ? numbers.size() : poolMapChunkSize(numbers.size(), parallelism);
        int firstChunkSize = request.chunkSize() != null ? Math.min(maxChunkSize, probeChunkSize(operation.costNanos()))
                : inline ? numbers.size() : autoChunkSize(numbers.size(), parallelism, operation.costNanos());
        long timeoutMs = request.timeoutMs() == null ? maxTimeoutMs : request.timeoutMs();
        admitting.readLock().lock();
        try {
            if (!accepting) {
                listeners.forEach(listener -> listener.rejected("shutting_down"));
                throw JobProblems.shuttingDown();
            }
            if (!admission.tryReserve(numbers.size())) {
                listeners.forEach(listener -> listener.rejected("queue_full"));
                throw JobProblems.queueFull(numbers.size(), admission.capacity() - admission.reserved(), admission.capacity());
            }
            Job job;
            try {
                job = new Job(sequence.incrementAndGet(), UUID.randomUUID().toString(), operation, numbers, firstChunkSize,
                        maxChunkSize, parallelism, timeoutMs, inline, clock, hooks);
            } catch (RuntimeException | OutOfMemoryError notCreated) {
                admission.release(numbers.size());
                throw notCreated;
            }
            launch(job, timeoutMs);
            return job;
        } finally {
            admitting.readLock().unlock();
        }
    }

    /**
     * Makes an admitted job findable, arms its timeout and hands it to the pool, or runs it on this thread when it
     * is inline (it then checks its own deadline between items); a job that cannot start is cancelled, never lost.
     */
    private void launch(Job job, long timeoutMs) {
        store.save(job);
        listeners.forEach(listener -> listener.submitted(job.operation().name()));
        try {
            if (job.inline()) {
                pool.runInline(job);
            } else {
                ScheduledFuture<?> deadline = timer.schedule(job::timeOut, timeoutMs, TimeUnit.MILLISECONDS);
                job.whenFinished(() -> deadline.cancel(false));
                pool.dispatch(job);
            }
        } catch (RejectedExecutionException stopped) {
            job.cancel("poolmap was shutting down when the job arrived");
            throw JobProblems.shuttingDown();
        }
    }

    /**
     * Whether a job is too small to gain from a hand-off to the workers: a CPU operation whose declared cost over
     * the batch is below {@code poolmap.inline-limit}, and no more items than a probe chunk, so that an operation
     * that costs far more than it declares holds the request's thread for a few items only.
     */
    private boolean runsInline(Operation operation, int items) {
        return operation.kind() == OperationKind.CPU && items <= PROBE_CHUNK_SIZE
                && (long) items * Math.max(1, operation.costNanos()) < inlineLimitNanos;
    }

    /**
     * Refuses a batch with an item outside the operation's domain or results too large to hold; a batch of {@code long}s
     * that the operation accepts whole is let through without a look at each item (in a JFR profile of 1M-item square jobs, a fifth of their time).
     */
    private void checkDomain(Operation operation, Numbers numbers) {
        long perLong = operation.resultDigitsOfAnyLong();
        if (perLong >= 0 && perLong * numbers.size() <= properties.maxResultDigits() && numbers.longsOrNull() != null) {
            return;
        }
        long digits = 0;
        for (int i = 0; i < numbers.size(); i++) {
            String reason = operation.checkDomain(numbers, i);
            if (reason != null) {
                throw JobProblems.outOfDomain(operation.name(), i, numbers.valueAt(i), reason);
            }
            digits += operation.resultDigits(numbers, i);
        }
        if (digits > properties.maxResultDigits()) {
            throw JobProblems.resultsTooLarge(operation.name(), digits, properties.maxResultDigits());
        }
    }

    /**
     * The first chunk's size when the client gives none: small (a probe of at most {@value #PROBE_CHUNK_SIZE}
     * items, since inputs may cost far more than the operation declares), never above Pool.map's
     * {@code ceil(n / (4 × workers))} nor what the declared cost says runs longer than
     * {@link ChunkLedger#TARGET_CHUNK_NANOS}; later chunks adapt to the measured cost.
     */
    static int autoChunkSize(int items, int parallelism, long costNanos) {
        return Math.min(poolMapChunkSize(items, parallelism), probeChunkSize(costNanos));
    }

    /** A first chunk that measures the real cost: at most {@value #PROBE_CHUNK_SIZE} items, and about 2 ms by the declared cost. */
    static int probeChunkSize(long costNanos) {
        long byTime = Math.max(1, ChunkLedger.TARGET_CHUNK_NANOS / Math.max(1, costNanos));
        return (int) Math.min(byTime, PROBE_CHUNK_SIZE);
    }

    /** Pool.map's rule, {@code ceil(n / (4 × workers))}: the largest chunk poolmap chooses by itself. */
    static int poolMapChunkSize(int items, int parallelism) {
        return (int) Math.max(1, (items + 4L * parallelism - 1) / (4L * parallelism));
    }

    Job find(String id) {
        return store.find(id).orElseThrow(() -> JobProblems.notFound(id));
    }

    /** Cancels the job, unless it already ended; returns it either way. */
    Job cancel(String id) {
        Job job = find(id);
        job.cancel("cancelled by a client");
        return job;
    }

    List<Job> list(JobStatus status, int offset, int limit) {
        return store.list(status, offset, limit);
    }

    long count(JobStatus status) {
        return store.count(status);
    }

    /** Items admitted and not yet computed, queued or running. */
    public long queuedItems() {
        return admission.reserved();
    }

    /** The most items that may be admitted at once ({@code poolmap.queue-capacity}). */
    public long queueCapacity() {
        return admission.capacity();
    }

    /** Whether new jobs are admitted (false while shutting down). */
    public boolean isAccepting() {
        return accepting;
    }

    private void evictExpired() {
        try {
            store.evict(clock.instant().minus(properties.retention()), properties.maxRetainedJobs(),
                    properties.maxRetainedItems());
        } catch (RuntimeException e) {
            log.warn("could not evict expired jobs", e);
        }
    }

    /**
     * One line per finished job; at DEBUG for an inline job that succeeded, which under load is nearly every request
     * and would otherwise cost more than the job itself.
     */
    private static void logFinished(Job job, Duration duration) {
        boolean routine = job.inline() && job.status() == JobStatus.SUCCEEDED;
        if (routine ? log.isDebugEnabled() : log.isInfoEnabled()) {
            String line = "job {} {} size={} status={} durationMs={} workers={}";
            Object[] fields = {job.id(), job.operation().name(), job.size(), job.status(), duration.toMillis(),
                    job.itemsByWorker()};
            if (routine) {
                log.debug(line, fields);
            } else {
                log.info(line, fields);
            }
        }
    }

    private final class Hooks implements Job.Hooks {

        @Override
        public void released(Job job, long items) {
            admission.release(items);
        }

        @Override
        public void finished(Job job) {
            Duration duration = Duration.between(job.submittedAt(), job.finishedAt());
            logFinished(job, duration);
            for (JobListener listener : listeners) {
                try {
                    listener.finished(job.operation().name(), job.status(), duration);
                } catch (RuntimeException broken) {
                    log.warn("job listener {} failed for job {}", listener.getClass().getName(), job.id(), broken);
                }
            }
            store.finished(job);
            if (store.count(null) > (long) properties.maxRetainedJobs() * 2 + 100
                    || store.finishedItems() > properties.maxRetainedItems()) {
                evictExpired();
            }
        }
    }

    @Override
    public void start() {
        admitting.writeLock().lock();
        try {
            accepting = true;
        } finally {
            admitting.writeLock().unlock();
        }
    }

    @Override
    public void stop() {
        admitting.writeLock().lock();
        try {
            accepting = false;
        } finally {
            admitting.writeLock().unlock();
        }
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        List<Job> inFlight = store.unfinished();
        log.info("shutting down: no new jobs; {} in flight get up to {} to finish", inFlight.size(), properties.shutdownGrace());
        try {
            for (Job job : inFlight) {
                job.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Job job : store.unfinished()) {
            if (job.cancel("poolmap shut down before the job finished (poolmap.shutdown-grace = " + properties.shutdownGrace() + ")")) {
                log.warn("job {} cancelled by shutdown", job.id());
            }
        }
    }

    /** Stops the timer of timeouts and retention when the application context closes. */
    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    /** Stops before the web server, so that requests during shutdown get 503 and waiting clients get their answer. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
