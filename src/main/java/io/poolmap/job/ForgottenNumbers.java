package io.poolmap.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.poolmap.store.ChunkKey;
import io.poolmap.store.Store;

/**
 * The numbers of the jobs that retention has forgotten, removed from the store a little after their record: at most
 * {@link #READERS_GRACE} later, so that an answer that was reading them can finish, and at once, the oldest first, when
 * the waiting ones hold more items than retention itself keeps. Without that bound the disk held a minute of a
 * sustained load's writes (4.5 GB on two cores doing 1M-item jobs), not what retention keeps.
 */
final class ForgottenNumbers {

    /** How long a forgotten job's numbers stay for answers that were reading them, if the bound allows. */
    static final Duration READERS_GRACE = Duration.ofSeconds(60);

    private record Forgotten(String id, int segments, long items, CompletableFuture<?> settled, long dueNanos) {
    }

    private final Store store;
    private final Executor writer;
    private final ScheduledExecutorService scheduler;
    private final long maxWaitingItems;
    private final Duration grace;
    private final ArrayDeque<Forgotten> waiting = new ArrayDeque<>();
    private long waitingItems;

    /**
     * @param writer where the removals run: the archive's writer, so that a job's numbers are removed after any move of
     *        them that was queued before, and never written again behind their removal
     * @param maxWaitingItems the most items of forgotten jobs that wait for their readers
     */
    ForgottenNumbers(Store store, Executor writer, ScheduledExecutorService scheduler, long maxWaitingItems, Duration grace) {
        this.store = store;
        this.writer = writer;
        this.scheduler = scheduler;
        this.maxWaitingItems = maxWaitingItems;
        this.grace = grace;
    }

    /**
     * Removes the numbers of job {@code id} ({@code segments} segments, {@code items} items) after the grace, or sooner,
     * but never before {@code settled}, the job's own writes: one still under way would land after its removal and
     * stay on the disk with no record to find it.
     */
    void add(String id, int segments, long items, CompletableFuture<?> settled) {
        List<Forgotten> due = new ArrayList<>();
        synchronized (this) {
            waiting.add(new Forgotten(id, segments, items, settled, System.nanoTime() + grace.toNanos()));
            waitingItems += items;
            while (waitingItems > maxWaitingItems && !waiting.isEmpty()) {
                due.add(poll());
            }
        }
        remove(due);
        try {
            scheduler.schedule(this::removeDue, grace.toNanos(), TimeUnit.NANOSECONDS); // holds nothing of the job
        } catch (RejectedExecutionException stopping) {
            // the process is stopping: the next start removes numbers whose record is gone
        }
    }

    /**
     * Removes the numbers whose job has no record among {@code recorded}: a crash inside the grace leaves them. Only on
     * a store of its own: in a cluster another member writes a new job's numbers before its record.
     */
    long removeWithoutRecord(Set<String> recorded) {
        if (store.clustered()) {
            return 0;
        }
        return OrphanSweep.removeChunks(List.of(store.inputs(), store.results()), job -> !recorded.contains(job));
    }

    /** How many items wait for their readers. */
    synchronized long waitingItems() {
        return waitingItems;
    }

    private void removeDue() {
        long now = System.nanoTime();
        List<Forgotten> due = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty() && waiting.peek().dueNanos() - now <= 0) {
                due.add(poll());
            }
        }
        remove(due);
    }

    private Forgotten poll() {
        Forgotten next = waiting.poll();
        waitingItems -= next.items();
        return next;
    }

    private void remove(List<Forgotten> due) {
        for (Forgotten job : due) {
            job.settled().whenComplete((written, failed) -> {
                try {
                    writer.execute(() -> removeNow(job));
                } catch (RejectedExecutionException stopping) {
                    // the process is stopping: the next start removes numbers whose record is gone
                }
            });
        }
    }

    private void removeNow(Forgotten job) {
        for (int segment = 0; segment < job.segments(); segment++) {
            ChunkKey key = new ChunkKey(job.id(), segment);
            Store.blind(store.inputs()).removeAsync(key);
            Store.blind(store.results()).removeAsync(key);
            store.claims().removeAsync(key);
        }
    }
}
