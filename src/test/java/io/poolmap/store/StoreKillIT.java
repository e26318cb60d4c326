package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import io.poolmap.cluster.MemberDepartures;
import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes killed with SIGKILL ({@code kill -9}): a store that acknowledged its writes keeps them and opens again
 * (the dead process's file locks are gone with it), and a cluster member that is killed is noticed by the others, who
 * keep every chunk. Runs in the integration-test phase; prints how long the failure detection took.
 */
class StoreKillIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path root;

    private Process process;
    private Path log;

    @AfterEach
    void killTheProcess() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void writesAcknowledgedBeforeAKillMinus9AreThereWhenTheStoreOpensAgain() throws Exception {
        Path store = root.resolve("store");
        start(StoreProcess.command(store.toString(), "200"));
        awaitLine("WRITTEN 200");

        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Store reopened = Store.open(StoreProperties.at(store), ClusterProperties.standalone())) {
            for (int i = 0; i < 200; i++) {
                assertThat(reopened.jobs().get("job-" + i)).as("job %d", i).isEqualTo(StoredJobs.aRunningJob("job-" + i, i));
                assertSameResults(reopened, i);
            }
        }
    }

    @Test
    void aMemberKilledWithMinus9IsNoticedAndItsChunksStayReadableOnTheOthers() throws Exception {
        List<HostPort> addresses = List.of(new HostPort("127.0.0.1", FreePorts.forMember()), new HostPort("127.0.0.1", FreePorts.forMember()),
                new HostPort("127.0.0.1", FreePorts.forMember()));
        String members = String.join(",", addresses.stream().map(HostPort::toString).toList());
        Store first = member(addresses, 0);
        try (first; Store third = member(addresses, 2)) {
            start(StoreProcess.command(root.resolve("member-1").toString(), "64", addresses.get(1).toString(), members));
            awaitLine("WRITTEN 64");
            await().atMost(WAIT).until(() -> first.members().size() == 3 && third.members().size() == 3);
            List<Set<String>> departures = new CopyOnWriteArrayList<>();
            try (MemberDepartures watch = MemberDepartures.watch(first.cacheManager(), departures::add)) {
                long killed = System.nanoTime();
                process.destroyForcibly();

                await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> !departures.isEmpty());
                System.out.printf("StoreKillIT: the member killed with -9 left the view %d ms after the kill%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
                assertThat(departures).containsExactly(Set.of(addresses.get(1).toString()));
            }
            for (Store survivor : List.of(first, third)) {
                for (int i = 0; i < 64; i++) {
                    assertSameResults(survivor, i);
                }
            }
        }
    }

    private Store member(List<HostPort> addresses, int index) {
        ClusterProperties cluster = ClusterProperties.staticMembers(addresses.get(index), addresses, Duration.ofSeconds(2));
        return Store.open(StoreProperties.at(root.resolve("member-" + index)), cluster);
    }

    private static void assertSameResults(Store store, int job) {
        PackedChunk chunk = store.results().get(new ChunkKey("job-" + job, 0));
        assertThat(chunk).as("results of job %d on %s", job, store.member()).isNotNull();
        Numbers expected = StoreProcess.expectedResults(job);
        assertThat(PackedNumbers.unpack(chunk.bytes()).longsOrNull()).as("results of job %d", job).containsExactly(expected.longsOrNull());
    }

    private void start(List<String> command) throws IOException {
        log = Files.createTempFile("poolmap-store-process-", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitLine(String line) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(process.isAlive()).as("the store process runs; its log: %s", Files.readString(log)).isTrue();
            assertThat(Files.readAllLines(log)).contains(line);
        });
    }
}
