package io.poolmap.job;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * The single-process {@link JobStore}: jobs by id, an index by submission order for listing, and the finished jobs
 * in the order they finished, for retention. In a cluster it also holds the jobs of the other members that this one
 * follows, whose sequence numbers may meet this member's, so the index orders by sequence, then id.
 *
 * <p>The index and the finished order are a {@link TreeMap} and an {@link ArrayDeque} under one lock, not concurrent
 * linked structures: a node removed from a {@code ConcurrentSkipListMap} or a {@code ConcurrentLinkedQueue} keeps
 * pointing at its successor, so once one of them is in the old generation every node removed after it (with its key)
 * stays reachable to young collections until the next concurrent cycle. Under a stream of tiny jobs that chain was
 * copied at every young pause (50 MB and growing, pauses of 60 ms, after a few big jobs had grown the heap); a tree
 * entry is unlinked whole and an array slot is cleared.
 */
@Component
class InMemoryJobStore implements JobStore {

    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Position, Job> bySequence = new TreeMap<>();
    private final ArrayDeque<Job> finishedOrder = new ArrayDeque<>();
    private final AtomicInteger finishedJobs = new AtomicInteger();
    private final AtomicLong finishedItems = new AtomicLong();

    @Override
    public void save(Job job) {
        byId.put(job.id(), job);
        lock.lock();
        try {
            bySequence.put(Position.of(job), job);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Job> list(JobStatus status, int offset, int limit) {
        List<Job> page = new ArrayList<>(Math.min(limit, 1000));
        long skipped = 0;
        lock.lock();
        try {
            for (Job job : bySequence.descendingMap().values()) {
                if (status != null && job.status() != status) {
                    continue;
                }
                if (skipped++ < offset) {
                    continue;
                }
                if (page.size() == limit) {
                    break;
                }
                page.add(job);
            }
        } finally {
            lock.unlock();
        }
        return page;
    }

    @Override
    public long count(JobStatus status) {
        if (status == null) {
            return byId.size();
        }
        lock.lock();
        try {
            return bySequence.values().stream().filter(job -> job.status() == status).count();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Job> unfinished() {
        lock.lock();
        try {
            return bySequence.values().stream().filter(job -> !job.status().isTerminal()).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void finished(Job job) {
        lock.lock();
        try {
            if (byId.get(job.id()) == job) {
                finishedItems.addAndGet(job.size());
                finishedJobs.incrementAndGet();
                finishedOrder.add(job);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int finishedJobs() {
        return finishedJobs.get();
    }

    @Override
    public long finishedItems() {
        return finishedItems.get();
    }

    @Override
    public Optional<Job> evictOldestFinished() {
        lock.lock();
        try {
            Job oldest = finishedOrder.poll();
            if (oldest != null) {
                removeFinished(oldest);
            }
            return Optional.ofNullable(oldest);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Job> evictFinishedBefore(Instant endedBefore) {
        List<Job> evicted = new ArrayList<>();
        lock.lock();
        try {
            for (Job oldest = finishedOrder.peek(); oldest != null && oldest.finishedAt().isBefore(endedBefore);
                    oldest = finishedOrder.peek()) {
                finishedOrder.poll();
                removeFinished(oldest);
                evicted.add(oldest);
            }
        } finally {
            lock.unlock();
        }
        return evicted;
    }

    @Override
    public Optional<Job> forget(String id) {
        Job job = byId.get(id);
        if (job == null) {
            return Optional.empty();
        }
        lock.lock();
        try {
            if (finishedOrder.removeFirstOccurrence(job)) {
                removeFinished(job);
            } else if (byId.remove(id, job)) {
                bySequence.remove(Position.of(job));
            }
        } finally {
            lock.unlock();
        }
        return Optional.of(job);
    }

    /** Removes a job that was counted as finished; the caller holds the lock. */
    private void removeFinished(Job job) {
        if (byId.remove(job.id(), job)) {
            bySequence.remove(Position.of(job));
            finishedItems.addAndGet(-job.size());
            finishedJobs.decrementAndGet();
        }
    }

    /** Where a job stands in the index: by sequence, and by id between jobs of equal sequence from different members. */
    private record Position(long sequence, String id) implements Comparable<Position> {

        static Position of(Job job) {
            return new Position(job.sequence(), job.id());
        }

        @Override
        public int compareTo(Position other) {
            int bySequence = Long.compare(sequence, other.sequence);
            return bySequence != 0 ? bySequence : id.compareTo(other.id);
        }
    }
}
