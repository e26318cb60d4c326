package io.poolmap.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * This member's index of the jobs that are not finished, in submission order, kept by a listener on the {@code jobs}
 * cache: every member sees every job's writes (the cache is replicated), so each can pick chunks to claim without
 * scanning the cache. It starts from the jobs already stored (after a restart, the unfinished ones to resume).
 *
 * <p>A "clustered" listener only because Infinispan honours {@code includeCurrentState} for those alone (it silently
 * ignores it on the others); on the replicated {@code jobs} cache it is still told of every write on this member.
 */
@Listener(clustered = true, includeCurrentState = true, observation = Listener.Observation.POST)
public final class ActiveJobs implements AutoCloseable {

    private static final Comparator<Active> ORDER = Comparator.comparingLong(Active::sequence).thenComparing(Active::id);

    private final Cache<String, StoredJob> jobs;
    private final ConcurrentSkipListSet<Active> ordered = new ConcurrentSkipListSet<>(ORDER);
    private final Map<String, Active> byId = new ConcurrentHashMap<>();

    private ActiveJobs(Cache<String, StoredJob> jobs) {
        this.jobs = jobs;
    }

    /** Starts indexing {@code jobs}; returns once the jobs already stored are in the index. */
    public static ActiveJobs watch(Cache<String, StoredJob> jobs) {
        ActiveJobs index = new ActiveJobs(jobs);
        jobs.addListener(index);
        return index;
    }

    /** The ids of the unfinished jobs, oldest submission first. */
    public List<String> ids() {
        return ordered.stream().map(Active::id).toList();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void written(CacheEntryEvent<String, StoredJob> event) {
        StoredJob job = event.getValue();
        if (job == null || job.finished()) {
            forget(event.getKey());
        } else {
            Active active = new Active(job.sequence(), job.id());
            Active previous = byId.put(job.id(), active);
            ordered.add(active);
            if (previous != null && !previous.equals(active)) {
                ordered.remove(previous);
            }
        }
    }

    @CacheEntryRemoved
    @CacheEntryExpired
    public void removed(CacheEntryEvent<String, StoredJob> event) {
        forget(event.getKey());
    }

    private void forget(String id) {
        Active active = byId.remove(id);
        if (active != null) {
            ordered.remove(active);
        }
    }

    @Override
    public void close() {
        jobs.removeListener(this);
    }

    private record Active(long sequence, String id) {
    }
}
