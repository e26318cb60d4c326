package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.operation.Numbers;
import io.poolmap.store.Store;
import io.poolmap.store.StoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job being handed to the cluster while a client cancels it ends in exactly one place: here, before it was shared
 * (and then it is not shared), or through the cluster's record, after (and then nothing ends it here). Before this
 * was so, a cancel in that window ended the job CANCELLED here while the other members computed it to SUCCEEDED, and
 * freed its room in the queue twice.
 */
class JobSharingTest {

    private static final int ROUNDS = 300;

    @TempDir
    Path directory;

    /** Counts what the engine hears of one job. */
    private static final class CountingHooks implements Job.Hooks {
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();

        @Override
        public void released(Job job, long items) {
            released.incrementAndGet();
        }

        @Override
        public void finished(Job job) {
            finished.incrementAndGet();
        }
    }

    @Test
    void aCancelRacingTheShareEndsTheJobHereOrThroughTheClusterNeverBoth() throws Exception {
        Numbers numbers = Numbers.ofLongs(LongStream.range(0, 10_000).toArray());
        JobPlan plan = new JobPlan(new TestDouble(), numbers.size(), numbers, 2, 100, 1000, 60_000, JobPlan.Execution.WORKERS,
                numbers.heapBytes() * 2);
        int sharedFirst = 0;
        int cancelledFirst = 0;
        try (Store store = Store.open(StoreProperties.at(directory), ClusterProperties.standalone());
                ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                CountingHooks hooks = new CountingHooks();
                AtomicInteger clusterEnds = new AtomicInteger();
                Job job = new Job(round, "job-" + round, plan, Clock.systemUTC(), hooks);
                SharedJobData shared = new SharedJobData(JobRecords.of(job, store.member(), null), store);
                CountDownLatch go = new CountDownLatch(1);
                Future<Boolean> sharing = threads.submit(() -> {
                    go.await();
                    return job.share(shared, (ended, status, why) -> clusterEnds.incrementAndGet() > 0);
                });
                Future<Boolean> cancelling = threads.submit(() -> {
                    go.await();
                    return job.cancel("a client");
                });
                go.countDown();
                boolean wasShared = sharing.get();
                boolean cancelled = cancelling.get();

                assertThat(cancelled).as("round %d: the cancel ended the job one way or the other", round).isTrue();
                if (wasShared) {
                    sharedFirst++;
                    assertThat(clusterEnds).as("round %d: shared first, so the cluster's record ends it", round).hasValue(1);
                    assertThat(hooks.finished).as("round %d: and nothing ends it here", round).hasValue(0);
                    assertThat(job.status().isTerminal()).as("round %d", round).isFalse();
                } else {
                    cancelledFirst++;
                    assertThat(job.status()).as("round %d: cancelled first, here", round).isEqualTo(JobStatus.CANCELLED);
                    assertThat(hooks.finished).as("round %d: once", round).hasValue(1);
                    assertThat(clusterEnds).as("round %d: the cluster never heard of it", round).hasValue(0);
                    assertThat(job.shared()).as("round %d: and it was not shared", round).isFalse();
                }
            }
        }
        assertThat(sharedFirst + cancelledFirst).isEqualTo(ROUNDS);
    }
}
