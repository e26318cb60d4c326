package io.poolmap.job;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.MemoryBudget;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.builtin.BuiltInOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admission that sees the heap: a job whose inputs and results would not fit is refused up front, never later. */
class JobMemoryTest {

    private final Gate gate = new Gate();
    private final AtomicInteger usedAfterCollection = new AtomicInteger(10);
    private final MemoryBudget memory = new MemoryBudget(2_000_000, 90, usedAfterCollection::get);
    private final RecordingJobListener listener = new RecordingJobListener();
    private final TestJobEngine engine = TestJobEngine.start(aPoolmapProperties().queueCapacity(1_000_000).build(), TestOperations.all(gate),
            List.of(listener), Clock.systemUTC(), memory);

    @AfterEach
    void stop() throws InterruptedException {
        gate.open();
        engine.close();
    }

    @Test
    void aJobWhoseInputsAndResultsDoNotFitTheHeapLeftIsRefusedAtOnce() throws InterruptedException {
        Job held = engine.jobs().submit(aSubmission().operation("test_blocking").range(60_000).parallelism(1).build());
        long heldBytes = memory.reserved();
        assertThat(heldBytes).isBetween(60_000L * 17, 60_000L * 40);

        assertThatThrownBy(() -> engine.jobs().submit(aSubmission().range(60_000).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.MEMORY_FULL);
                    assertThat(refused.getMessage()).contains("poolmap.memory.in-flight", "retry later");
                });
        assertThat(engine.jobs().count(null)).isEqualTo(1);
        assertThat(engine.admission().queuedItems()).isEqualTo(60_000);
        assertThat(listener.events()).contains("rejected:memory");

        gate.open();
        held.await(java.time.Duration.ofSeconds(10));
        org.awaitility.Awaitility.await().until(() -> memory.reserved() == 0);
        assertThat(engine.jobs().submit(aSubmission().range(60_000).build()).await(java.time.Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void underPressureEveryNewJobIsRefusedUntilTheHeapRecovers() {
        usedAfterCollection.set(95);

        assertThatThrownBy(() -> engine.jobs().submit(aSubmission().numbers(1).build()))
                .isInstanceOfSatisfying(JobRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(JobRefusedException.Reason.MEMORY_FULL);
                    assertThat(refused.getMessage()).contains("poolmap.memory.pressure-percent");
                });

        usedAfterCollection.set(50);
        assertThat(engine.jobs().submit(aSubmission().numbers(1).build())).isNotNull();
    }

    @Test
    void theEstimateCountsTheInputsExactlyAndTheResultsThatOutgrowALong() {
        var square = BuiltInOperations.all().stream().filter(op -> op.name().equals("square")).findFirst().orElseThrow();
        long small = MemoryEstimate.of(square, Numbers.ofLongs(new long[100_000]));
        long[] big = new long[100_000];
        java.util.Arrays.fill(big, 4_000_000_000L);
        long large = MemoryEstimate.of(square, Numbers.ofLongs(big));

        assertThat(small).isBetween(100_000L * 17, 100_000L * 18);
        assertThat(large).as("squares beyond a long are big integers").isGreaterThan(small + 100_000L * 50);
    }
}
