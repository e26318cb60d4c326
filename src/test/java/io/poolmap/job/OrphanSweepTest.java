package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.Claim;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoreProperties;
import io.poolmap.store.StoredJobs;
import io.poolmap.store.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's store keeps no numbers for ever without their job's record: the coordinator removes those that two of
 * its passes, an interval apart, found without one, and nothing of a job whose record came in between.
 */
class OrphanSweepTest {

    private static final PackedChunk CHUNK = PackedChunk.of(Numbers.ofLongs(1, 2, 3), 0, 3);

    @TempDir
    static Path root;

    private static TestCluster cluster;

    @BeforeAll
    static void startTwoMembers() {
        cluster = TestCluster.start(root, 2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static OrphanSweep sweepOn(int member) {
        return new OrphanSweep(cluster.member(member), Duration.ofHours(1));
    }

    /** Segments 0 and 1 of {@code job}'s inputs and results, and a claim on segment 1, written through member 1. */
    private static void numbersOf(String job) {
        Store store = cluster.member(1);
        for (int segment = 0; segment < 2; segment++) {
            store.inputs().put(new ChunkKey(job, segment), CHUNK);
            store.results().put(new ChunkKey(job, segment), CHUNK);
        }
        store.claims().put(new ChunkKey(job, 1), new Claim("127.0.0.1:1", 0, "incarnation-1", false));
    }

    private static boolean anyNumbersOf(String job) {
        Store store = cluster.member(1);
        ChunkKey first = new ChunkKey(job, 0);
        return store.inputs().get(first) != null || store.results().get(first) != null
                || store.claims().get(new ChunkKey(job, 1)) != null;
    }

    @Test
    void numbersWithoutARecordOnTwoPassesAreRemovedAndAJobWithItsRecordKeepsItsOwn() {
        OrphanSweep sweep = sweepOn(0);
        numbersOf("orphan-1");
        numbersOf("kept-1");
        cluster.member(1).jobs().put("kept-1", StoredJobs.aRunningJob("kept-1", 1));

        assertThat(sweep.sweep()).as("the first pass only notes them").isZero();
        assertThat(anyNumbersOf("orphan-1")).isTrue();
        assertThat(sweep.sweep()).as("4 chunks and a claim").isEqualTo(5);

        assertThat(anyNumbersOf("orphan-1")).isFalse();
        assertThat(anyNumbersOf("kept-1")).isTrue();
    }

    @Test
    void aJobWhoseRecordIsWrittenBetweenTwoPassesKeepsItsNumbers() {
        OrphanSweep sweep = sweepOn(0);
        numbersOf("shared-2");
        sweep.sweep();

        cluster.member(1).jobs().put("shared-2", StoredJobs.aRunningJob("shared-2", 2));

        assertThat(sweep.sweep()).isZero();
        assertThat(sweep.sweep()).isZero();
        assertThat(anyNumbersOf("shared-2")).isTrue();
    }

    @Test
    void onlyTheCoordinatorSweeps() {
        OrphanSweep notCoordinator = sweepOn(1);
        numbersOf("orphan-3");

        notCoordinator.sweep();

        assertThat(notCoordinator.sweep()).isZero();
        assertThat(anyNumbersOf("orphan-3")).isTrue();
        OrphanSweep coordinator = sweepOn(0);
        coordinator.sweep();
        assertThat(coordinator.sweep()).isGreaterThanOrEqualTo(5);
        assertThat(anyNumbersOf("orphan-3")).isFalse();
    }

    @Test
    void aStandaloneStoreSchedulesNoSweep(@TempDir Path directory) {
        try (Store standalone = Store.open(StoreProperties.at(directory), ClusterProperties.standalone())) {
            OrphanSweep sweep = new OrphanSweep(standalone, Duration.ofMillis(1));
            sweep.start();

            assertThat(sweep.isRunning()).isFalse();
        }
        OrphanSweep clustered = sweepOn(0);
        clustered.start();
        assertThat(clustered.isRunning()).isTrue();
        clustered.stop();
        assertThat(clustered.isRunning()).isFalse();
    }
}
