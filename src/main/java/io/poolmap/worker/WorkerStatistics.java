package io.poolmap.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * What each worker is doing and has done, with its utilisation over 1, 5 and 15 minutes: the read side of the pool,
 * for the actuator and the live page. Each call reads the workers afresh; a reader that asks many times per scrape
 * should take one {@link #workers()} list and use it.
 */
public final class WorkerStatistics {

    private final Worker[] workers;
    private final UtilizationWindows utilization;

    WorkerStatistics(Worker[] workers, UtilizationWindows utilization) {
        this.workers = workers;
        this.utilization = utilization;
    }

    /** The number of CPU workers. */
    public int size() {
        return workers.length;
    }

    /** Every worker, in name order ({@code worker-1} first). */
    public List<WorkerStatus> workers() {
        List<WorkerStatus> result = new ArrayList<>(workers.length);
        for (int w = 0; w < workers.length; w++) {
            result.add(worker(w));
        }
        return result;
    }

    /** Worker {@code index} (0-based: {@code worker-1} is 0). */
    public WorkerStatus worker(int index) {
        Worker worker = workers[index];
        Worker.State state = worker.state();
        double[] windows = utilization.utilization(index);
        return new WorkerStatus(worker.name(), state.busy(), state.currentJob(), state.chunks(),
                state.items(), worker.busyNanos(state) / 1e9, windows[0], windows[1], windows[2]);
    }

    /** How many workers are computing now. */
    public int busyWorkers() {
        int busy = 0;
        for (Worker worker : workers) {
            busy += worker.state().busy() ? 1 : 0;
        }
        return busy;
    }
}
