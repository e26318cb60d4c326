package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value the store keeps comes back from the marshaller with every field as it went in: a cluster's members and
 * the file store hold only what the generated schema writes. The annotation processor builds a record's marshaller on
 * the constructor it finds declared, so a record with a shorter convenience constructor silently lost the rest.
 */
class StoreSchemaTest {

    private static final SerializationContext CONTEXT = context();

    private static SerializationContext context() {
        SerializationContext context = ProtobufUtil.newSerializationContext();
        new StoreSchemaImpl().register(context);
        return context;
    }

    static List<Object> everyFieldSet() {
        StoredJob job = StoredJobs.finished(StoredJobs.aRunningJob("job-1", 7), "FAILED",
                new StoredError("item-failed", "Item failed", "numbers[1] is bad", 1, "1e300", "ValueError"));
        return List.of(
                new ChunkKey("job-1", 3),
                new PackedChunk(new byte[] {1, 2, 3}, List.of("worker-1", "worker-2"), List.of(2, 3)),
                new Claim("127.0.0.1:7800", 1_700_000_000_000L, "incarnation-1", true),
                new IdempotentSubmission("job-1", "cafe", "127.0.0.1:7800"),
                job,
                new MemberWorkers("127.0.0.1:7800", 1_700_000_000_000L, List.of(new MemberWorkers.WorkerReading("worker-1", true,
                        "job-1", 3, 30_000, 1.5, 0.25, 0.5, 0.75))));
    }

    @ParameterizedTest
    @MethodSource("everyFieldSet")
    void aStoredValueComesBackWhole(Object value) throws IOException {
        Object back = ProtobufUtil.fromWrappedByteArray(CONTEXT, ProtobufUtil.toWrappedByteArray(CONTEXT, value));

        assertThat(back).usingRecursiveComparison().isEqualTo(value);
    }
}
