package io.poolmap.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The single-process {@link JobStore}: jobs by id, an index by submission order for listing, and the finished jobs
 * in the order they finished, for retention. In a cluster it also holds the jobs of the other members that this one
 * follows, whose sequence numbers may meet this member's, so the index orders by sequence, then id.
 */
@Component
class InMemoryJobStore implements JobStore {

    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Position, Job> bySequence = new ConcurrentSkipListMap<>();
    private final ConcurrentLinkedQueue<Job> finishedOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finishedJobs = new AtomicInteger();
    private final AtomicLong finishedItems = new AtomicLong();

    @Override
    public void save(Job job) {
        byId.put(job.id(), job);
        bySequence.put(Position.of(job), job);
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Job> list(JobStatus status, int offset, int limit) {
        List<Job> page = new ArrayList<>(Math.min(limit, 1000));
        long skipped = 0;
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
        return page;
    }

    @Override
    public long count(JobStatus status) {
        return status == null ? byId.size() : bySequence.values().stream().filter(job -> job.status() == status).count();
    }

    @Override
    public List<Job> unfinished() {
        return bySequence.values().stream().filter(job -> !job.status().isTerminal()).toList();
    }

    @Override
    public void finished(Job job) {
        if (byId.containsKey(job.id())) {
            finishedItems.addAndGet(job.size());
            finishedJobs.incrementAndGet();
            finishedOrder.add(job);
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
        Job oldest = finishedOrder.poll();
        if (oldest == null) {
            return Optional.empty();
        }
        remove(oldest);
        return Optional.of(oldest);
    }

    @Override
    public List<Job> evictFinishedBefore(Instant endedBefore) {
        List<Job> evicted = new ArrayList<>();
        for (Job oldest = finishedOrder.peek(); oldest != null && oldest.finishedAt().isBefore(endedBefore);
                oldest = finishedOrder.peek()) {
            if (finishedOrder.remove(oldest)) {
                remove(oldest);
                evicted.add(oldest);
            }
        }
        return evicted;
    }

    @Override
    public Optional<Job> forget(String id) {
        Job job = byId.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (finishedOrder.remove(job)) {
            remove(job);
        } else if (byId.remove(id, job)) {
            bySequence.remove(Position.of(job));
        }
        return Optional.of(job);
    }

    private void remove(Job job) {
        if (byId.remove(job.id()) != null) {
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
