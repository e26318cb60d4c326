package io.poolmap.store;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/**
 * The ProtoStream schema of every value the store keeps; the protostream processor generates its implementation
 * ({@code StoreSchemaImpl}) and the marshallers at compile time, so nothing is marshalled by reflection or Java
 * serialization.
 */
@ProtoSchema(
        includeClasses = {ChunkKey.class, PackedChunk.class, Claim.class, IdempotentSubmission.class, StoredError.class, StoredJob.class,
                MemberWorkers.class, MemberWorkers.WorkerReading.class},
        schemaPackageName = "poolmap.store",
        schemaFileName = "poolmap-store.proto",
        schemaFilePath = "proto")
interface StoreSchema extends GeneratedSchema {
}
