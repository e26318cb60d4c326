package io.poolmap.job;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.OutOfMemoryExit;
import io.poolmap.expression.ExpressionItemException;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.worker.ChunkedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Job} as the worker pool runs it: claims chunks from its ledger, computes them stride by stride into the
 * results (distinct workers write distinct indices), publishes progress per stride so readers see only finished
 * items (and the items before a failing one before the job ends, since an ended job's progress is frozen), and
 * ends the job when an item fails, its deadline passes or every item is done. Every admitted item is
 * released from the queue exactly once: by the chunk that held it or, if never handed out, when the job ends.
 */
final class JobRun implements ChunkedWork {

    private static final Logger log = LoggerFactory.getLogger(JobRun.class);

    private final Job job;
    private final LiveJobData live;
    private final Job.Hooks hooks;
    private final Clock clock;
    private final AtomicLong endedItems;

    JobRun(Job job, Job.Hooks hooks, Clock clock) {
        this.job = job;
        this.live = job.live();
        this.hooks = hooks;
        this.clock = clock;
        this.endedItems = new AtomicLong(live.ledger().restoredItems());
    }

    Job job() {
        return job;
    }

    @Override
    public String id() {
        return job.id();
    }

    @Override
    public boolean io() {
        return job.plan().execution() == JobPlan.Execution.IO_LANES;
    }

    @Override
    public int parallelism() {
        return job.parallelism();
    }

    @Override
    public int claimChunk() {
        if (job.stop().isStopped()) {
            return -1;
        }
        int chunk = live.ledger().claim();
        if (chunk >= 0) {
            job.markRunning();
        }
        return chunk;
    }

    @Override
    public boolean hasUnclaimedChunks() {
        return !job.stop().isStopped() && live.ledger().hasUnclaimed();
    }

    @Override
    public int runChunk(int index, String workerName) {
        ChunkLedger ledger = live.ledger();
        ChunkLedger.Chunk chunk = ledger.get(index);
        chunk.worker = workerName;
        Operation operation = job.operation();
        Numbers input = live.input();
        Numbers results = live.results();
        int from = chunk.from;
        int to = chunk.to;
        ItemCursor at = new ItemCursor(job.stop(), from);
        long started = System.nanoTime();
        try {
            while (at.next() < to && !at.stopped()) {
                operation.applyRange(input, Math.min(to, at.next() + ledger.stride()), results, at);
                ledger.publish(chunk, at.next());
                if (at.next() < to && clock.millis() >= job.deadlineMillis()) {
                    job.timeOut();
                }
            }
        } catch (OperationException failure) {
            ledger.publish(chunk, at.next());
            job.fail(at.next(), failure.getMessage(),
                    failure instanceof ExpressionItemException raised ? raised.errorType() : null);
        } catch (InterruptedException interrupted) {
            ledger.publish(chunk, at.next());
            if (!at.stopped()) {
                job.fail(at.next(), "interrupted while computing", null);
            }
        } catch (Throwable bug) {
            OutOfMemoryExit.exitIfOutOfMemory(bug);
            ledger.publish(chunk, at.next());
            log.error("job {}: {} failed on numbers[{}]", job.id(), operation.name(), at.next(), bug);
            job.fail(at.next(), "poolmap could not compute it (" + bug.getClass().getSimpleName() + "); the error is in its log", null);
        } finally {
            ledger.publish(chunk, at.next());
            ledger.measured(at.next() - from, System.nanoTime() - started);
            if (at.next() == to) {
                int segment = ledger.chunkDone(chunk);
                if (segment >= 0) {
                    hooks.segmentDone(job, segment);
                }
            }
            hooks.released(job, to - from);
            if (endedItems.addAndGet(to - from) == job.size()) {
                job.finish(JobStatus.SUCCEEDED, null);
            }
        }
        return at.next() - from;
    }

    @Override
    public void whenStopped(Runnable action) {
        job.whenStopped(action);
    }
}
