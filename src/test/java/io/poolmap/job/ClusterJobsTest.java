package io.poolmap.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.Numbers;
import io.poolmap.store.ChunkKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three members in one JVM, each with its own store, ports and engine, sharing these tests (each with a job of its own):
 * a job accepted by one member is computed by the workers of all three, any member answers for it, and a cancel on any
 * member stops it on every member; one {@code Idempotency-Key} sent to two members at once makes one job.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterJobsTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final int SEGMENT = 1024;

    @TempDir
    static Path root;

    private static ClusterEngines members;

    @BeforeAll
    static void startThreeMembers() {
        members = ClusterEngines.start(root, 3, 3);
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        members.close();
    }

    @AfterEach
    void closeTheGates() {
        members.openGates();
        for (int member = 0; member < 3; member++) {
            members.gate(member).reset();
        }
    }

    @Test
    void theSegmentsOfOneJobAreComputedByTheWorkersOfEveryMember() throws InterruptedException {
        Job job = members.jobs(0).submit(aSubmission().operation("test_blocking").range(8 * SEGMENT).build());
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (int member = 0; member < 3; member++) {
                assertThat(members.gate(member).entered()).as("items that reached member %d's workers", member).isPositive();
            }
        });

        members.openGates();

        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        Numbers results = job.resultsIf(JobStatus.SUCCEEDED);
        for (int i = 0; i < job.size(); i++) {
            assertThat(results.longAt(i)).as("item %d", i).isEqualTo(10L * i);
        }
        Set<String> computedBy = new TreeSet<>();
        for (JobItem item : job.items(0, job.size())) {
            assertThat(item.worker()).as("item %d's worker", item.index()).matches(".+/worker-[12]");
            computedBy.add(item.worker().substring(0, item.worker().indexOf('/')));
        }
        assertThat(computedBy).containsExactlyInAnyOrder(members.name(0), members.name(1), members.name(2));
        assertThat(job.itemsByWorker().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(job.size());
    }

    @Test
    void anyMemberAnswersForAJobThatAnotherAccepted() throws InterruptedException {
        Job accepted = members.jobs(0).submit(aSubmission().operation("test_double").range(3 * SEGMENT + 5).build());

        Job seenElsewhere = members.jobs(2).find(accepted.id());

        assertThat(seenElsewhere.await(PATIENCE)).isTrue();
        assertThat(seenElsewhere.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seenElsewhere.completed()).isEqualTo(accepted.size());
        Numbers results = seenElsewhere.resultsIf(JobStatus.SUCCEEDED);
        assertThat(results.size()).isEqualTo(accepted.size());
        assertThat(results.longAt(3 * SEGMENT + 4)).isEqualTo(2L * (3 * SEGMENT + 4));
        List<JobItem> last = seenElsewhere.items(3 * SEGMENT, 5);
        assertThat(last).extracting(JobItem::result).containsExactly(6144L, 6146L, 6148L, 6150L, 6152L);
        assertThat(last).extracting(JobItem::worker).allMatch(worker -> worker.matches(".+/worker-[12]"));
        assertThat(seenElsewhere.chunks(0, 10)).hasSize(4).allMatch(ChunkProgress::complete);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(members.jobs(1).list(JobStatus.SUCCEEDED, 0, 100))
                .as("the third member's list, once the end reaches it").extracting(Job::id).contains(accepted.id()));
        assertThat(accepted.await(PATIENCE)).isTrue();
        assertThat(accepted.itemsByWorker()).isEqualTo(seenElsewhere.itemsByWorker());
        assertThat(accepted.finishedAt()).as("every member shows the end the cluster recorded").isEqualTo(seenElsewhere.finishedAt());
    }

    @Test
    void aCancelOnAnotherMemberStopsTheJobOnEveryMember() throws InterruptedException {
        Job job = members.jobs(0).submit(aSubmission().operation("test_blocking").range(8 * SEGMENT).build());
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (int member = 0; member < 3; member++) {
                assertThat(members.gate(member).entered()).isPositive();
            }
        });

        Job cancelled = members.jobs(1).cancel(job.id());

        assertThat(cancelled.status()).as("the member that cancelled shows it at once").isEqualTo(JobStatus.CANCELLED);
        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        Job third = members.jobs(2).find(job.id());
        assertThat(third.await(PATIENCE)).isTrue();
        assertThat(third.status()).isEqualTo(JobStatus.CANCELLED);
        members.openGates();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (int member = 0; member < 3; member++) {
                assertThat(members.engine(member).pool().statistics().busyWorkers()).as("member %d's busy workers", member).isZero();
                for (int segment = 0; segment < 8; segment++) {
                    assertThat(members.store(member).claims().containsKey(new ChunkKey(job.id(), segment))).as("a claim on segment %d", segment)
                            .isFalse();
                }
            }
        });
        assertThat(job.completed()).isLessThan(job.size());
        Map<String, Long> computed = third.itemsByWorker();
        assertThat(computed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(third.completed());
    }

    @Test
    void oneKeySubmittedToTwoMembersAtOnceMakesOneJob() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                JobSubmission keyed = aSubmission().operation("test_double").range(3 * SEGMENT)
                        .idempotency(new JobSubmission.Idempotency("together-" + round, "hash-a")).build();
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<Job>> answers = new java.util.ArrayList<>();
                for (int member = 0; member < 2; member++) {
                    int on = member;
                    answers.add(clients.submit(() -> {
                        together.await();
                        return members.jobs(on).submit(keyed);
                    }));
                }
                String first = answers.get(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS).id();
                String second = answers.get(1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS).id();

                assertThat(second).as("round %d: the job each member answered with", round).isEqualTo(first);
                assertThat(members.jobs(2).find(first).await(PATIENCE)).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
