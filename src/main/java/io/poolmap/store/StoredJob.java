package io.poolmap.store;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * A job as the {@code jobs} cache keeps it: one small record per job (its request, plan, status, progress and
 * timestamps), never its numbers, which live per chunk in {@code inputs} and {@code results}; a draft for the job
 * engine to adjust. Field numbers are the stored format: add fields with new numbers, never renumber.
 *
 * @param id the job's id
 * @param sequence the order of submission across the cluster, for "newest first" and fair turns
 * @param operation the operation's name, or null for an expression
 * @param expression the expression's text, or null for an operation
 * @param size the number of items
 * @param parallelism the effective parallelism
 * @param chunkSize the largest chunk
 * @param timeoutMs the job's timeout in milliseconds
 * @param status the job's status (a {@code JobStatus} name)
 * @param submittedAt when it was accepted, in epoch milliseconds
 * @param startedAt when its first chunk started, in epoch milliseconds, or null
 * @param finishedAt when it reached a final status, in epoch milliseconds, or null while it runs
 * @param error why it failed, or null
 * @param completed the items computed so far
 * @param owner the member that accepted it
 * @param itemsByWorker items computed per worker name ({@code member/worker-k})
 * @param idempotencyKey the {@code Idempotency-Key} the job was submitted with, or null; forgotten with the job
 * @param firstChunkSize the size of the job's first chunk, as planned
 * @param execution where the job's chunks run (a {@code JobPlan.Execution} name)
 * @param doneSegments in a cluster, the segments whose results are stored, as the words of a {@link BitSet}; the
 *        member that stores a segment sets its bit in the same atomic replace that adds its items to
 *        {@code completed}, so that a segment counts once and the last one ends the job; empty on a single node
 */
@Proto
public record StoredJob(
        @ProtoField(1) String id,
        @ProtoField(2) long sequence,
        @ProtoField(3) String operation,
        @ProtoField(4) String expression,
        @ProtoField(5) int size,
        @ProtoField(6) int parallelism,
        @ProtoField(7) int chunkSize,
        @ProtoField(8) long timeoutMs,
        @ProtoField(9) String status,
        @ProtoField(10) long submittedAt,
        @ProtoField(11) Long startedAt,
        @ProtoField(12) Long finishedAt,
        @ProtoField(13) StoredError error,
        @ProtoField(14) long completed,
        @ProtoField(15) String owner,
        @ProtoField(16) Map<String, Long> itemsByWorker,
        @ProtoField(17) String idempotencyKey,
        @ProtoField(18) int firstChunkSize,
        @ProtoField(19) String execution,
        @ProtoField(20) List<Long> doneSegments) {

    public StoredJob {
        itemsByWorker = itemsByWorker == null ? Map.of() : Map.copyOf(itemsByWorker);
        doneSegments = doneSegments == null ? List.of() : List.copyOf(doneSegments);
    }

    /** The segments whose results are stored, as {@link #doneSegments()} says. */
    public BitSet done() {
        return BitSet.valueOf(doneSegments.stream().mapToLong(Long::longValue).toArray());
    }

    /** True once the job has reached a final status: its record no longer changes. */
    public boolean finished() {
        return finishedAt != null;
    }
}
