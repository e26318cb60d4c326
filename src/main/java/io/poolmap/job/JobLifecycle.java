package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.poolmap.operation.StopSignal;

/**
 * Where a job is in its life: QUEUED, then RUNNING, then exactly one terminal status, once, with its timestamps, its
 * error and the actions that wait for its end. The end is atomic: status, error and end time change together under
 * one lock, the stop signal is raised, and waiters are released only after everyone told of the end has been told.
 */
final class JobLifecycle {

    private final Clock clock;
    private final Object lock = new Object();
    private final StopSignal stop = new StopSignal();
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile JobError error;
    private final List<Runnable> stopActions = new ArrayList<>();
    private final List<Runnable> endActions = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    JobLifecycle(Clock clock) {
        this.clock = clock;
    }

    /** The life of a job that ended before: its end as the store recorded it, never to change. */
    static JobLifecycle ended(Clock clock, JobStatus status, Instant startedAt, Instant finishedAt, JobError error) {
        JobLifecycle ended = new JobLifecycle(clock);
        ended.stop.stop();
        ended.startedAt = startedAt;
        ended.finishedAt = finishedAt;
        ended.error = error;
        ended.status = status;
        ended.done.complete(null);
        return ended;
    }

    /** Moves a queued job to RUNNING; a job that has ended stays as it ended. */
    void markRunning() {
        if (status == JobStatus.QUEUED) {
            synchronized (lock) {
                if (status == JobStatus.QUEUED) {
                    startedAt = clock.instant();
                    status = JobStatus.RUNNING;
                }
            }
        }
    }

    /** A resumed job that had started before the restart keeps its start. */
    void startedBefore(Instant started) {
        synchronized (lock) {
            if (started != null && status == JobStatus.QUEUED) {
                startedAt = started;
                status = JobStatus.RUNNING;
            }
        }
    }

    /** Registers an action to run once when the job stops early (cancelled, timed out, failed); not on success. */
    void whenStopped(Runnable action) {
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

    /**
     * Ends the job with {@code terminal}, unless it has ended: {@code closing} runs under the lock (the ledger stops
     * handing out chunks and freezes), then the stop and end actions, then {@code announce}; returns whether this
     * call ended it.
     */
    boolean finish(JobStatus terminal, JobError why, Runnable closing, Runnable announce) {
        return finish(terminal, why, null, closing, announce);
    }

    /** As {@link #finish(JobStatus, JobError, Runnable, Runnable)}, ended at {@code endedAt} (now when null): a job a cluster ended keeps the record's time. */
    boolean finish(JobStatus terminal, JobError why, Instant endedAt, Runnable closing, Runnable announce) {
        List<Runnable> stopping;
        List<Runnable> ending;
        synchronized (lock) {
            if (status.isTerminal()) {
                return false;
            }
            stop.stop();
            closing.run();
            finishedAt = endedAt != null ? endedAt : clock.instant();
            error = why;
            status = terminal;
            stopping = List.copyOf(stopActions);
            stopActions.clear();
            ending = List.copyOf(endActions);
            endActions.clear();
        }
        try {
            if (terminal != JobStatus.SUCCEEDED) {
                stopping.forEach(Runnable::run);
            }
            ending.forEach(Runnable::run);
            announce.run();
        } finally {
            done.complete(null);
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

    StopSignal stop() {
        return stop;
    }

    JobStatus status() {
        return status;
    }

    JobError error() {
        return error;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
