package io.poolmap.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.OperationKind;
import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusals that happen before a job exists, and what a plan says; through the engine, so that nothing is admitted. */
class JobPlannerTest extends JobEngineTestSupport {

    /** {@code test_counting_double}: 2x for longs, accepting every long with 3 result digits at most, counting checks. */
    private static final class CountingDouble extends TestOperations.TestOperation {

        private final AtomicInteger checks = new AtomicInteger();

        CountingDouble() {
            super("test_counting_double", OperationKind.CPU, 10);
        }

        @Override
        public Optional<String> refusal(Numbers numbers, int i) {
            checks.incrementAndGet();
            return numbers.kind(i) == Numbers.Kind.LONG ? Optional.empty() : Optional.of("test_counting_double needs a long");
        }

        @Override
        public OptionalLong resultDigitsOfAnyLong() {
            return OptionalLong.of(3);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            out.setLong(i, 2 * in.longAt(i));
        }
    }

    private JobService startWith(CountingDouble counting, PoolmapProperties properties) {
        return startWith(List.of(counting), properties, List.of(listener));
    }

    @Test
    void aBatchOfLongsThatTheOperationAcceptsWholeIsNotCheckedItemByItem() throws InterruptedException {
        CountingDouble counting = new CountingDouble();
        JobService service = startWith(counting, aPoolmapProperties().maxResultDigits(300).build());

        Job job = finished(service.submit(aSubmission().operation("test_counting_double").range(100).build()));

        assertThat(counting.checks.get()).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aBatchOfLongsWhoseBoundPassesTheLimitOnResultDigitsIsCheckedItemByItem() {
        CountingDouble counting = new CountingDouble();
        JobService service = startWith(counting, aPoolmapProperties().maxResultDigits(299).build());

        assertThatThrownBy(() -> service.submit(aSubmission().operation("test_counting_double").range(100).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.RESULTS_TOO_LARGE);
                    assertThat(refused.limit()).isEqualTo(299L);
                    assertThat(refused.field()).isEqualTo("numbers");
                });
        assertThat(counting.checks.get()).isEqualTo(100);
    }

    @Test
    void aBatchWithOneItemThatIsNotALongIsCheckedItemByItem() {
        CountingDouble counting = new CountingDouble();
        JobService service = startWith(counting, aPoolmapProperties().build());
        Numbers mixed = Numbers.builder().add(1L).add(2.5).add(3L).build();

        assertThatThrownBy(() -> service.submit(aSubmission().operation("test_counting_double").numbers(mixed).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> assertThat(refused.index()).isEqualTo(1));
        assertThat(counting.checks.get()).isEqualTo(2);
    }

    @Test
    void anItemOutsideTheDomainIsRefusedNamingItAndNoJobIsCreated() {
        JobService service = jobs();

        assertThatThrownBy(() -> service.submit(aSubmission().operation("test_domain").numbers(1, 2, -3, 4).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.OUTSIDE_DOMAIN);
                    assertThat(refused.getMessage()).contains("numbers[2] = -3", "test_domain needs a number ≥ 0");
                    assertThat(refused.index()).isEqualTo(2);
                    assertThat(refused.value()).isEqualTo(-3L);
                    assertThat(refused.field()).isEqualTo("numbers");
                });
        assertThat(service.list(null, 0, 10)).isEmpty();
        assertThat(service.count(null)).isZero();
        assertThat(queuedItems()).isZero();
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void anUnknownOperationIsRefusedListingTheKnownOnes() {
        JobService service = jobs();

        assertThatThrownBy(() -> service.submit(aSubmission().operation("test_triple").build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.UNKNOWN_OPERATION);
                    assertThat(refused.getMessage()).contains("'test_triple'",
                            "test_blocking, test_cheap_blocking, test_domain, test_double, test_erroring, test_failing, test_sleep");
                    assertThat(refused.field()).isEqualTo("operation");
                    assertThat(refused.operations()).containsExactly("test_blocking", "test_cheap_blocking", "test_domain",
                            "test_double", "test_erroring", "test_failing", "test_sleep");
                });
        assertThat(service.count(null)).isZero();
    }

    @Test
    void aTimeoutAboveTheMaximumIsRefused() {
        JobService service = start(aPoolmapProperties().maxTimeout(Duration.ofSeconds(10)).build());

        assertThatThrownBy(() -> service.submit(aSubmission().timeoutMs(10_001L).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.INVALID_OPTION);
                    assertThat(refused.field()).isEqualTo("timeoutMs");
                    assertThat(refused.getMessage()).contains("poolmap.max-timeout");
                });
        assertThat(service.count(null)).isZero();
    }

    @Test
    void aPlanSaysWhereItsJobRuns() {
        JobService service = start(aPoolmapProperties().tinyJobLimit(Duration.ofMillis(1)).build());
        gate.open();

        assertThat(service.submit(aSubmission().numbers(1).build()).plan().execution()).isEqualTo(JobPlan.Execution.TINY);
        assertThat(service.submit(aSubmission().range(1_000).build()).plan().execution()).isEqualTo(JobPlan.Execution.WORKERS);
        assertThat(service.submit(aSubmission().operation("test_sleep").numbers(0).build()).plan().execution())
                .isEqualTo(JobPlan.Execution.IO_LANES);
    }
}
