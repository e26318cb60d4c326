package io.poolmap.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Whether a job is kept in the store and what is still being written for it, under its own monitor: so that a job
 * kept while it finishes gets its end recorded after its start and after every segment, whichever thread comes first.
 */
final class Keeping {

    private boolean kept;
    private boolean endWritten;
    private boolean forgotten;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private CompletableFuture<?> settled = CompletableFuture.completedFuture(null);

    /** Marks the job kept; false if it already was. */
    synchronized boolean keep() {
        if (kept) {
            return false;
        }
        kept = true;
        return true;
    }

    synchronized boolean kept() {
        return kept;
    }

    /** Remembers a write that the job's end, and the removal of its numbers once forgotten, must follow. */
    synchronized void writing(CompletableFuture<?> write) {
        pending.add(write);
        settled = CompletableFuture.allOf(settled, write);
    }

    /**
     * Starts a write unless the job is forgotten, remembering it as {@link #writing} does: under this monitor, so that
     * a job forgotten at the same time either writes nothing or has its numbers removed only after this write. False
     * when the job is forgotten.
     */
    synchronized boolean writeUnlessForgotten(Supplier<? extends CompletableFuture<?>> write) {
        if (forgotten) {
            return false;
        }
        writing(write.get());
        return true;
    }

    /** Completes, successfully or not, once every write started for the job so far has; never cleared. */
    synchronized CompletableFuture<?> settled() {
        return settled;
    }

    /** Every write so far, done or not; the writes are forgotten, so that a kept job holds none of their data. */
    synchronized CompletableFuture<Void> written() {
        CompletableFuture<Void> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
        pending.clear();
        return all;
    }

    /** Runs {@code write} unless the job's end has been written, under this job's monitor. */
    synchronized void unlessEnded(Runnable write) {
        if (!endWritten) {
            write.run();
        }
    }

    /**
     * The job is forgotten: its end, if not written yet, never will be, so that a record written late (a move queued
     * behind others) does not bring back a job whose record is being removed.
     */
    synchronized void forgotten() {
        forgotten = true;
        endWritten = true;
    }

    synchronized boolean isForgotten() {
        return forgotten;
    }

    /** Runs {@code write}, the job's end, once. */
    synchronized void end(Runnable write) {
        if (!endWritten) {
            write.run();
            endWritten = true;
        }
    }
}
