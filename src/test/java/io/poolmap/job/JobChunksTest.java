package io.poolmap.job;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Job#chunks}: what a reader that streams results sees of a job's chunks while it runs and after it ended. */
class JobChunksTest extends JobEngineTestSupport {

    @Test
    void aRunningJobShowsTheChunksHandedOutWithTheItemsEachHasComputed() {
        Job job = jobs().submit(aSubmission().operation("test_blocking").range(6).chunkSize(2).parallelism(1).build());
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));

        gate.allow(3);

        eventually().untilAsserted(() -> assertThat(job.completed()).isEqualTo(3));
        List<ChunkProgress> chunks = job.chunks(0, 10);
        assertThat(chunks.getFirst().from()).isZero();
        for (ChunkProgress chunk : chunks) {
            assertThat(chunk.to()).as("chunks are at most chunkSize items (and adapt below it)").isLessThanOrEqualTo(chunk.from() + 2);
            assertThat(chunk.computedTo()).as("items 0, 1, 2 computed, in order").isEqualTo(Math.min(chunk.to(), Math.max(chunk.from(), 3)));
        }
        assertThat(chunks.stream().mapToInt(ChunkProgress::computed).sum()).isEqualTo(3);
        assertThat(job.chunks(1, 10)).isEqualTo(chunks.subList(1, chunks.size()));
        assertThat(job.chunks(0, 1)).containsExactly(chunks.getFirst());
        assertThat(job.chunks(chunks.size(), 10)).as("chunks not handed out yet").isEmpty();
    }

    @Test
    void anEndedJobsChunksNeverChangeAgain() throws InterruptedException {
        Job job = jobs().submit(aSubmission().operation("test_blocking").range(4).chunkSize(2).parallelism(1).build());
        gate.allow(1);
        eventually().untilAsserted(() -> assertThat(job.completed()).isEqualTo(1));

        job.cancel("by the test");
        List<ChunkProgress> atTheEnd = job.chunks(0, 10);
        gate.open();
        finished(job);

        assertThat(atTheEnd).first().isEqualTo(new ChunkProgress(0, 0, atTheEnd.getFirst().to(), 1));
        assertThat(atTheEnd.stream().mapToInt(ChunkProgress::computed).sum()).isEqualTo(1);
        throughout(A_WHILE).untilAsserted(() -> assertThat(job.chunks(0, 10)).isEqualTo(atTheEnd));
    }

    @Test
    void aSucceededJobShowsEveryItemComputedAcrossItsChunks() throws InterruptedException {
        Job job = finished(jobs().submit(aSubmission().range(1_000).chunkSize(7).build()));

        List<ChunkProgress> chunks = job.chunks(0, Integer.MAX_VALUE);

        assertThat(chunks).isNotEmpty().allMatch(ChunkProgress::complete);
        assertThat(chunks.getFirst().from()).isZero();
        assertThat(chunks.getLast().to()).isEqualTo(1_000);
        for (int c = 1; c < chunks.size(); c++) {
            assertThat(chunks.get(c).from()).as("chunk %d starts where chunk %d ends", c, c - 1).isEqualTo(chunks.get(c - 1).to());
        }
    }

    @Test
    void aNegativeCursorOrCountIsRefused() {
        Job job = jobs().submit(aSubmission().build());

        assertThatThrownBy(() -> job.chunks(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> job.chunks(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
