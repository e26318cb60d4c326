package io.poolmap.job;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole cluster killed at once and started again on its members' stores: a finished job comes back with its results,
 * and a job that was computing resumes and ends exact, whichever member is asked: with two members, or with as many
 * copies as members ({@code poolmap.cluster.copies}), since a restart after a crash assigns the copies' owners afresh.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int SEGMENT = 1024;

    @TempDir
    Path root;

    private ClusterEngines members;

    @AfterEach
    void stop() throws InterruptedException {
        if (members != null) {
            members.close();
        }
    }

    @Test
    void aWholeClusterKilledAndStartedAgainHasItsFinishedJobAndFinishesTheOneItWasComputing() throws Exception {
        members = ClusterEngines.start(root, 2, 2);
        Job finished = members.jobs(0).submit(aSubmission().operation("test_double").range(3 * SEGMENT).build());
        assertThat(finished.await(PATIENCE)).isTrue();
        assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
        Job computing = members.jobs(0).submit(aSubmission().operation("test_blocking").range(6 * SEGMENT).build());
        members.jobs(0).keep(computing);
        members.gate(0).allow(2 * SEGMENT);
        await().atMost(PATIENCE).until(() -> members.gate(1).entered() > 0 && members.gate(0).entered() >= 2 * SEGMENT);

        assertThat(computing.status()).as("before the crash").isEqualTo(JobStatus.RUNNING);
        members.crash(1);
        members.crash(0);
        members.restart(0, 1);
        members.openGates();

        for (int member = 0; member < 2; member++) {
            Job again = members.jobs(member).find(finished.id());
            assertThat(again.status()).as("member %d", member).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(longs(again.resultsIf(JobStatus.SUCCEEDED))).as("member %d", member).isEqualTo(doubled(3 * SEGMENT));
        }
        Job resumed = members.jobs(1).find(computing.id());
        assertThat(resumed.await(PATIENCE)).isTrue();
        assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(resumed.resultsIf(JobStatus.SUCCEEDED))).isEqualTo(tenTimes(6 * SEGMENT));
    }

    @Test
    void threeMembersWithThreeCopiesKilledAndStartedAgainOneAtATimeLoseNothing() throws Exception {
        members = ClusterEngines.start(root, 3, 3, 3);
        Job finished = members.jobs(0).submit(aSubmission().operation("test_double").range(12 * SEGMENT).build());
        assertThat(finished.await(PATIENCE)).isTrue();
        Job computing = members.jobs(0).submit(aSubmission().operation("test_blocking").range(12 * SEGMENT).build());
        members.jobs(0).keep(computing);
        await().atMost(PATIENCE).until(() -> members.gate(0).entered() > 0 && members.gate(1).entered() > 0
                && members.gate(2).entered() > 0);

        members.crash(2);
        members.crash(1);
        members.crash(0);
        members.restart(0);
        members.restart(1, 2);
        members.openGates();

        for (int member = 0; member < 3; member++) {
            Job again = members.jobs(member).find(finished.id());
            assertThat(longs(again.resultsIf(JobStatus.SUCCEEDED))).as("member %d", member).isEqualTo(doubled(12 * SEGMENT));
        }
        Job resumed = members.jobs(2).find(computing.id());
        assertThat(resumed.await(PATIENCE)).isTrue();
        assertThat(resumed.error()).isNull();
        assertThat(longs(resumed.resultsIf(JobStatus.SUCCEEDED))).isEqualTo(tenTimes(12 * SEGMENT));
    }

    private static long[] longs(Numbers numbers) {
        long[] values = new long[numbers.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = numbers.longAt(i);
        }
        return values;
    }

    private static long[] doubled(int size) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = 2L * i;
        }
        return values;
    }

    private static long[] tenTimes(int size) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = 10L * i;
        }
        return values;
    }
}
