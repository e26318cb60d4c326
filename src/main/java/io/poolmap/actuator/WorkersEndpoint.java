package io.poolmap.actuator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.store.MemberWorkers;
import io.poolmap.worker.WorkerStatistics;
import io.poolmap.worker.WorkerStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/workers}: what every worker of this member is doing and how busy it has been over 1, 5 and 15
 * minutes; with {@code ?scope=cluster}, the workers of every member of the cluster, each member's as it last reported
 * them ({@link ClusterWorkerReports}) and this member's as they are now. A single node is a cluster of one.
 */
@Component
@Endpoint(id = "workers")
class WorkersEndpoint {

    private final WorkerStatistics statistics;
    private final String member;
    private final ObjectProvider<ClusterWorkerReports> cluster;

    WorkersEndpoint(WorkerStatistics statistics, ClusterProperties properties, ObjectProvider<ClusterWorkerReports> cluster) {
        this.statistics = statistics;
        this.member = properties.effectiveMemberName();
        this.cluster = cluster;
    }

    /** This member's workers. */
    WorkersReport workers() {
        List<WorkerReport> workers = statistics.workers().stream().map(WorkerReport::of).toList();
        return new WorkersReport(workers.size(), workers);
    }

    /** This member's workers, or with {@code scope=cluster} every member's. */
    @ReadOperation
    OperationResponseBody workers(@Nullable String scope) {
        if (scope == null || scope.equals("member")) {
            return workers();
        }
        if (!scope.equals("cluster")) {
            throw new InvalidEndpointRequestException("scope must be member or cluster, not '" + scope + "'", "Invalid scope");
        }
        List<MemberReport> members = new ArrayList<>();
        members.add(new MemberReport(member, true, Instant.now(), workers().workers()));
        ClusterWorkerReports reports = cluster.getIfAvailable();
        if (reports != null) {
            reports.others().forEach(other -> members.add(MemberReport.of(other)));
        }
        return new ClusterReport(members.stream().mapToInt(report -> report.workers().size()).sum(), members);
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
     * Every member's workers.
     *
     * @param poolSize the number of workers of all members together
     * @param members each member in the cluster's view: this one first, then the others, the coordinator first
     */
    record ClusterReport(int poolSize, List<MemberReport> members) implements OperationResponseBody {
    }

    /**
     * One member's workers.
     *
     * @param member the member's name
     * @param self whether it is the member that answers
     * @param reportedAt when its workers were read
     * @param workers each worker, in name order ({@code member/worker-k})
     */
    record MemberReport(String member, boolean self, Instant reportedAt, List<WorkerReport> workers) {

        static MemberReport of(MemberWorkers report) {
            return new MemberReport(report.member(), false, Instant.ofEpochMilli(report.reportedAt()),
                    report.workers().stream().map(WorkerReport::of).toList());
        }
    }

    /**
     * One worker.
     *
     * @param name {@code worker-1} … {@code worker-N}; {@code member/worker-k} in a cluster
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

        static WorkerReport of(MemberWorkers.WorkerReading reading) {
            return new WorkerReport(reading.name(), reading.busy() ? "BUSY" : "IDLE", reading.currentJob(), reading.chunksCompleted(),
                    reading.itemsCompleted(), reading.busySeconds(),
                    Map.of("1m", reading.utilization1m(), "5m", reading.utilization5m(), "15m", reading.utilization15m()));
        }
    }
}
