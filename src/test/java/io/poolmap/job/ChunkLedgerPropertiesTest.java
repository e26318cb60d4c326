package io.poolmap.job;

import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.ints;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import io.poolmap.testing.Generator;
import org.junit.jupiter.api.Test;

/**
 * Whatever the batch size, the first and largest chunk sizes, the declared cost and the times measured, the chunks
 * handed out cover every item exactly once, in order, each between 1 and the largest size; closing early gives back
 * exactly the items never handed out.
 */
class ChunkLedgerPropertiesTest {

    private record Batch(int size, int firstChunkSize, int maxChunkSize, long declaredCostNanos, List<Long> measuredNanos) {
    }

    private record EarlyClose(int size, int chunkSize, int claims) {
    }

    @Test
    void chunksTileTheBatchInOrderWithinTheLargestSize() {
        Generator<Batch> batches = random -> new Batch(ints(1, 100_000).next(random), ints(1, 5_000).next(random),
                ints(1, 50_000).next(random), longs(0, 10_000_000).next(random),
                longs(0, 100_000_000).lists(0, 50).next(random));
        forAll(500, batches, batch -> tilesInOrder(batch.size(), batch.firstChunkSize(), batch.maxChunkSize(),
                batch.declaredCostNanos(), batch.measuredNanos()));
    }

    private static void tilesInOrder(int size, int firstChunkSize, int maxChunkSize, long declaredCostNanos,
            List<Long> measuredNanos) {
        int largest = Math.min(maxChunkSize, size);
        ChunkLedger ledger = new ChunkLedger(size, Math.min(firstChunkSize, largest), largest, ChunkSizing.strideFor(declaredCostNanos));

        int next = 0;
        int chunks = 0;
        for (int index = ledger.claim(); index >= 0; index = ledger.claim()) {
            ChunkLedger.Chunk chunk = ledger.get(index);
            // a plain comparison, not an assertion per chunk: a try can hand out 100 000 chunks of one item
            if (chunk.from != next || chunk.to - chunk.from < 1 || chunk.to - chunk.from > largest) {
                fail("chunk %d is [%d, %d): it should start where the last ended, at %d, and hold 1 to %d items", index,
                        chunk.from, chunk.to, next, largest);
            }
            next = chunk.to;
            ledger.measured(chunk.to - chunk.from, measuredNanos.isEmpty() ? 0 : measuredNanos.get(chunks % measuredNanos.size()));
            chunks++;
        }
        assertThat(next).as("every item handed out").isEqualTo(size);
        assertThat(ledger.hasUnclaimed()).isFalse();
        assertThat(ledger.close()).isZero();
    }

    @Test
    void closingEarlyGivesBackExactlyTheItemsNeverHandedOut() {
        Generator<EarlyClose> closes = random -> new EarlyClose(ints(1, 10_000).next(random), ints(1, 500).next(random),
                ints(0, 100).next(random));
        forAll(300, closes, close -> givesBackTheRest(close.size(), close.chunkSize(), close.claims()));
    }

    private static void givesBackTheRest(int size, int chunkSize, int claims) {
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
