package io.poolmap.store;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * The key of one chunk of a job in the {@code inputs}, {@code results} and {@code claims} caches: a small record, so
 * that the three caches address a chunk the same way on every member.
 *
 * @param jobId the job's id
 * @param chunkIndex the chunk's position in the job's plan, from 0
 */
@Proto
public record ChunkKey(@ProtoField(1) String jobId, @ProtoField(2) int chunkIndex) {

    @Override
    public String toString() {
        return jobId + ":" + chunkIndex;
    }
}
