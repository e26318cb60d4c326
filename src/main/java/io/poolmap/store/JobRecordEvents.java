package io.poolmap.store;

import java.util.function.Consumer;

import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * Tells this member of every write to the {@code jobs} cache, whichever member made it: the cache is replicated, so each
 * member applies every write and this local listener hears it (unlike {@link ActiveJobs}, it needs no state at start:
 * its user reads the records once it listens). Its callbacks must only hand the record on, to a thread that may call
 * the store (which a listener must not), so that the writer is never held up.
 */
@Listener(observation = Listener.Observation.POST)
public final class JobRecordEvents {

    private final Cache<String, StoredJob> jobs;
    private final Consumer<StoredJob> written;
    private final Consumer<String> removed;

    private JobRecordEvents(Cache<String, StoredJob> jobs, Consumer<StoredJob> written, Consumer<String> removed) {
        this.jobs = jobs;
        this.written = written;
        this.removed = removed;
    }

    /** Starts telling {@code written} of each record written and {@code removed} of each id removed. */
    public static JobRecordEvents watch(Cache<String, StoredJob> jobs, Consumer<StoredJob> written, Consumer<String> removed) {
        JobRecordEvents events = new JobRecordEvents(jobs, written, removed);
        jobs.addListener(events);
        return events;
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void written(CacheEntryEvent<String, StoredJob> event) {
        if (event.getValue() != null) {
            written.accept(event.getValue());
        }
    }

    @CacheEntryRemoved
    @CacheEntryExpired
    public void removed(CacheEntryEvent<String, StoredJob> event) {
        removed.accept(event.getKey());
    }

    public void stop() {
        jobs.removeListener(this);
    }
}
