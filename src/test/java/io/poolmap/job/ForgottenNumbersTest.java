package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.Store;
import io.poolmap.store.StoreProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forgotten job's numbers wait for their readers, but never more of them than retention keeps. */
class ForgottenNumbersTest {

    private static final int SEGMENTS = 2;
    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);

    @TempDir
    Path directory;

    private Store store;
    private final ScheduledExecutorService timer = JobConfiguration.scheduler();

    @BeforeEach
    void open() {
        store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        store.close();
    }

    @Test
    void aForgottenJobsNumbersStayForTheGraceWhileTheWaitingOnesHoldNoMoreThanTheBound() {
        ForgottenNumbers forgotten = new ForgottenNumbers(store, Runnable::run, timer, 100_000, Duration.ofMinutes(1));
        stored("a");

        forgotten.add("a", SEGMENTS, 60_000, WRITTEN);

        assertThat(isStored("a")).as("inputs and results of every segment of a").isTrue();
        assertThat(forgotten.waitingItems()).isEqualTo(60_000);
    }

    @Test
    void theOldestForgottenJobsNumbersGoAtOnceWhenTheWaitingOnesPassTheBound() {
        ForgottenNumbers forgotten = new ForgottenNumbers(store, Runnable::run, timer, 100_000, Duration.ofMinutes(1));
        stored("a");
        stored("b");
        stored("c");
        forgotten.add("a", SEGMENTS, 60_000, WRITTEN);
        forgotten.add("b", SEGMENTS, 30_000, WRITTEN);

        forgotten.add("c", SEGMENTS, 60_000, WRITTEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> isGone("a"));
        assertThat(isStored("b")).as("b: with a gone, 90,000 items wait").isTrue();
        assertThat(isStored("c")).isTrue();
        assertThat(forgotten.waitingItems()).isEqualTo(90_000);
    }

    @Test
    void aForgottenJobsNumbersGoWhenTheGraceEnds() {
        ForgottenNumbers forgotten = new ForgottenNumbers(store, Runnable::run, timer, 100_000, Duration.ofMillis(200));
        stored("a");

        forgotten.add("a", SEGMENTS, 10, WRITTEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> isGone("a"));
        assertThat(forgotten.waitingItems()).isZero();
    }

    @Test
    void aJobLargerThanTheBoundGoesAtOnce() {
        ForgottenNumbers forgotten = new ForgottenNumbers(store, Runnable::run, timer, 100_000, Duration.ofMinutes(1));
        stored("big");

        forgotten.add("big", SEGMENTS, 1_000_000, WRITTEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> isGone("big"));
    }

    @Test
    void aJobsNumbersAreRemovedOnlyOnceItsOwnWritesHaveEndedSoThatNoneLandsAfterTheRemoval() {
        Queue<Runnable> writer = new ConcurrentLinkedQueue<>();
        ForgottenNumbers forgotten = new ForgottenNumbers(store, writer::add, timer, 100_000, Duration.ofMinutes(1));
        stored("big");
        CompletableFuture<Void> segmentStillWriting = new CompletableFuture<>();

        forgotten.add("big", SEGMENTS, 1_000_000, segmentStillWriting);

        assertThat(writer).as("a removal handed to the writer before the job's write ended").isEmpty();
        segmentStillWriting.completeExceptionally(new IllegalStateException("the disk refused it"));
        assertThat(writer).hasSize(1);
        writer.poll().run();
        await().atMost(Duration.ofSeconds(10)).until(() -> isGone("big"));
    }

    private void stored(String job) {
        PackedChunk chunk = PackedChunk.of(Numbers.ofLongs(1, 2, 3), 0, 3);
        for (int segment = 0; segment < SEGMENTS; segment++) {
            store.inputs().put(new ChunkKey(job, segment), chunk);
            store.results().put(new ChunkKey(job, segment), chunk);
        }
    }

    private boolean isStored(String job) {
        for (int segment = 0; segment < SEGMENTS; segment++) {
            ChunkKey key = new ChunkKey(job, segment);
            if (store.inputs().get(key) == null || store.results().get(key) == null) {
                return false;
            }
        }
        return true;
    }

    private boolean isGone(String job) {
        for (int segment = 0; segment < SEGMENTS; segment++) {
            ChunkKey key = new ChunkKey(job, segment);
            if (store.inputs().get(key) != null || store.results().get(key) != null) {
                return false;
            }
        }
        return true;
    }
}
