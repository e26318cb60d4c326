package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.operation.Numbers;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.factories.ComponentRegistry;
import org.infinispan.interceptors.impl.CacheLoaderInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and removals through {@link Store#blind} read nothing back from the file store, and still reach it: what
 * keeps forgetting a big job from pulling all of its numbers into the heap.
 */
class BlindWritesTest {

    private static final int CHUNKS = 20;

    @TempDir
    Path directory;

    @Test
    void removingChunksBlindReadsNoneOfThemBackAndTheyAreGoneAfterARestart() {
        storeChunks();
        try (Store store = open()) {
            CacheLoaderInterceptor<?, ?> loader = loaderOf(store.results());
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                Store.blind(store.results()).removeAsync(new ChunkKey("job", chunk)).join();
            }
            assertThat(loader.getCacheLoaderLoads()).as("chunks read back from the disk to be removed").isZero();
        }
        try (Store store = open()) {
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                assertThat(store.results().get(new ChunkKey("job", chunk))).as("chunk %d after a restart", chunk).isNull();
            }
        }
    }

    @Test
    void aRemovalThatIsNotBlindReadsTheChunkBackFirst() {
        storeChunks();
        try (Store store = open()) {
            CacheLoaderInterceptor<?, ?> loader = loaderOf(store.results());
            store.results().remove(new ChunkKey("job", 0));
            assertThat(loader.getCacheLoaderLoads()).as("why removals go through Store.blind").isEqualTo(1);
        }
    }

    @Test
    void ignoringTheReturnValueAloneWouldLeaveAChunkThatIsNotInMemoryOnTheDisk() {
        storeChunks();
        try (Store store = open()) {
            store.results().getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES).remove(new ChunkKey("job", 0));
            Store.blind(store.results()).remove(new ChunkKey("job", 1));
        }
        try (Store store = open()) {
            assertThat(store.results().get(new ChunkKey("job", 0))).as("why Store.blind also skips the load").isNotNull();
            assertThat(store.results().get(new ChunkKey("job", 1))).isNull();
        }
    }

    @Test
    void blindWritesReachTheDisk() {
        Numbers numbers = Numbers.ofLongs(1, -2, Long.MAX_VALUE);
        try (Store store = open()) {
            CacheLoaderInterceptor<?, ?> loader = loaderOf(store.inputs());
            Store.blind(store.inputs()).putAll(Map.of(new ChunkKey("job", 0), PackedChunk.of(numbers, 0, 3)));
            Store.blind(store.inputs()).putAsync(new ChunkKey("job", 1), PackedChunk.of(numbers, 1, 3)).join();
            assertThat(loader.getCacheLoaderLoads() + loader.getCacheLoaderMisses()).as("looked up on the disk first").isZero();
        }
        try (Store store = open()) {
            assertThat(PackedNumbers.unpack(store.inputs().get(new ChunkKey("job", 0)).bytes()).longsOrNull())
                    .containsExactly(1, -2, Long.MAX_VALUE);
            assertThat(PackedNumbers.unpack(store.inputs().get(new ChunkKey("job", 1)).bytes()).longsOrNull())
                    .containsExactly(-2, Long.MAX_VALUE);
        }
    }

    private void storeChunks() {
        Numbers results = new RandomNumbers(7).batch(RandomNumbers.Profile.MIXED, 100 * CHUNKS);
        Map<ChunkKey, PackedChunk> chunks = new HashMap<>();
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            chunks.put(new ChunkKey("job", chunk), PackedChunk.of(results, chunk * 100, chunk * 100 + 100));
        }
        try (Store store = open()) {
            store.results().putAll(chunks);
        }
    }

    private Store open() {
        return Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
    }

    /** The cache's loader, counting what it reads from the file store from now on. */
    private static CacheLoaderInterceptor<?, ?> loaderOf(Cache<?, ?> cache) {
        CacheLoaderInterceptor<?, ?> loader = ComponentRegistry.of(cache).getInterceptorChain().running()
                .findInterceptorExtending(CacheLoaderInterceptor.class);
        loader.setStatisticsEnabled(true);
        loader.resetStatistics();
        return loader;
    }
}
