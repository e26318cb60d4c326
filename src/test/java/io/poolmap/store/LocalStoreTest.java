package io.poolmap.store;

import static io.poolmap.store.StoredJobs.aRunningJob;
import static io.poolmap.store.StoredJobs.finished;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.operation.Numbers;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single node's store: local caches on disk that keep what was written across a stop and a new start. */
class LocalStoreTest {

    @TempDir
    Path directory;

    @Test
    void everyPersistedCacheKeepsItsEntriesAcrossARestartAndClaimsStartEmpty() {
        StoredJob job = finished(aRunningJob("job-1", 7), "FAILED", new StoredError("item-failed", "Item failed", "boom", 3, "-1", "ZeroDivisionError"));
        StoredJob expression = new StoredJob("job-2", 8, null, "x**2 + 1", 3, 1, 3, 1000, "QUEUED", 1L, null, null, null, 0, "local", null, "key-1", 3, "TINY", List.of(5L));
        Numbers results = new RandomNumbers(42).batch(RandomNumbers.Profile.MIXED, 1000);
        try (Store store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone())) {
            store.jobs().put(job.id(), job);
            store.jobs().put(expression.id(), expression);
            for (int chunk = 0; chunk < 10; chunk++) {
                store.results().put(new ChunkKey("job-1", chunk), PackedChunk.of(results, chunk * 100, chunk * 100 + 100));
            }
            store.inputs().put(new ChunkKey("job-1", 0), PackedChunk.of(Numbers.ofLongs(Long.MIN_VALUE, 0, Long.MAX_VALUE), 0, 3));
            store.idempotency().put("key-1", new IdempotentSubmission("job-1", "cafe", "local"));
            store.claims().put(new ChunkKey("job-1", 3), new Claim("local", 5, null, false));
        }

        try (Store store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone())) {
            assertThat(store.jobs().get("job-1")).isEqualTo(job);
            assertThat(store.jobs().get("job-2")).isEqualTo(expression);
            assertThat(store.jobs().get("job-2").finished()).isFalse();
            Numbers back = Numbers.forResults(1000);
            for (int chunk = 0; chunk < 10; chunk++) {
                store.results().get(new ChunkKey("job-1", chunk)).unpackInto(back, chunk * 100);
            }
            PackedNumbersTest.assertSameItems(results, 0, back, 0, 1000, "results read back after a restart");
            assertThat(PackedNumbers.unpack(store.inputs().get(new ChunkKey("job-1", 0)).bytes()).longsOrNull())
                    .containsExactly(Long.MIN_VALUE, 0, Long.MAX_VALUE);
            assertThat(store.idempotency().get("key-1")).isEqualTo(new IdempotentSubmission("job-1", "cafe", "local"));
            assertThat(store.claims()).as("claims are not persisted").isEmpty();
            assertThat(store.members()).containsExactly("local");
            assertThat(store.clustered()).isFalse();
        }
    }

    @Test
    void theIndexOfActiveJobsStartsFromTheJobsStoredBeforeARestart() {
        try (Store store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone())) {
            store.jobs().put("old", aRunningJob("old", 1));
            store.jobs().put("done", finished(aRunningJob("done", 2), "SUCCEEDED", null));
            store.jobs().put("new", aRunningJob("new", 3));
        }

        try (Store store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
             ActiveJobs active = ActiveJobs.watch(store.jobs())) {
            assertThat(active.ids()).containsExactly("old", "new");

            store.jobs().put("newest", aRunningJob("newest", 4));
            store.jobs().put("old", finished(aRunningJob("old", 1), "CANCELLED", null));
            assertThat(active.ids()).as("told at once: the listener runs before the write returns").containsExactly("new", "newest");
            assertThat(active.contains("old")).isFalse();
        }
    }

    @Test
    void chunksBeyondTheMemoryBoundAreEvictedFromMemoryButReadBackFromDisk() {
        StoreProperties tight = new StoreProperties(directory, DataSize.ofMegabytes(1), false, DataSize.ofMegabytes(64));
        Numbers results = new RandomNumbers(3).batch(RandomNumbers.Profile.LONGS, 64_000);
        try (Store store = Store.open(tight, ClusterProperties.standalone())) {
            for (int chunk = 0; chunk < 64; chunk++) {
                store.results().put(new ChunkKey("big", chunk), PackedChunk.of(results, 0, 64_000));
            }
            assertThat(store.results().getAdvancedCache().getDataContainer().sizeIncludingExpired())
                    .as("64 chunks of 512 KB do not fit 1 MB of memory").isLessThan(64);

            for (int chunk = 0; chunk < 64; chunk++) {
                Numbers back = Numbers.forResults(64_000);
                store.results().get(new ChunkKey("big", chunk)).unpackInto(back, 0);
                PackedNumbersTest.assertSameItems(results, 0, back, 0, 64_000, "chunk " + chunk + " read back past the memory bound");
            }
        }
    }
}
