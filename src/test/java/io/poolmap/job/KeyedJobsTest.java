package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.operation.Numbers;
import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.StoredJob;
import org.junit.jupiter.api.Test;

/** The claims of {@code Idempotency-Key}s, with the moments between a retry's steps forced open. */
class KeyedJobsTest {

    private static final JobSubmission.Idempotency KEY = new JobSubmission.Idempotency("order-9", "hash-a");

    private final InMemoryJobArchive archive = new InMemoryJobArchive();
    private final InMemoryJobStore store = new InMemoryJobStore();

    private static Job aJob(String id) {
        Numbers numbers = Numbers.ofLongs(1, 2, 3);
        JobPlan plan = new JobPlan(new TestDouble(), numbers.size(), numbers, 1, 1, 3, 60_000, JobPlan.Execution.WORKERS,
                numbers.heapBytes() * 2);
        return new Job(1, id, plan, Clock.systemUTC(), new Job.Hooks() {
            @Override
            public void released(Job job, long items) {
            }

            @Override
            public void finished(Job job) {
            }
        });
    }

    /** A placement that finds nothing, and runs {@code onFirstFind} inside the first look-up of job {@code id}. */
    private static JobPlacement findingNothing(String id, Runnable onFirstFind) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new JobPlacement() {
            @Override
            public void start(Job job, JobRun run) {
                throw new UnsupportedOperationException("this test starts no job");
            }

            @Override
            public boolean sharesJobs() {
                return false;
            }

            @Override
            public boolean restores(StoredJob record) {
                return false;
            }

            @Override
            public Optional<Job> find(String wanted) {
                if (wanted.equals(id) && first.compareAndSet(true, false)) {
                    onFirstFind.run();
                }
                return Optional.empty();
            }
        };
    }

    @Test
    void aJobSavedJustAfterARetryMissedItIsFoundAndItsKeyNotTakenOver() {
        Job first = aJob("job-1");
        KeyedJobs[] keyed = new KeyedJobs[1];
        keyed[0] = new KeyedJobs(archive, store, findingNothing("job-1", () -> { // the first submission ends here
            store.save(first);
            keyed[0].settled("job-1");
        }));
        assertThat(keyed[0].earlierOrClaim(KEY, "job-1")).isEmpty();

        Optional<Job> retry = keyed[0].earlierOrClaim(KEY, "job-2");

        assertThat(retry).contains(first);
    }

    @Test
    void aRetryWaitingForAnotherMembersJobStopsWhenItsThreadIsInterrupted() throws Exception {
        archive.liveElsewhere(claim -> "member-b".equals(claim.member()));
        archive.claimedElsewhere(KEY.key(), new IdempotentSubmission("job-on-b", KEY.requestHash(), "member-b"));
        AtomicInteger claims = new AtomicInteger();
        archive.afterEachClaim(claims::incrementAndGet);
        KeyedJobs keyed = new KeyedJobs(archive, store, findingNothing("none", () -> { }));
        try (ExecutorService retries = Executors.newSingleThreadExecutor()) {
            Future<Optional<Job>> retry = retries.submit(() -> keyed.earlierOrClaim(KEY, "job-2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> claims.get() >= 2); // polling

            retries.shutdownNow();

            Throwable stopped = catchThrowable(() -> retry.get(10, TimeUnit.SECONDS));
            assertThat(stopped).isInstanceOf(ExecutionException.class).cause().isInstanceOf(JobRefusedException.class);
            assertThat(((JobRefusedException) stopped.getCause()).reason()).isEqualTo(JobRefusedException.Reason.SHUTTING_DOWN);
        }
    }
}
