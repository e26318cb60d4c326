package io.poolmap.job;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.LongStream;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.Test;

/**
 * A job of an expression through the real engine: compiled once in the planner, refused before it exists when it
 * cannot be compiled, computed on the named workers like an operation, and failed naming the item and Python's
 * exception when an item has no value.
 */
class ExpressionJobsTest extends JobEngineTestSupport {

    private static JobSubmission expression(String source, Numbers numbers) {
        return new JobSubmission(null, source, numbers, null, null, null);
    }

    private JobRefusedException refusal(JobSubmission submission) {
        JobRefusedException refused = catchThrowableOfType(JobRefusedException.class, () -> jobs().submit(submission));
        assertThat(refused).as("refused").isNotNull();
        assertThat(jobs().count(null)).as("no job exists").isZero();
        assertThat(queuedItems()).isZero();
        return refused;
    }

    @Test
    void anExpressionIsComputedForEachItemExactlyAndTheJobReportsIt() throws InterruptedException {
        Numbers numbers = Numbers.builder().add(-2).add(0).add(1.5).add(new BigInteger("100000000000000000000"))
                .add(3037000500L).build();

        Job job = finished(jobs().submit(expression("x**2 + 3*x + 1", numbers)));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        Numbers results = results(job);
        assertThat(List.of(results.valueAt(0), results.valueAt(1), results.valueAt(2), results.valueAt(3), results.valueAt(4)))
                .containsExactly(-1L, 1L, 7.75, new BigInteger("10000000000000000000300000000000000000001"),
                        new BigInteger("9223372046111251501"));
        assertThat(job.expression()).isEqualTo("x**2 + 3*x + 1");
        assertThat(job.operationName()).as("the bounded name in meters and logs").isEqualTo("expression");
        assertThat(job.itemsByWorker().keySet()).allMatch(worker -> worker.matches("worker-\\d+"));
        assertThat(listener.events()).contains("submitted:expression", "finished:expression:SUCCEEDED");
    }

    @Test
    void aLargeBatchRunsInChunksOnTheWorkersAndEveryItemIsCounted() throws InterruptedException {
        long[] inputs = LongStream.rangeClosed(1, 100_000).toArray();

        Job job = finished(jobs().submit(new JobSubmission(null, "x*x", Numbers.ofLongs(inputs), null, 1000, null)));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(longs(results(job))).isEqualTo(LongStream.rangeClosed(1, 100_000).map(x -> x * x).toArray());
        assertThat(itemsComputed(job)).isEqualTo(100_000);
        eventually().untilAsserted(() -> assertThat(workers().workers().stream().mapToLong(worker -> worker.itemsCompleted()).sum())
                .as("counted by the workers as any operation's items").isEqualTo(100_000));
    }

    @Test
    void anOperationAndAnExpressionTogetherAreRefusedPointingAtTheExpression() {
        JobRefusedException refused = refusal(new JobSubmission("test_double", "x + 1", Numbers.ofLongs(1), null, null, null));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.INVALID_OPTION);
        assertThat(refused.field()).isEqualTo("expression");
        assertThat(refused.getMessage()).isEqualTo("a job names an 'operation' or gives an 'expression', not both");
    }

    @Test
    void neitherAnOperationNorAnExpressionIsRefusedPointingAtTheOperation() {
        JobRefusedException refused = refusal(new JobSubmission(null, null, Numbers.ofLongs(1), null, null, null));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.INVALID_OPTION);
        assertThat(refused.field()).isEqualTo("operation");
    }

    @Test
    void anExpressionThatDoesNotCompileIsRefusedBeforeAJobExistsSayingWhere() {
        JobRefusedException refused = refusal(expression("x ** * 2", Numbers.ofLongs(1, 2)));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.INVALID_EXPRESSION);
        assertThat(refused.field()).isEqualTo("expression");
        assertThat(refused.syntaxError().column()).isEqualTo(5);
        assertThat(refused.getMessage()).isEqualTo("""
                unexpected '*' (column 5)
                    x ** * 2
                         ^""");
        assertThat(refusal(expression("y + 1", Numbers.ofLongs(1))).reason())
                .isEqualTo(JobRefusedException.Reason.INVALID_EXPRESSION);
    }

    @Test
    void anItemWithoutAValueFailsTheJobNamingTheItemAndPythonsException() throws InterruptedException {
        Job job = finished(jobs().submit(new JobSubmission(null, "1 / x", Numbers.ofLongs(1, 2, 0, 4), 1, null, null)));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().index()).isEqualTo(2);
        assertThat(job.error().value()).isEqualTo(0L);
        assertThat(job.error().exception()).isEqualTo("ZeroDivisionError");
        assertThat(job.error().detail()).isEqualTo("numbers[2] = 0: ZeroDivisionError: division by zero");
        assertThat(job.completed()).as("the items before it").isEqualTo(2);
    }

    @Test
    void anItemPastTheCostLimitsFailsWithLimitError() throws InterruptedException {
        Job job = finished(jobs().submit(expression("10**x", Numbers.ofLongs(3, 20_000))));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().index()).isEqualTo(1);
        assertThat(job.error().exception()).isEqualTo("LimitError");
    }

    @Test
    void resultsThatWouldPassTheLimitOnResultDigitsAreRefusedBeforeTheJobExists() {
        start(aPoolmapProperties().maxResultDigits(1000).build());
        long[] large = LongStream.range(0, 20).map(k -> Long.MAX_VALUE - k).toArray();

        JobRefusedException refused = refusal(expression("x**3", Numbers.ofLongs(large)));

        assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.RESULTS_TOO_LARGE);
        assertThat(refused.getMessage()).startsWith("the results of the expression over this batch would have about 1140 digits");
        assertThat(jobs().submit(expression("x**3", Numbers.ofLongs(LongStream.range(0, 20).toArray())))).isNotNull();
    }
}
