package io.poolmap.actuator;

import java.util.BitSet;
import java.util.List;

import io.poolmap.worker.WorkerStatistics;
import io.poolmap.worker.WorkerStatus;

/**
 * Every worker's status read once per scrape and shared by the scrape's 3 × N meters (as JobRunr's metrics binder
 * caches its snapshot), instead of once per meter. A scrape asks each meter once, so a meter asked a second time
 * means a new scrape: the workers are read again then, and never served stale to a later one.
 */
final class WorkerSnapshot {

    private final WorkerStatistics statistics;
    private final BitSet served = new BitSet();
    private List<WorkerStatus> workers;

    WorkerSnapshot(WorkerStatistics statistics) {
        this.statistics = statistics;
    }

    /** Worker {@code index} for meter {@code meter} (0, 1, 2 …) of this scrape. */
    synchronized WorkerStatus worker(int meter, int index) {
        int key = meter * statistics.size() + index;
        if (workers == null || served.get(key)) {
            workers = statistics.workers();
            served.clear();
        }
        served.set(key);
        return workers.get(index);
    }
}
