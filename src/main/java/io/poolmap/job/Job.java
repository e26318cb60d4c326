package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationKind;
import io.poolmap.worker.ChunkedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted batch and everything that happens to it: its chunks, its progress, which worker computed
 * what, and how it ended. Chunks are claimed under a lock (once per chunk, never per item); items are
 * written into a results array that distinct workers share at distinct indices, and progress is published
 * per block of items so readers see only finished results.
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
    private final int chunkSize;
    private final int chunkCount;
    private final int parallelism;
    private final long timeoutMs;
    private final int progressStride;
    private final Clock clock;
    private final Hooks hooks;
    private final Instant submittedAt;

    private final Object lock = new Object();
    private volatile int nextChunk;
    private volatile boolean stopped;
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile JobError error;
    private final List<Runnable> stopActions = new ArrayList<>();

    private final AtomicLong completed = new AtomicLong();
    private final AtomicInteger chunksEnded = new AtomicInteger();
    private final AtomicIntegerArray chunkDone;
    private final String[] chunkWorker;
    private final CompletableFuture<Job> done = new CompletableFuture<>();

    Job(long sequence, String id, Operation operation, Numbers input, int chunkSize, int parallelism, long timeoutMs,
            Clock clock, Hooks hooks) {
        this.sequence = sequence;
        this.id = id;
        this.operation = operation;
        this.input = input;
        this.results = Numbers.forResults(input.size());
        this.chunkSize = chunkSize;
        this.chunkCount = (int) ((input.size() + (long) chunkSize - 1) / chunkSize);
        this.parallelism = parallelism;
        this.timeoutMs = timeoutMs;
        this.progressStride = (int) Math.clamp(100_000 / Math.max(1, operation.costNanos()), 1, 4096);
        this.clock = clock;
        this.hooks = hooks;
        this.submittedAt = clock.instant();
        this.chunkDone = new AtomicIntegerArray(chunkCount);
        this.chunkWorker = new String[chunkCount];
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
            if (stopped || nextChunk >= chunkCount) {
                return -1;
            }
            if (status == JobStatus.QUEUED) {
                startedAt = clock.instant();
                status = JobStatus.RUNNING;
            }
            return nextChunk++;
        }
    }

    @Override
    public boolean hasUnclaimedChunks() {
        return !stopped && nextChunk < chunkCount;
    }

    @Override
    public int runChunk(int chunk, String workerName) {
        chunkWorker[chunk] = workerName;
        int from = chunk * chunkSize;
        int to = Math.min(input.size(), from + chunkSize);
        int i = from;
        try {
            while (i < to && !stopped) {
                int blockEnd = Math.min(to, i + progressStride);
                for (; i < blockEnd; i++) {
                    operation.apply(input, i, results);
                }
                publish(chunk, from, i);
            }
        } catch (OperationException failure) {
            fail(i, failure.getMessage());
        } catch (InterruptedException interrupted) {
            if (!stopped) {
                fail(i, "interrupted while computing");
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError bug) {
            log.error("job {}: {} failed on numbers[{}]", id, operation.name(), i, bug);
            fail(i, "poolmap could not compute it (" + bug.getClass().getSimpleName() + "); the error is in its log");
        } finally {
            publish(chunk, from, i);
            hooks.released(this, to - from);
            if (chunksEnded.incrementAndGet() == chunkCount) {
                finish(JobStatus.SUCCEEDED, null);
            }
        }
        return i - from;
    }

    private void publish(int chunk, int from, int upTo) {
        int previously = chunkDone.get(chunk);
        int now = upTo - from;
        if (now > previously) {
            chunkDone.set(chunk, now);
            completed.addAndGet(now - previously);
        }
    }

    private void fail(int index, String reason) {
        finish(JobStatus.FAILED, JobError.itemFailed(index, input.valueAt(index), reason));
    }

    @Override
    public void whenStopped(Runnable action) {
        synchronized (lock) {
            if (!stopped) {
                stopActions.add(action);
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
        long unclaimed;
        synchronized (lock) {
            if (status.isTerminal()) {
                return false;
            }
            stopped = true;
            unclaimed = Math.max(0, input.size() - (long) nextChunk * chunkSize);
            nextChunk = chunkCount;
            finishedAt = clock.instant();
            error = why;
            status = terminal;
            actions = List.copyOf(stopActions);
            stopActions.clear();
        }
        if (unclaimed > 0) {
            hooks.released(this, unclaimed);
        }
        if (terminal != JobStatus.SUCCEEDED) {
            actions.forEach(Runnable::run);
        }
        hooks.finished(this);
        done.complete(this);
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
        return chunkSize;
    }

    long timeoutMs() {
        return timeoutMs;
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
        return status == JobStatus.SUCCEEDED ? results : null;
    }

    Numbers input() {
        return input;
    }

    /** Worker name → items it computed for this job, in name order. */
    Map<String, Long> itemsByWorker() {
        Map<String, Long> byWorker = new TreeMap<>(Job::compareWorkerNames);
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            int items = chunkDone.get(chunk);
            if (items > 0) {
                byWorker.merge(chunkWorker[chunk], (long) items, Long::sum);
            }
        }
        return new LinkedHashMap<>(byWorker);
    }

    /** Item {@code index}: its result and worker when computed, else {@code null}s. */
    ItemView item(int index) {
        int chunk = index / chunkSize;
        boolean computed = index - chunk * chunkSize < chunkDone.get(chunk);
        return new ItemView(index, input.valueAt(index), computed ? results.valueAt(index) : null,
                computed ? chunkWorker[chunk] : null);
    }

    /** Orders {@code worker-2} before {@code worker-10}. */
    private static int compareWorkerNames(String a, String b) {
        int dashA = a.lastIndexOf('-');
        int dashB = b.lastIndexOf('-');
        if (dashA > 0 && dashB > 0 && a.regionMatches(0, b, 0, Math.max(dashA, dashB) + 1)) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(dashA + 1)), Integer.parseInt(b.substring(dashB + 1)));
            } catch (NumberFormatException notNumbered) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }
}
