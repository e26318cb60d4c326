package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.Test;

/** The chunks a job has handed out, who computed them, how far each got, and the size of the next one. */
class ChunkLedgerTest {

    @Test
    void chunksAreHandedOutInItemOrderUntilNoneIsLeft() {
        ChunkLedger ledger = new ChunkLedger(10, 4, 4, 1);

        assertThat(ledger.claim()).isZero();
        assertThat(ledger.claim()).isEqualTo(1);
        assertThat(ledger.claim()).isEqualTo(2);
        assertThat(ledger.get(2).from).isEqualTo(8);
        assertThat(ledger.get(2).to).isEqualTo(10);
        assertThat(ledger.hasUnclaimed()).isFalse();
        assertThat(ledger.claim()).isEqualTo(-1);
    }

    @Test
    void aTwoLaneJobsChunksShrinkTowardsTheEndSoThatItsLanesFinishTogether() {
        ChunkLedger ledger = new ChunkLedger(Segments.of(1000), 100, 100, 10, 2);

        List<Integer> sizes = new ArrayList<>();
        for (int chunk = ledger.claim(); chunk >= 0; chunk = ledger.claim()) {
            sizes.add(ledger.get(chunk).to - ledger.get(chunk).from);
        }

        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        assertThat(sizes.subList(0, 7)).containsOnly(100);
        assertThat(sizes.subList(7, sizes.size())).isSortedAccordingTo(Comparator.reverseOrder())
                .allSatisfy(size -> assertThat(size).isLessThan(100))
                .startsWith(75).endsWith(10, 10, 10, 9);
    }

    @Test
    void aOneLaneJobsLastChunksStayWhole() {
        ChunkLedger ledger = new ChunkLedger(Segments.of(1000), 100, 100, 10, 1);

        int chunks = 0;
        for (int chunk = ledger.claim(); chunk >= 0; chunk = ledger.claim()) {
            assertThat(ledger.get(chunk).to - ledger.get(chunk).from).isEqualTo(100);
            chunks++;
        }

        assertThat(chunks).isEqualTo(10);
    }

    @Test
    void theMeasuredCostSizesTheNextChunkToAboutTwoMilliseconds() {
        ChunkLedger ledger = new ChunkLedger(1_000_000, 64, 100_000, 1);
        ledger.claim();

        ledger.measured(64, 64 * TimeUnit.MICROSECONDS.toNanos(100));

        assertThat(ledger.chunkSize()).isEqualTo(20);
        assertThat(ledger.stride()).isEqualTo(1);
    }

    @Test
    void cheapItemsGrowChunksOnlyUpToTheMaximum() {
        ChunkLedger ledger = new ChunkLedger(1_000_000, 64, 5_000, 1000);

        ledger.measured(64, 64);

        assertThat(ledger.chunkSize()).isEqualTo(5_000);
        assertThat(ledger.stride()).isEqualTo(4096);
    }

    @Test
    void closingHandsOutNothingMoreAndCountsWhatWasNeverHandedOut() {
        ChunkLedger ledger = new ChunkLedger(10, 3, 3, 1);
        ledger.claim();

        assertThat(ledger.close()).isEqualTo(7);
        assertThat(ledger.claim()).isEqualTo(-1);
        assertThat(ledger.close()).isZero();
    }

    @Test
    void itemsShowResultsAndWorkersOnlyWhereComputed() {
        ChunkLedger ledger = new ChunkLedger(4, 2, 2, 1);
        Numbers input = Numbers.ofLongs(1, 2, 3, 4);
        Numbers results = Numbers.forResults(4);
        ChunkLedger.Chunk first = ledger.get(ledger.claim());
        ledger.get(ledger.claim()).worker = "worker-2";
        first.worker = "worker-10";
        results.setLong(0, 10);
        results.setLong(1, 20);
        first.done = 2;

        assertThat(ledger.items(1, 2, input, results)).containsExactly(
                new JobItem(1, 2L, 20L, "worker-10"), new JobItem(2, 3L, null, null));
        assertThat(ledger.itemsByWorker()).containsExactly(java.util.Map.entry("worker-10", 2L));
    }

    @Test
    void workersAreListedInNumberOrder() {
        ChunkLedger ledger = new ChunkLedger(3, 1, 1, 1);
        String[] workers = {"worker-10", "worker-2", "worker-1"};
        for (String worker : workers) {
            ChunkLedger.Chunk chunk = ledger.get(ledger.claim());
            chunk.worker = worker;
            chunk.done = 1;
        }

        assertThat(ledger.itemsByWorker().keySet()).containsExactly("worker-1", "worker-2", "worker-10");
    }

    @Test
    void aClosedLedgerShowsWhatWasDoneWhenItClosedWhateverIsPublishedAfter() {
        ChunkLedger ledger = new ChunkLedger(4, 2, 2, 1);
        Numbers input = Numbers.ofLongs(1, 2, 3, 4);
        Numbers results = Numbers.forResults(4);
        ChunkLedger.Chunk chunk = ledger.get(ledger.claim());
        chunk.worker = "worker-1";
        results.setLong(0, 10);
        ledger.publish(chunk, 1);

        ledger.close();
        results.setLong(1, 20);
        ledger.publish(chunk, 2);

        assertThat(ledger.completed()).isEqualTo(1);
        assertThat(ledger.itemsByWorker()).containsExactly(java.util.Map.entry("worker-1", 1L));
        assertThat(ledger.items(0, 2, input, results)).containsExactly(
                new JobItem(0, 1L, 10L, "worker-1"), new JobItem(1, 2L, null, null));
    }

    @Test
    void progressShowsEachChunkFromTheCursorWithItsComputedItemsAndFreezesWhenClosed() {
        ChunkLedger ledger = new ChunkLedger(10, 4, 4, 1);
        ChunkLedger.Chunk first = ledger.get(ledger.claim());
        ChunkLedger.Chunk second = ledger.get(ledger.claim());
        ledger.publish(second, 8);
        ledger.publish(first, 1);

        assertThat(ledger.progress(0, 10)).containsExactly(new ChunkProgress(0, 0, 4, 1), new ChunkProgress(1, 4, 8, 4));
        assertThat(ledger.progress(1, 1)).singleElement().satisfies(chunk -> {
            assertThat(chunk.complete()).isTrue();
            assertThat(chunk.computedTo()).isEqualTo(8);
        });
        assertThat(ledger.progress(2, 10)).as("the third chunk is not handed out yet").isEmpty();

        ledger.close();
        ledger.publish(first, 3);

        assertThat(ledger.progress(0, 10)).containsExactly(new ChunkProgress(0, 0, 4, 1), new ChunkProgress(1, 4, 8, 4));
    }
}
