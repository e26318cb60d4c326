package io.poolmap.actuator;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkerMeterBinderTest extends ActuatorTestSupport {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void eachWorkerHasItsBusySecondsItemsAndUtilizationTaggedByNameOnly() throws InterruptedException {
        start(1_000);
        new WorkerMeterBinder(engine.pool().statistics(), engine.admission()).bindTo(registry);
        gate.open();

        engine.jobs().submit(aSubmission().range(200).chunkSize(10).build()).await(Duration.ofSeconds(5));

        for (String worker : new String[] {"worker-1", "worker-2"}) {
            FunctionCounter busy = registry.get("poolmap.worker.busy").tag("worker", worker).functionCounter();
            assertThat(busy.getId().getBaseUnit()).isEqualTo("seconds");
            assertThat(busy.getId().getTags()).hasSize(1);
            assertThat(registry.get("poolmap.worker.items").tag("worker", worker).functionCounter().getId().getBaseUnit()).isEqualTo("items");
            assertThat(registry.get("poolmap.worker.utilization").tag("worker", worker).gauge().value()).isBetween(0.0, 1.0);
        }
        // a worker counts a chunk's items when the chunk ends, a moment after the job has
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("poolmap.worker.items").functionCounters().stream()
                .mapToDouble(FunctionCounter::count).sum() == 200);
    }

    @Test
    void theQueueGaugesFollowAdmission() {
        start(50);
        new WorkerMeterBinder(engine.pool().statistics(), engine.admission()).bindTo(registry);
        engine.jobs().submit(aSubmission().operation("test_blocking").range(8).parallelism(1).build());

        Gauge queued = registry.get("poolmap.queue.items").gauge();
        assertThat(queued.value()).isEqualTo(8);
        assertThat(registry.get("poolmap.queue.capacity").gauge().value()).isEqualTo(50);
        gate.open();
        await().atMost(Duration.ofSeconds(5)).until(() -> queued.value() == 0);
    }

    @Test
    void busySecondsRiseBetweenTwoScrapesWhileAChunkRuns() {
        start(1_000);
        new WorkerMeterBinder(engine.pool().statistics(), engine.admission()).bindTo(registry);
        engine.jobs().submit(aSubmission().operation("test_blocking").numbers(1).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.entered() == 1);

        double first = busySeconds();
        await().atMost(Duration.ofSeconds(5)).until(() -> busySeconds() > first);
    }

    private double busySeconds() {
        return registry.get("poolmap.worker.busy").functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
    }
}
