package io.poolmap.job;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.poolmap.store.ChunkKey;
import io.poolmap.store.Store;
import org.infinispan.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Removes, in a cluster, the numbers and claims that the store holds for a job without a record: a member that
 * crashed while a forgotten job's numbers waited for their readers, a job whose sharing failed after its inputs were
 * written, a segment stored by a member as its job was forgotten. A standalone store removes those at its next start
 * ({@link JobRestore}); a cluster's store outlives every member, so without this its disk would keep them for ever.
 *
 * <p>Every {@link #INTERVAL} the coordinator alone lists the job ids of the stored chunks and claims and the records,
 * and removes the chunks of a job that had no record on its previous pass either: a job being kept or shared has its
 * numbers written just before its record, seconds apart, never an interval.
 */
@Component
class OrphanSweep implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    private final Store store;
    private final Duration interval;
    // guarded by this
    private Set<String> withoutRecordBefore = Set.of();
    // guarded by lifecycle, apart from a pass under way, so that a stop never waits for one
    private final Object lifecycle = new Object();
    private ScheduledExecutorService thread;

    @Autowired
    OrphanSweep(Store store) {
        this(store, INTERVAL);
    }

    OrphanSweep(Store store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    /**
     * One pass: removes the chunks and claims of the jobs that have no record now and had none on the previous pass;
     * returns how many entries it removed. On a member that is not the coordinator it does nothing.
     */
    synchronized long sweep() {
        if (!store.members().getFirst().equals(store.member())) {
            withoutRecordBefore = Set.of(); // a member that becomes coordinator starts afresh
            return 0;
        }
        List<Cache<ChunkKey, ?>> caches = List.of(store.inputs(), store.results(), store.claims());
        Set<String> chunkJobs = new HashSet<>();
        for (Cache<ChunkKey, ?> cache : caches) {
            try (Stream<ChunkKey> keys = cache.keySet().stream()) {
                keys.forEach(key -> chunkJobs.add(key.jobId()));
            }
        }
        chunkJobs.removeAll(Set.copyOf(store.jobs().keySet())); // read after the chunks: a record written between counts
        Set<String> orphans = new HashSet<>(chunkJobs);
        orphans.retainAll(withoutRecordBefore);
        chunkJobs.removeAll(orphans);
        withoutRecordBefore = chunkJobs;
        return removeChunks(caches, orphans::contains);
    }

    /** Removes from {@code caches} every entry of a job that {@code ofJob} accepts; returns how many it removed. */
    static long removeChunks(List<? extends Cache<ChunkKey, ?>> caches, Predicate<String> ofJob) {
        long removed = 0;
        for (Cache<ChunkKey, ?> cache : caches) {
            List<ChunkKey> keys;
            try (Stream<ChunkKey> all = cache.keySet().stream()) {
                keys = all.filter(key -> ofJob.test(key.jobId())).toList();
            }
            keys.forEach(Store.blind(cache)::remove);
            removed += keys.size();
        }
        return removed;
    }

    private void sweepAndSay() {
        try {
            long removed = sweep();
            if (removed > 0) {
                log.info("removed {} stored chunks and claims of jobs that have no record", removed);
            }
        } catch (RuntimeException failed) { // the next pass tries again; a scheduled task that throws never runs again
            log.warn("the sweep of stored chunks without a record failed", failed);
        }
    }

    /**
     * Only in a cluster (a standalone store removes them at its next start), on a thread of its own: a pass streams
     * every stored key, which must not delay the job timer's timeouts.
     */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (store.clustered() && thread == null) {
                thread = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("poolmap-orphan-sweep").factory());
                long millis = interval.toMillis();
                thread.scheduleWithFixedDelay(this::sweepAndSay, millis, millis, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (thread != null) {
                thread.shutdownNow();
                thread = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return thread != null;
        }
    }
}
