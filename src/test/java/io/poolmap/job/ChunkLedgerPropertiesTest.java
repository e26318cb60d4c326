package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the batch size, the first and largest chunk sizes, the declared cost and the times measured, the chunks
 * handed out cover every item exactly once, in order, each between 1 and the largest size; closing early gives back
 * exactly the items never handed out.
 */
class ChunkLedgerPropertiesTest {

    @Property(tries = 500)
    void chunksTileTheBatchInOrderWithinTheLargestSize(@ForAll @IntRange(min = 1, max = 100_000) int size,
            @ForAll @IntRange(min = 1, max = 5_000) int firstChunkSize, @ForAll @IntRange(min = 1, max = 50_000) int maxChunkSize,
            @ForAll @LongRange(min = 0, max = 10_000_000) long declaredCostNanos,
            @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 100_000_000) Long> measuredNanos) {
        int largest = Math.min(maxChunkSize, size);
        ChunkLedger ledger = new ChunkLedger(size, Math.min(firstChunkSize, largest), largest, ChunkSizing.strideFor(declaredCostNanos));

        int next = 0;
        int chunks = 0;
        for (int index = ledger.claim(); index >= 0; index = ledger.claim()) {
            ChunkLedger.Chunk chunk = ledger.get(index);
            assertThat(chunk.from).as("chunk %d starts where the last ended", index).isEqualTo(next);
            assertThat(chunk.to - chunk.from).as("chunk %d's size", index).isBetween(1, largest);
            next = chunk.to;
            ledger.measured(chunk.to - chunk.from, measuredNanos.isEmpty() ? 0 : measuredNanos.get(chunks % measuredNanos.size()));
            chunks++;
        }
        assertThat(next).as("every item handed out").isEqualTo(size);
        assertThat(ledger.hasUnclaimed()).isFalse();
        assertThat(ledger.close()).isZero();
    }

    @Property(tries = 300)
    void closingEarlyGivesBackExactlyTheItemsNeverHandedOut(@ForAll @IntRange(min = 1, max = 10_000) int size,
            @ForAll @IntRange(min = 1, max = 500) int chunkSize, @ForAll @IntRange(min = 0, max = 100) int claims) {
        ChunkLedger ledger = new ChunkLedger(size, Math.min(chunkSize, size), Math.min(chunkSize, size), 1);
        int handedOut = 0;
        for (int i = 0; i < claims; i++) {
            int index = ledger.claim();
            if (index < 0) {
                break;
            }
            handedOut = ledger.get(index).to;
        }

        assertThat(ledger.close()).isEqualTo(size - handedOut);
        assertThat(ledger.claim()).as("nothing after close").isEqualTo(-1);
    }
}
