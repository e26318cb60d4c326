package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.poolmap.cluster.MemberDepartures;
import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member of three that crashes (cut off, no goodbye): the survivors are told, keep every chunk (two owners each), and
 * the member, restarted on its own store, joins again and reads them too.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemberCrashTest {

    private static final Duration DETECTION = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private TestCluster cluster;

    @AfterEach
    void stopTheCluster() {
        cluster.close();
    }

    @Test
    void survivorsAreToldOfACrashAndKeepEveryChunkWithTwoOwners() {
        cluster = TestCluster.start(root, 3);
        Numbers results = new RandomNumbers(11).batch(RandomNumbers.Profile.LONGS, 64_000);
        for (int chunk = 0; chunk < 64; chunk++) {
            cluster.member(chunk % 3).results().put(new ChunkKey("job-1", chunk), PackedChunk.of(results, chunk * 1000, chunk * 1000 + 1000));
        }
        List<Set<String>> toldTo0 = new CopyOnWriteArrayList<>();
        List<Set<String>> toldTo2 = new CopyOnWriteArrayList<>();
        try (MemberDepartures watch0 = MemberDepartures.watch(cluster.member(0).cacheManager(), toldTo0::add);
             MemberDepartures watch2 = MemberDepartures.watch(cluster.member(2).cacheManager(), toldTo2::add)) {

            cluster.crash(1);

            await().atMost(DETECTION).untilAsserted(() -> {
                assertThat(toldTo0).containsExactly(Set.of(cluster.name(1)));
                assertThat(toldTo2).containsExactly(Set.of(cluster.name(1)));
            });
        }
        assertThat(cluster.member(0).members()).containsExactly(cluster.name(0), cluster.name(2));
        assertEveryChunkReads(results, 0);
        assertEveryChunkReads(results, 2);

        Store back = cluster.restart(1);
        await().atMost(DETECTION).untilAsserted(() -> assertThat(back.members()).hasSize(3));
        assertEveryChunkReads(results, 1);
    }

    private void assertEveryChunkReads(Numbers expected, int member) {
        Numbers back = Numbers.forResults(64_000);
        for (int chunk = 0; chunk < 64; chunk++) {
            PackedChunk packed = cluster.member(member).results().get(new ChunkKey("job-1", chunk));
            assertThat(packed).as("chunk %d read on member %d", chunk, member).isNotNull();
            packed.unpackInto(back, chunk * 1000);
        }
        PackedNumbersTest.assertSameItems(expected, 0, back, 0, 64_000, "results read on member " + member);
    }
}
