package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.Store;
import io.poolmap.store.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key's claim names the member that made it, so that a retry on another member knows whether to wait for its job. */
class KeyClaimsInAClusterTest {

    @TempDir
    static Path root;

    private static TestCluster cluster;
    private static final ScheduledExecutorService timer = JobConfiguration.scheduler();

    @BeforeAll
    static void startTwoMembers() {
        cluster = TestCluster.start(root, 2);
    }

    @AfterAll
    static void stop() {
        timer.shutdownNow();
        cluster.close();
    }

    private static StoreJobArchive archiveOn(int member) {
        Store store = cluster.member(member);
        return new StoreJobArchive(store, Runnable::run, new ForgottenNumbers(store, Runnable::run, timer, 1_000, ForgottenNumbers.READERS_GRACE));
    }

    @Test
    void aClaimNamesItsMemberAndCountsAsAnotherLiveMembersOnlyWhereThatIsSo() {
        StoreJobArchive first = archiveOn(0);
        StoreJobArchive second = archiveOn(1);

        assertThat(first.claimKey("order-1", "hash-a", "job-1")).isEmpty();
        IdempotentSubmission claim = second.claimKey("order-1", "hash-a", "job-2").orElseThrow();

        assertThat(claim).isEqualTo(new IdempotentSubmission("job-1", "hash-a", cluster.name(0)));
        assertThat(second.claimedByAnotherLiveMember(claim)).isTrue();
        assertThat(first.claimedByAnotherLiveMember(claim)).as("its own claim").isFalse();
        assertThat(second.claimedByAnotherLiveMember(new IdempotentSubmission("job-3", "hash-a", "127.0.0.1:1")))
                .as("a member that left").isFalse();
        assertThat(second.claimedByAnotherLiveMember(new IdempotentSubmission("job-4", "hash-a", null))).as("no member named").isFalse();
    }

    @Test
    void aTakeOverNamesTheMemberThatTookTheKey() {
        StoreJobArchive first = archiveOn(0);
        StoreJobArchive second = archiveOn(1);
        first.claimKey("order-2", "hash-a", "job-lost");
        IdempotentSubmission stale = second.claimKey("order-2", "hash-a", "job-retry").orElseThrow();

        assertThat(second.takeOverKey("order-2", stale, "job-retry")).isTrue();

        assertThat(cluster.member(0).idempotency().get("order-2"))
                .isEqualTo(new IdempotentSubmission("job-retry", "hash-a", cluster.name(1)));
        assertThat(second.takeOverKey("order-2", stale, "job-third")).as("changed since").isFalse();
    }
}
