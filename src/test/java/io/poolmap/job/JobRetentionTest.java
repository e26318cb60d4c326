package io.poolmap.job;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention: finished jobs are forgotten, the oldest first, as soon as a limit is passed; running ones never. */
class JobRetentionTest extends JobEngineTestSupport {

    @Test
    void maxRetainedJobsKeepsOnlyTheNewestFinishedJobsFromTheMomentOneMoreFinishes() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxRetainedJobs(3).build());
        Job unfinished = service.submit(aSubmission().operation("test_blocking").numbers(1).build());
        List<String> finishedIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMillis(1));
            finishedIds.add(finished(service.submit(aSubmission().build())).id());
            assertThat(engine.store().finishedJobs()).as("after job %d", i).isLessThanOrEqualTo(3);
        }

        assertThat(service.count(null)).isEqualTo(4);
        assertThat(service.list(null, 0, 10)).extracting(Job::id)
                .containsExactly(finishedIds.get(4), finishedIds.get(3), finishedIds.get(2), unfinished.id());
        assertThatThrownBy(() -> service.find(finishedIds.get(0))).isInstanceOf(JobNotFoundException.class);
        assertThat(service.find(unfinished.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void maxRetainedItemsForgetsTheOldestFinishedJobsOnceTheirItemsExceedIt() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxRetainedItems(250).build());
        Job unfinished = service.submit(aSubmission().operation("test_blocking").range(500).parallelism(1).build());
        List<String> finishedIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMillis(1));
            finishedIds.add(finished(service.submit(aSubmission().range(100).build())).id());
            assertThat(engine.store().finishedItems()).as("after job %d", i).isLessThanOrEqualTo(250);
        }

        assertThat(service.list(null, 0, 10)).extracting(Job::id)
                .containsExactly(finishedIds.get(3), finishedIds.get(2), unfinished.id());
    }

    @Test
    void finishedJobsAreForgottenAfterTheRetentionButUnfinishedOnesAreKept() throws InterruptedException {
        JobService service = start(aPoolmapProperties().retention(Duration.ofSeconds(4)).build());
        Job unfinished = service.submit(aSubmission().operation("test_blocking").numbers(1).build());
        Job old = finished(service.submit(aSubmission().build()));
        clock.advance(Duration.ofSeconds(5));
        Job recent = finished(service.submit(aSubmission().build()));

        engine.retention().sweep();

        assertThat(service.count(null)).isEqualTo(2);
        assertThat(service.list(null, 0, 10)).containsExactly(recent, unfinished);
        assertThatThrownBy(() -> service.find(old.id())).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void theSweepRunsByItselfOnTheScheduler() throws InterruptedException {
        JobService service = start(aPoolmapProperties().retention(Duration.ofSeconds(4)).build());
        Job old = finished(service.submit(aSubmission().build()));
        clock.advance(Duration.ofSeconds(5));

        eventually().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(service.count(null)).isZero());
        assertThatThrownBy(() -> service.find(old.id())).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void aSucceededJobIsNotHeldInMemoryOnceItIsForgotten() throws InterruptedException {
        JobService service = start(aPoolmapProperties().maxRetainedJobs(0).build());

        WeakReference<Job> job = submitAndForget(service, aSubmission().range(100_000).build());

        assertThat(service.count(null)).isZero();
        eventually().untilAsserted(() -> {
            System.gc();
            assertThat(job.get()).as("the succeeded job, once evicted").isNull();
        });
    }

    private static WeakReference<Job> submitAndForget(JobService service, JobSubmission submission) throws InterruptedException {
        Job job = finished(service.submit(submission));
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        return new WeakReference<>(job);
    }
}
