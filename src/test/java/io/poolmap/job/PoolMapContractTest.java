package io.poolmap.job;

import java.util.List;
import java.util.stream.IntStream;

import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.operation.Numbers;
import io.poolmap.testing.Generator;
import io.poolmap.testing.Generators;
import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static io.poolmap.testing.ForAll.forAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Pool.map's contract: whatever the chunk size and parallelism, the results are the sequential map's, in order. */
class PoolMapContractTest extends JobEngineTestSupport {

    /** A batch with a chunk size and a parallelism, each null (the default) one time in five. */
    private record Mapping(List<Long> numbers, Integer chunkSize, Integer parallelism) {
    }

    @Test
    void resultsEqualTheSequentialMapWhateverTheChunkSizeAndParallelism() {
        JobService service = startWith(List.of(new TestDouble()), aPoolmapProperties().build(), List.of());
        Generator<List<Long>> batches = Generators.longs().lists(1, 300);
        Generator<Integer> chunkSizes = Generators.ints(1, 400).orNull(0.2);
        Generator<Integer> parallelisms = Generators.ints(1, 8).orNull(0.2);
        forAll(200, random -> new Mapping(batches.next(random), chunkSizes.next(random), parallelisms.next(random)),
                mapping -> mapsAsSequentially(service, mapping.numbers(), mapping.chunkSize(), mapping.parallelism()));
    }

    private void mapsAsSequentially(JobService service, List<Long> numbers, Integer chunkSize, Integer parallelism)
            throws InterruptedException {
        Numbers input = Numbers.ofLongs(numbers.stream().mapToLong(Long::longValue).toArray());
        Numbers sequential = Numbers.forResults(input.size());
        TestDouble operation = new TestDouble();
        for (int i = 0; i < input.size(); i++) {
            operation.apply(input, i, sequential);
        }

        Job job = finished(service.submit(aSubmission().numbers(input).chunkSize(chunkSize).parallelism(parallelism).build()));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        Numbers results = results(job);
        assertThat(IntStream.range(0, input.size()).mapToObj(results::valueAt).toList())
                .containsExactlyElementsOf(IntStream.range(0, input.size()).mapToObj(sequential::valueAt).toList());
        assertThat(itemsComputed(job)).isEqualTo(numbers.size());
        assertThat(queuedItems()).isZero();
    }
}
