package io.poolmap.store;

import static io.poolmap.store.StoredJobs.aRunningJob;
import static io.poolmap.store.StoredJobs.finished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in one JVM over JGroups TCP on loopback, each with its own store, shared by these tests (each uses
 * keys of its own): they form one view, claim chunks atomically, and every member sees every job's writes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterMembershipTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path root;

    private static TestCluster cluster;

    @BeforeAll
    static void startThreeMembers() {
        cluster = TestCluster.start(root, 3);
    }

    @AfterAll
    static void stopThem() {
        cluster.close();
    }

    @Test
    void threeMembersOnLoopbackFormOneViewOverTcpWithTheStaticMemberList() {
        List<String> names = List.of(cluster.name(0), cluster.name(1), cluster.name(2));
        for (int i = 0; i < 3; i++) {
            Store member = cluster.member(i);
            assertThat(TestCluster.channel(member).getProtocolStack().getProtocols())
                    .as("the stack of JGroupsChannels, not Infinispan's default UDP multicast one")
                    .extracting(protocol -> protocol.getClass().getSimpleName()).contains("TCP", "TCPPING").doesNotContain("UDP", "PING", "MPING");
            assertThat(member.clustered()).isTrue();
            assertThat(member.member()).isEqualTo(cluster.name(i));
            await().atMost(WAIT).untilAsserted(() -> assertThat(member.members()).containsExactlyInAnyOrderElementsOf(names));
            assertThat(member.members().getFirst()).as("the first member started coordinates").isEqualTo(cluster.name(0));
        }
    }

    @Test
    void onlyOneOfConcurrentClaimersWinsEachChunk() throws Exception {
        int chunks = 100;
        CountDownLatch go = new CountDownLatch(1);
        Map<ChunkKey, List<String>> winners = new ConcurrentHashMap<>();
        try (ExecutorService claimers = Executors.newFixedThreadPool(6)) {
            List<Future<?>> done = new ArrayList<>();
            for (int claimer = 0; claimer < 6; claimer++) {
                Store member = cluster.member(claimer % 3);
                String name = member.member() + "#" + claimer;
                done.add(claimers.submit(() -> {
                    go.await();
                    for (int chunk = 0; chunk < chunks; chunk++) {
                        ChunkKey key = new ChunkKey("claimed", chunk);
                        if (member.claims().putIfAbsent(key, new Claim(name, chunk, null, false)) == null) {
                            winners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(name);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> claimer : done) {
                claimer.get();
            }
        }

        assertThat(winners).hasSize(chunks);
        winners.forEach((key, names) -> {
            assertThat(names).as("winners of %s", key).hasSize(1);
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.member(i).claims().get(key).member()).as("%s as member %d sees it", key, i).isEqualTo(names.getFirst());
            }
        });
    }

    @Test
    void everyMembersIndexFollowsTheJobsWrittenOnAnyMember() {
        List<ActiveJobs> indexes = List.of(ActiveJobs.watch(cluster.member(0).jobs()), ActiveJobs.watch(cluster.member(1).jobs()),
                ActiveJobs.watch(cluster.member(2).jobs()));
        try {
            cluster.member(0).jobs().put("index-b", aRunningJob("index-b", 2));
            cluster.member(1).jobs().put("index-a", aRunningJob("index-a", 1));
            cluster.member(2).jobs().put("index-c", aRunningJob("index-c", 3));
            await().atMost(WAIT).untilAsserted(() -> indexes.forEach(index -> assertThat(index.ids()).containsExactly("index-a", "index-b", "index-c")));

            cluster.member(2).jobs().put("index-b", finished(aRunningJob("index-b", 2), "SUCCEEDED", null));
            cluster.member(0).jobs().remove("index-c");
            await().atMost(WAIT).untilAsserted(() -> indexes.forEach(index -> assertThat(index.ids()).containsExactly("index-a")));

            try (ActiveJobs late = ActiveJobs.watch(cluster.member(1).jobs())) {
                assertThat(late.ids()).as("an index started late begins with the jobs already there").containsExactly("index-a");
            }
        } finally {
            indexes.forEach(ActiveJobs::close);
        }
    }
}
