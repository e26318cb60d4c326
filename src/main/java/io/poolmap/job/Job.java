package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.StopSignal;
import io.poolmap.worker.ChunkedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted batch and everything that happens to it: its progress, how it ended, and the chunks that
 * its {@link ChunkLedger} hands out. Items are written into a results array that distinct workers share at
 * distinct indices, and progress is published per block of items so readers see only finished results. The
 * stop flag is read before every item; every admitted item is released exactly once, by the chunk that held
 * it or, if never handed out, when the job ends.
 */
final class Job implements ChunkedWork {

    private static final Logger log = LoggerFactory.getLogger(Job.class);

    /** What the service does when a job's state changes; called outside the job's lock. */
    interface Hooks {
        /** {@code items} of this job are computed or dropped and no longer take room in the queue. */
        void released(Job job, long items);

        /** The job reached a terminal state (exactly once). */
        void finished(Job job);
    }

    private final long sequence;
    private final String id;
    private final Operation operation;
    private final Numbers input;
    private final Numbers results;
    private final ChunkLedger chunks;
    private final int parallelism;
    private final long timeoutMs;
    private final boolean inline;
    private final long deadlineMillis;
    private final Clock clock;
    private final Hooks hooks;
    private final Instant submittedAt;

    private final Object lock = new Object();
    private final StopSignal stop = new StopSignal();
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile JobError error;
    private final List<Runnable> stopActions = new ArrayList<>();
    private final List<Runnable> endActions = new ArrayList<>();

    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong endedItems = new AtomicLong();
    private final CompletableFuture<Job> done = new CompletableFuture<>();

    /**
     * @param chunkSize the first chunk's size
     * @param maxChunkSize the largest chunk, whatever the measured cost (the client's chunkSize, or Pool.map's rule)
     * @param inline whether the job runs on its caller's thread; it then checks its own deadline between items, so
     *     that a tiny job needs no timer task
     */
    Job(long sequence, String id, Operation operation, Numbers input, int chunkSize, int maxChunkSize,
            int parallelism, long timeoutMs, boolean inline, Clock clock, Hooks hooks) {
        this.sequence = sequence;
        this.id = id;
        this.operation = operation;
        this.input = input;
        this.results = Numbers.forResults(input.size());
        this.chunks = new ChunkLedger(input.size(), chunkSize, maxChunkSize, operation.costNanos());
        this.parallelism = parallelism;
        this.timeoutMs = timeoutMs;
        this.inline = inline;
        this.clock = clock;
        this.hooks = hooks;
        this.submittedAt = clock.instant();
        this.deadlineMillis = submittedAt.toEpochMilli() + timeoutMs;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean io() {
        return operation.kind() == OperationKind.IO;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public int claimChunk() {
        synchronized (lock) {
            int chunk = stop.isStopped() ? -1 : chunks.claim();
            if (chunk >= 0 && status == JobStatus.QUEUED) {
                startedAt = clock.instant();
                status = JobStatus.RUNNING;
            }
            return chunk;
        }
    }

    @Override
    public boolean hasUnclaimedChunks() {
        return !stop.isStopped() && chunks.hasUnclaimed();
    }

    @Override
    public int runChunk(int index, String workerName) {
        ChunkLedger.Chunk chunk = chunks.get(index);
        chunk.worker = workerName;
        int from = chunk.from;
        int to = chunk.to;
        ItemCursor at = new ItemCursor(stop, from);
        long started = System.nanoTime();
        try {
            while (at.next() < to && !stop.isStopped()) {
                operation.applyRange(input, Math.min(to, at.next() + (inline ? 1 : chunks.stride())), results, at);
                publish(chunk, at.next());
                if (inline && at.next() < to && clock.millis() >= deadlineMillis) {
                    timeOut();
                }
            }
        } catch (OperationException failure) {
            fail(at.next(), failure.getMessage());
        } catch (InterruptedException interrupted) {
            if (!stop.isStopped()) {
                fail(at.next(), "interrupted while computing");
            }
        } catch (Throwable bug) {
            log.error("job {}: {} failed on numbers[{}]", id, operation.name(), at.next(), bug);
            fail(at.next(), "poolmap could not compute it (" + bug.getClass().getSimpleName() + "); the error is in its log");
        } finally {
            publish(chunk, at.next());
            chunks.measured(at.next() - from, System.nanoTime() - started);
            hooks.released(this, to - from);
            if (endedItems.addAndGet(to - from) == input.size()) {
                finish(JobStatus.SUCCEEDED, null);
            }
        }
        return at.next() - from;
    }

    private void publish(ChunkLedger.Chunk chunk, int upTo) {
        int previously = chunk.done;
        int now = upTo - chunk.from;
        if (now > previously) {
            chunk.done = now;
            completed.addAndGet(now - previously);
        }
    }

    private void fail(int index, String reason) {
        finish(JobStatus.FAILED, JobError.itemFailed(index, input.valueAt(index), reason));
    }

    @Override
    public void whenStopped(Runnable action) {
        synchronized (lock) {
            if (!stop.isStopped()) {
                stopActions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Registers an action to run once when the job ends, however it ends (at once if it has ended). */
    void whenFinished(Runnable action) {
        synchronized (lock) {
            if (!status.isTerminal()) {
                endActions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Cancels the job: queued chunks are dropped, running ones stop at their next item. */
    boolean cancel(String why) {
        return finish(JobStatus.CANCELLED, JobError.cancelled(why));
    }

    /** Ends the job as timed out, unless it already ended. */
    boolean timeOut() {
        return finish(JobStatus.TIMED_OUT, JobError.timedOut(timeoutMs, completed.get(), input.size()));
    }

    private boolean finish(JobStatus terminal, JobError why) {
        List<Runnable> actions;
        List<Runnable> ending;
        long unclaimed;
        synchronized (lock) {
            if (status.isTerminal()) {
                return false;
            }
            stop.stop();
            unclaimed = chunks.close();
            finishedAt = clock.instant();
            error = why;
            status = terminal;
            actions = List.copyOf(stopActions);
            stopActions.clear();
            ending = List.copyOf(endActions);
            endActions.clear();
        }
        if (unclaimed > 0) {
            hooks.released(this, unclaimed);
        }
        try {
            if (terminal != JobStatus.SUCCEEDED) {
                actions.forEach(Runnable::run);
            }
            ending.forEach(Runnable::run);
            hooks.finished(this);
        } finally {
            done.complete(this);
        }
        return true;
    }

    /** Waits up to {@code timeout} for the job to end and says whether it has. */
    boolean await(Duration timeout) throws InterruptedException {
        if (status.isTerminal()) {
            return true;
        }
        try {
            done.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException notYet) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    long sequence() {
        return sequence;
    }

    Operation operation() {
        return operation;
    }

    JobStatus status() {
        return status;
    }

    JobError error() {
        return error;
    }

    int size() {
        return input.size();
    }

    int chunkSize() {
        return chunks.chunkSize();
    }

    long timeoutMs() {
        return timeoutMs;
    }

    /** Whether the job runs on its caller's thread rather than on the workers. */
    boolean inline() {
        return inline;
    }

    long completed() {
        return completed.get();
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** The results, only once the job has succeeded. */
    Numbers results() {
        return resultsIf(status);
    }

    /** The results when {@code seen}, a status read before, is {@code SUCCEEDED}; so that a view is consistent. */
    Numbers resultsIf(JobStatus seen) {
        return seen == JobStatus.SUCCEEDED ? results : null;
    }

    /** Worker name → items it computed for this job, in name order. */
    Map<String, Long> itemsByWorker() {
        return chunks.itemsByWorker();
    }

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else {@code null}s. */
    List<ItemView> items(int offset, int limit) {
        return chunks.items(offset, limit, input, results);
    }
}
