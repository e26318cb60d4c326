package io.poolmap.job;

import io.poolmap.testing.Generator;
import io.poolmap.testing.Generators;
import org.junit.jupiter.api.Test;

import static io.poolmap.testing.ForAll.forAll;
import static org.assertj.core.api.Assertions.assertThat;

/** The sizing rules of chunks: a probe first, never above Pool.map's rule, about 2 ms of work each. */
class ChunkSizingTest {

    @Test
    void autoChunkSizeExamples() {
        assertThat(ChunkSizing.autoChunkSize(1, 2, 10)).isEqualTo(1);
        assertThat(ChunkSizing.autoChunkSize(8, 2, 10)).isEqualTo(1);
        assertThat(ChunkSizing.autoChunkSize(9, 2, 10)).isEqualTo(2);
        assertThat(ChunkSizing.autoChunkSize(100, 4, 10)).isEqualTo(7);
        assertThat(ChunkSizing.autoChunkSize(1_000_000, 4, 10)).isEqualTo(64);
        assertThat(ChunkSizing.autoChunkSize(1_000_000, 4, 0)).isEqualTo(64);
        assertThat(ChunkSizing.autoChunkSize(1_000_000, 4, 100_000)).isEqualTo(20);
        assertThat(ChunkSizing.autoChunkSize(1_000_000, 4, 10_000_000_000L)).isEqualTo(1);
    }

    @Test
    void measuredChunksRunAboutTwoMillisecondsWithinOneAndTheLargestChunk() {
        assertThat(ChunkSizing.chunkSizeFor(1_000, 10_000)).isEqualTo(2_000);
        assertThat(ChunkSizing.chunkSizeFor(1, 10_000)).isEqualTo(10_000);
        assertThat(ChunkSizing.chunkSizeFor(10_000_000, 10_000)).isEqualTo(1);
        assertThat(ChunkSizing.strideFor(1_000)).isEqualTo(100);
        assertThat(ChunkSizing.strideFor(0.01)).isEqualTo(4096);
        assertThat(ChunkSizing.strideFor(1e9)).isEqualTo(1);
    }

    private record Sizing(int items, int parallelism, long costNanos) {
    }

    @Test
    void autoChunkSizeIsAtLeastOneAndNeverAbovePoolMapsRuleOrTwoMillisecondsOfWork() {
        Generator<Integer> items = Generators.ints(1, 100_000_000);
        Generator<Integer> parallelisms = Generators.ints(1, 4096);
        Generator<Long> costs = Generators.longs(0, 10_000_000_000L);
        forAll(1000, random -> new Sizing(items.next(random), parallelisms.next(random), costs.next(random)),
                sizing -> autoChunkSizeKeepsItsBounds(sizing.items(), sizing.parallelism(), sizing.costNanos()));
    }

    private static void autoChunkSizeKeepsItsBounds(int items, int parallelism, long costNanos) {
        int chunk = ChunkSizing.autoChunkSize(items, parallelism, costNanos);

        long poolMapRule = (items + 4L * parallelism - 1) / (4L * parallelism);
        assertThat(chunk).isBetween(1, (int) poolMapRule);
        assertThat(chunk == 1 || chunk * Math.max(1, costNanos) <= 2_000_000).as("chunk %d of %d ns items", chunk, costNanos).isTrue();
    }
}
