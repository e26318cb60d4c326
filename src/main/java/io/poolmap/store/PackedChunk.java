package io.poolmap.store;

import java.util.Arrays;
import java.util.List;

import io.poolmap.operation.NumberSink;
import io.poolmap.operation.Numbers;
import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * One chunk of a job's inputs or results as the store keeps it: the bytes of {@link PackedNumbers} in a record, so
 * that the cache value has a type of its own (a bare array would be a value the marshaller guesses at), and, for
 * results, which workers computed its items, so that any member names the worker of every item.
 *
 * @param bytes the packed items; not copied, so callers must not change them
 * @param workers for results, the worker of each run of items, in order; empty for inputs
 * @param runEnds for results, where each worker's run ends (exclusive, a position in the chunk); empty for inputs
 */
@Proto
public record PackedChunk(@ProtoField(1) byte[] bytes, @ProtoField(2) List<String> workers,
        @ProtoField(3) List<Integer> runEnds) {

    public PackedChunk {
        workers = workers == null ? List.of() : List.copyOf(workers);
        runEnds = runEnds == null ? List.of() : List.copyOf(runEnds);
    }

    public PackedChunk(byte[] bytes) {
        this(bytes, List.of(), List.of());
    }

    /** Items {@code [from, to)} of {@code numbers}, packed. */
    public static PackedChunk of(Numbers numbers, int from, int to) {
        return new PackedChunk(PackedNumbers.pack(numbers, from, to));
    }

    /** Results {@code [from, to)} of {@code numbers}, packed, with the runs of the workers that computed them. */
    public static PackedChunk of(Numbers numbers, int from, int to, List<String> workers, List<Integer> runEnds) {
        return new PackedChunk(PackedNumbers.pack(numbers, from, to), workers, runEnds);
    }

    /** How many items the chunk holds. */
    public int size() {
        return PackedNumbers.count(bytes);
    }

    /** Hands items {@code [from, to)} (positions in the chunk) to {@code sink} without decoding the others. */
    public void read(int from, int to, NumberSink sink) {
        PackedNumbers.read(bytes, from, to, sink);
    }

    /** Writes the chunk's items into {@code target} from index {@code offset} on. */
    public void unpackInto(Numbers target, int offset) {
        PackedNumbers.unpackInto(bytes, target, offset);
    }

    /** The worker that computed item {@code index} (a position in the chunk), or null when no runs are recorded. */
    public String workerOf(int index) {
        for (int r = 0; r < runEnds.size(); r++) {
            if (index < runEnds.get(r)) {
                return workers.get(r);
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackedChunk chunk && Arrays.equals(bytes, chunk.bytes) && workers.equals(chunk.workers)
                && runEnds.equals(chunk.runEnds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + workers.hashCode();
    }

    @Override
    public String toString() {
        return "PackedChunk[" + bytes.length + " bytes, " + workers.size() + " runs]";
    }
}
