package io.poolmap.actuator;

import java.util.List;
import java.util.Map;

import io.poolmap.worker.WorkerStatistics;
import io.poolmap.worker.WorkerStatus;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code /actuator/workers}: what every worker is doing and how busy it has been over 1, 5 and 15 minutes. */
@Component
@Endpoint(id = "workers")
class WorkersEndpoint {

    private final WorkerStatistics statistics;

    WorkersEndpoint(WorkerStatistics statistics) {
        this.statistics = statistics;
    }

    @ReadOperation
    WorkersReport workers() {
        List<WorkerReport> workers = statistics.workers().stream().map(WorkerReport::of).toList();
        return new WorkersReport(workers.size(), workers);
    }

    /**
     * The pool and its workers.
     *
     * @param poolSize the number of workers
     * @param workers each worker, in name order
     */
    record WorkersReport(int poolSize, List<WorkerReport> workers) implements OperationResponseBody {
    }

    /**
     * One worker.
     *
     * @param name {@code worker-1} … {@code worker-N}
     * @param state {@code BUSY} while computing (a chunk, or a tiny job on a request's thread), else {@code IDLE}
     * @param currentJob the id of the job it works for, or {@code null}
     * @param chunksCompleted chunks finished since start-up
     * @param itemsCompleted items computed since start-up
     * @param busySeconds time spent computing, including the running chunk
     * @param utilization fraction 0…1 of wall-clock time spent busy over the last {@code 1m}, {@code 5m}, {@code 15m}
     */
    record WorkerReport(String name, String state, String currentJob, long chunksCompleted, long itemsCompleted,
            double busySeconds, Map<String, Double> utilization) {

        static WorkerReport of(WorkerStatus status) {
            return new WorkerReport(status.name(), status.busy() ? "BUSY" : "IDLE", status.currentJob(), status.chunksCompleted(),
                    status.itemsCompleted(), status.busySeconds(),
                    Map.of("1m", status.utilization1m(), "5m", status.utilization5m(), "15m", status.utilization15m()));
        }
    }
}
