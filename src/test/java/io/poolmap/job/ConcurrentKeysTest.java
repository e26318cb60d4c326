package io.poolmap.job;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.store.IdempotentSubmission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two submissions of one {@code Idempotency-Key} at once create one job: a retry that finds the key claimed by a job
 * not admitted yet waits for it, on this member or on another one, instead of taking the key over and running twice.
 */
class ConcurrentKeysTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final TestJobEngine engine = TestJobEngine.start(aPoolmapProperties().build(), List.of(new TestDouble()), List.of(),
            Clock.systemUTC());
    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private final JobSubmission keyed = aSubmission().operation("test_double").range(3)
            .idempotency(new JobSubmission.Idempotency("order-7", "hash-a")).build();

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        engine.close();
    }

    /** Submits {@code keyed} on a client thread, noting the thread, so that a test can see it wait. */
    private Future<Job> submitOn(AtomicReference<Thread> thread) {
        return clients.submit(() -> {
            thread.set(Thread.currentThread());
            return engine.jobs().submit(keyed);
        });
    }

    private static boolean waiting(AtomicReference<Thread> thread) {
        Thread.State state = thread.get() == null ? null : thread.get().getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    @Test
    void aRetryThatFindsTheKeyClaimedByAJobNotAdmittedYetWaitsForThatJob() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch letTheFirstGoOn = new CountDownLatch(1);
        AtomicInteger claims = new AtomicInteger();
        engine.inMemoryArchive().afterEachClaim(() -> {
            if (claims.incrementAndGet() == 1) {
                firstClaimed.countDown();
                awaitQuietly(letTheFirstGoOn);
            }
        });
        Future<Job> first = submitOn(new AtomicReference<>());
        assertThat(firstClaimed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> retryThread = new AtomicReference<>();

        Future<Job> retry = submitOn(retryThread);
        await().atMost(PATIENCE).until(() -> retry.isDone() || waiting(retryThread));
        letTheFirstGoOn.countDown();

        assertThat(retry.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).id())
                .isEqualTo(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).id());
        assertThat(engine.jobs().list(null, 0, 10)).hasSize(1);
    }

    @Test
    void aRetryWaitsWhileAnotherLiveMembersClaimStandsAndRunsOnceThatMemberReleasesTheKey() throws Exception {
        engine.inMemoryArchive().liveElsewhere(claim -> "member-b".equals(claim.member()));
        engine.inMemoryArchive().claimedElsewhere("order-7", new IdempotentSubmission("job-on-b", "hash-a", "member-b"));
        AtomicReference<Thread> retryThread = new AtomicReference<>();

        Future<Job> retry = submitOn(retryThread);
        await().atMost(PATIENCE).until(() -> waiting(retryThread));
        assertThat(retry).as("taken over while member-b was sharing its job").isNotDone();
        engine.inMemoryArchive().releasedElsewhere("order-7");

        Job job = retry.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(job.id()).isNotEqualTo("job-on-b");
        assertThat(job.await(PATIENCE)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aKeyClaimedByAMemberNoLongerInTheClusterIsTakenOverAtOnce() {
        engine.inMemoryArchive().claimedElsewhere("order-7", new IdempotentSubmission("lost-with-member-c", "hash-a", "member-c"));

        Job job = engine.jobs().submit(keyed);

        assertThat(job.id()).isNotEqualTo("lost-with-member-c");
        assertThat(engine.jobs().list(null, 0, 10)).containsExactly(job);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
