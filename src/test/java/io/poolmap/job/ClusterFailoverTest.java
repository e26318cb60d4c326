package io.poolmap.job;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.poolmap.job.ClusterJobsTest.PATIENCE;
import static io.poolmap.job.ClusterJobsTest.SEGMENT;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members that come and go in the middle of a job, each test on a cluster of its own in one JVM: a member that joins
 * takes segments at once; the segments a crashed member had claimed are computed again by the others, and counted; a
 * job whose submitting member crashed is ended by the others.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterFailoverTest {

    @TempDir
    Path root;

    private ClusterEngines members;

    @AfterEach
    void stopTheCluster() throws InterruptedException {
        members.close();
    }

    @Test
    void aMemberThatJoinsInTheMiddleOfAJobTakesSegmentsAtOnce() throws InterruptedException {
        members = ClusterEngines.start(root, 3, 2);
        Job job = members.jobs(0).submit(aSubmission().operation("test_blocking").range(16 * SEGMENT).build());
        await().atMost(PATIENCE).until(() -> members.gate(0).entered() > 0 && members.gate(1).entered() > 0);

        members.join(2);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(members.gate(2).entered()).as("items that reached the new member").isPositive());
        members.openGates();
        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.itemsByWorker().keySet()).anyMatch(worker -> worker.startsWith(members.name(2) + "/"));
        assertTenTimes(job);
    }

    @Test
    void theSegmentsACrashedMemberHadClaimedAreComputedAgainByTheOthersAndCounted() throws InterruptedException {
        members = ClusterEngines.start(root, 3, 3);
        Job job = members.jobs(0).submit(aSubmission().operation("test_blocking").range(12 * SEGMENT).build());
        await().atMost(PATIENCE).until(() -> members.gate(0).entered() > 0 && members.gate(1).entered() > 0 && members.gate(2).entered() > 0);

        members.crash(2);
        members.gate(0).open();
        members.gate(1).open();

        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertTenTimes(job);
        assertThat(job.itemsByWorker().keySet()).as("the crashed member stored nothing")
                .allMatch(worker -> worker.startsWith(members.name(0) + "/") || worker.startsWith(members.name(1) + "/"));
        assertThat(members.reruns(0) + members.reruns(1)).as("segments computed again after the crash").isPositive();
    }

    @Test
    void aJobWhoseSubmittingMemberCrashedIsEndedByTheOthers() throws InterruptedException {
        members = ClusterEngines.start(root, 3, 3);
        Job submitted = members.jobs(0).submit(aSubmission().operation("test_blocking").range(12 * SEGMENT).build());
        await().atMost(PATIENCE).until(() -> members.gate(0).entered() > 0 && members.gate(1).entered() > 0 && members.gate(2).entered() > 0);

        members.crash(0);
        members.gate(1).open();
        members.gate(2).open();

        Job job = members.jobs(1).find(submitted.id());
        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertTenTimes(job);
        Job onTheThird = members.jobs(2).find(submitted.id());
        assertThat(onTheThird.await(PATIENCE)).as("the third member follows the end the cluster recorded").isTrue();
        assertThat(onTheThird.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private static void assertTenTimes(Job job) {
        Numbers results = job.resultsIf(JobStatus.SUCCEEDED);
        assertThat(results.size()).isEqualTo(job.size());
        for (int i = 0; i < job.size(); i++) {
            assertThat(results.longAt(i)).as("item %d", i).isEqualTo(10L * i);
        }
    }
}
