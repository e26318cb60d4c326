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
 *
 * <p>Chunk sizes adapt: each chunk's measured time per item sets the next chunk's size, so that a chunk runs
 * about {@link #TARGET_CHUNK_NANOS} whatever the inputs cost (a 60-digit {@code collatz_steps} costs a
 * thousand times a small one), never more than the client's {@code chunkSize} or, without one, Pool.map's
 * {@code ceil(n / (4 × parallelism))} items. The stop flag is read before every item.
 */
final class Job implements ChunkedWork {

    private static final Logger log = LoggerFactory.getLogger(Job.class);

    /** How long one chunk should run: short enough that other jobs get a worker soon and a cancel is prompt. */
    static final long TARGET_CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** How much work runs between two looks at the stop flag and two progress updates. */
    private static final long STRIDE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

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
    private final int maxChunkSize;
    private volatile int chunkSize;
    private double nanosPerItem;
    private final int parallelism;
    private final long timeoutMs;
    private volatile int progressStride;
    private final Clock clock;
    private final Hooks hooks;
    private final Instant submittedAt;

    private final Object lock = new Object();
    private volatile int nextItem;
    private final List<Chunk> chunks = new ArrayList<>();
    private volatile boolean stopped;
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile JobError error;
    private final List<Runnable> stopActions = new ArrayList<>();
    private final List<Runnable> endActions = new ArrayList<>();

    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong endedItems = new AtomicLong();
    private final CompletableFuture<Job> done = new CompletableFuture<>();

    /** A claimed range of items; {@code done} and {@code worker} are published for readers of progress. */
    private static final class Chunk {
        final int from;
        final int to;
        volatile String worker;
        volatile int done;

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    /**
     * @param chunkSize the first chunk's size
     * @param maxChunkSize the largest chunk, whatever the measured cost (the client's chunkSize, or Pool.map's rule)
     */
    Job(long sequence, String id, Operation operation, Numbers input, int chunkSize, int maxChunkSize,
            int parallelism, long timeoutMs, Clock clock, Hooks hooks) {
        this.sequence = sequence;
        this.id = id;
        this.operation = operation;
        this.input = input;
        this.results = Numbers.forResults(input.size());
        this.chunkSize = chunkSize;
        this.maxChunkSize = Math.max(chunkSize, maxChunkSize);
        this.parallelism = parallelism;
        this.timeoutMs = timeoutMs;
        this.progressStride = (int) Math.clamp(STRIDE_NANOS / Math.max(1, operation.costNanos()), 1, 4096);
        this.clock = clock;
        this.hooks = hooks;
        this.submittedAt = clock.instant();
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
            if (stopped || nextItem >= input.size()) {
                return -1;
            }
            if (status == JobStatus.QUEUED) {
                startedAt = clock.instant();
                status = JobStatus.RUNNING;
            }
            int from = nextItem;
            int to = (int) Math.min(input.size(), (long) from + chunkSize);
            nextItem = to;
            chunks.add(new Chunk(from, to));
            return chunks.size() - 1;
        }
    }

    @Override
    public boolean hasUnclaimedChunks() {
        return !stopped && nextItem < input.size();
    }

    @Override
    public int runChunk(int index, String workerName) {
        Chunk chunk;
        synchronized (lock) {
            chunk = chunks.get(index);
        }
        chunk.worker = workerName;
        int from = chunk.from;
        int to = chunk.to;
        int i = from;
        long started = System.nanoTime();
        try {
            while (i < to && !stopped) {
                int blockEnd = Math.min(to, i + progressStride);
                for (; i < blockEnd && !stopped; i++) {
                    operation.apply(input, i, results);
                }
                publish(chunk, i);
            }
        } catch (OperationException failure) {
            fail(i, failure.getMessage());
        } catch (InterruptedException interrupted) {
            if (!stopped) {
                fail(i, "interrupted while computing");
            }
        } catch (Throwable bug) {
            log.error("job {}: {} failed on numbers[{}]", id, operation.name(), i, bug);
            fail(i, "poolmap could not compute it (" + bug.getClass().getSimpleName() + "); the error is in its log");
        } finally {
            publish(chunk, i);
            adapt(i - from, System.nanoTime() - started);
            hooks.released(this, to - from);
            if (endedItems.addAndGet(to - from) == input.size()) {
                finish(JobStatus.SUCCEEDED, null);
            }
        }
        return i - from;
    }

    private void publish(Chunk chunk, int upTo) {
        int previously = chunk.done;
        int now = upTo - chunk.from;
        if (now > previously) {
            chunk.done = now;
            completed.addAndGet(now - previously);
        }
    }

    /**
     * Sizes the next chunks from this one's measured time per item (a running average of the chunks so far),
     * never above {@code maxChunkSize}: a chunk size the client gives is an upper bound, so that no chunk holds a
     * worker much longer than {@link #TARGET_CHUNK_NANOS} whatever it asked.
     */
    private void adapt(int items, long nanos) {
        if (items == 0) {
            return;
        }
        synchronized (lock) {
            double measured = (double) Math.max(1, nanos) / items;
            nanosPerItem = nanosPerItem == 0 ? measured : (nanosPerItem + measured) / 2;
            chunkSize = (int) Math.clamp((long) (TARGET_CHUNK_NANOS / nanosPerItem), 1, maxChunkSize);
            progressStride = (int) Math.clamp((long) (STRIDE_NANOS / nanosPerItem), 1, 4096);
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
            stopped = true;
            unclaimed = input.size() - (long) nextItem;
            nextItem = input.size();
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
        return resultsIf(status);
    }

    /** The results when {@code seen}, a status read before, is {@code SUCCEEDED}; so that a view is consistent. */
    Numbers resultsIf(JobStatus seen) {
        return seen == JobStatus.SUCCEEDED ? results : null;
    }

    Numbers input() {
        return input;
    }

    /** Worker name → items it computed for this job, in name order. */
    Map<String, Long> itemsByWorker() {
        Map<String, Long> byWorker = new TreeMap<>(Job::compareWorkerNames);
        synchronized (lock) {
            for (Chunk chunk : chunks) {
                int items = chunk.done;
                if (items > 0) {
                    byWorker.merge(chunk.worker, (long) items, Long::sum);
                }
            }
        }
        return new LinkedHashMap<>(byWorker);
    }

    /** Items {@code offset} … {@code offset + limit - 1} (those that exist): result and worker when computed, else {@code null}s. */
    List<ItemView> items(int offset, int limit) {
        List<ItemView> items = new ArrayList<>();
        int end = (int) Math.min(input.size(), (long) offset + limit);
        synchronized (lock) {
            int c = chunkContaining(offset);
            for (int index = offset; index < end; index++) {
                while (c < chunks.size() && chunks.get(c).to <= index) {
                    c++;
                }
                Chunk chunk = c < chunks.size() ? chunks.get(c) : null;
                boolean computed = chunk != null && index - chunk.from < chunk.done;
                items.add(new ItemView(index, input.valueAt(index), computed ? results.valueAt(index) : null,
                        computed ? chunk.worker : null));
            }
        }
        return items;
    }

    /** The position in {@link #chunks} of the chunk holding item {@code index}, or of the first chunk after it. */
    private int chunkContaining(int index) {
        int low = 0;
        int high = chunks.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (chunks.get(middle).to <= index) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low;
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
