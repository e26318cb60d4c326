package io.poolmap.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.springframework.stereotype.Component;

/** The single-process {@link JobStore}: jobs by id, plus an index by submission order for listing and eviction. */
@Component
class InMemoryJobStore implements JobStore {

    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Job> bySequence = new ConcurrentSkipListMap<>();

    @Override
    public void save(Job job) {
        byId.put(job.id(), job);
        bySequence.put(job.sequence(), job);
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
    public synchronized void evict(Instant endedBefore, int keepAtMost) {
        List<Job> finished = new ArrayList<>();
        for (Job job : bySequence.values()) {
            if (job.status().isTerminal()) {
                finished.add(job);
            }
        }
        finished.sort((a, b) -> a.finishedAt().compareTo(b.finishedAt()));
        int excess = finished.size() - keepAtMost;
        for (Job job : finished) {
            if (excess > 0 || job.finishedAt().isBefore(endedBefore)) {
                remove(job);
                excess--;
            }
        }
    }

    private void remove(Job job) {
        byId.remove(job.id());
        bySequence.remove(job.sequence());
    }
}
