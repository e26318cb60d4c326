package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store in a real process killed with SIGKILL ({@code kill -9}): what it acknowledged is on disk, and the store opens
 * again, since the dead process's file locks went with it (a crash inside one JVM cannot show either). Runs in the
 * integration-test phase. A cluster member's crash is {@link MemberCrashTest}'s. The process's store, log and
 * {@code java.io.tmpdir} are in the test's {@code @TempDir}, which JUnit deletes.
 */
class StoreKillIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path root;

    private Process process;
    private Path log;

    /** Ends the process before JUnit deletes its directory. */
    @AfterEach
    void killTheProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesAcknowledgedBeforeAKillMinus9AreThereWhenTheStoreOpensAgain() throws Exception {
        Path store = root.resolve("store");
        start(StoreProcess.command(Files.createDirectory(root.resolve("tmp")), store.toString(), "200"));
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

    private static void assertSameResults(Store store, int job) {
        PackedChunk chunk = store.results().get(new ChunkKey("job-" + job, 0));
        assertThat(chunk).as("results of job %d on %s", job, store.member()).isNotNull();
        Numbers expected = StoreProcess.expectedResults(job);
        assertThat(PackedNumbers.unpack(chunk.bytes()).longsOrNull()).as("results of job %d", job).containsExactly(expected.longsOrNull());
    }

    private void start(java.util.List<String> command) throws IOException {
        log = root.resolve("store-process.log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitLine(String line) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(process.isAlive()).as("the store process runs; its log: %s", Files.readString(log)).isTrue();
            assertThat(Files.readAllLines(log)).contains(line);
        });
    }
}
