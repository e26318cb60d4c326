package io.poolmap.store;

import java.util.List;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * What one member last reported of its workers, in the replicated {@code members} cache, so that any member can show
 * every member's workers without calling the others; a report is replaced every few seconds and expires when its
 * member stops reporting.
 *
 * @param member the member's name
 * @param reportedAt when it was read, in epoch milliseconds
 * @param workers each worker as it was then, in name order
 */
@Proto
public record MemberWorkers(@ProtoField(1) String member, @ProtoField(2) long reportedAt,
        @ProtoField(3) List<WorkerReading> workers) {

    public MemberWorkers {
        workers = workers == null ? List.of() : List.copyOf(workers);
    }

    /**
     * One worker as its member read it.
     *
     * @param name {@code member/worker-k}
     * @param busy whether it was computing
     * @param currentJob the job it computed for, or null
     * @param chunksCompleted chunks finished since its member started
     * @param itemsCompleted items computed since its member started
     * @param busySeconds time spent computing
     * @param utilization1m fraction 0…1 of the last minute spent busy
     * @param utilization5m the same over five minutes
     * @param utilization15m the same over fifteen minutes
     */
    @Proto
    public record WorkerReading(@ProtoField(1) String name, @ProtoField(2) boolean busy, @ProtoField(3) String currentJob,
            @ProtoField(4) long chunksCompleted, @ProtoField(5) long itemsCompleted, @ProtoField(6) double busySeconds,
            @ProtoField(7) double utilization1m, @ProtoField(8) double utilization5m, @ProtoField(9) double utilization15m) {
    }
}
