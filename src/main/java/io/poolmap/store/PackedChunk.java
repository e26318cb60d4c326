package io.poolmap.store;

import java.util.Arrays;

import io.poolmap.operation.Numbers;
import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * One chunk of a job's inputs or results as the store keeps it: the bytes of {@link PackedNumbers} in a record, so
 * that the cache value has a type of its own (a bare array would be a value the marshaller guesses at).
 *
 * @param bytes the packed items; not copied, so callers must not change them
 */
@Proto
public record PackedChunk(@ProtoField(1) byte[] bytes) {

    /** Items {@code [from, to)} of {@code numbers}, packed. */
    public static PackedChunk of(Numbers numbers, int from, int to) {
        return new PackedChunk(PackedNumbers.pack(numbers, from, to));
    }

    /** How many items the chunk holds. */
    public int size() {
        return PackedNumbers.count(bytes);
    }

    /** Hands items {@code [from, to)} (positions in the chunk) to {@code sink} without decoding the others. */
    public void read(int from, int to, ItemSink sink) {
        PackedNumbers.read(bytes, from, to, sink);
    }

    /** Writes the chunk's items into {@code target} from index {@code offset} on. */
    public void unpackInto(Numbers target, int offset) {
        PackedNumbers.unpackInto(bytes, target, offset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackedChunk chunk && Arrays.equals(bytes, chunk.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PackedChunk[" + bytes.length + " bytes]";
    }
}
