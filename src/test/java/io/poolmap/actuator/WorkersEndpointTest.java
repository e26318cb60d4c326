package io.poolmap.actuator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkersEndpointTest extends ActuatorTestSupport {

    @Test
    void everyWorkerIsReportedInNameOrderWithItsStateJobAndUtilizationWindows() {
        start(1_000);
        WorkersEndpoint endpoint = new WorkersEndpoint(engine.pool().statistics(), io.poolmap.cluster.ClusterProperties.standalone(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(ClusterWorkerReports.class));
        String id = engine.jobs().submit(aSubmission().operation("test_blocking").numbers(1).build()).id();
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.entered() == 1);

        WorkersEndpoint.WorkersReport report = endpoint.workers();

        assertThat(report.poolSize()).isEqualTo(2);
        assertThat(report.workers()).extracting(WorkersEndpoint.WorkerReport::name).containsExactly("worker-1", "worker-2");
        assertThat(report.workers()).filteredOn(worker -> worker.state().equals("BUSY")).singleElement()
                .satisfies(worker -> assertThat(worker.currentJob()).isEqualTo(id));
        assertThat(report.workers()).allSatisfy(worker -> assertThat(worker.utilization()).containsOnlyKeys("1m", "5m", "15m"));
    }

    @Test
    void aSingleNodesClusterScopeIsAClusterOfOneWithItsOwnWorkers() {
        start(1_000);
        WorkersEndpoint endpoint = new WorkersEndpoint(engine.pool().statistics(), io.poolmap.cluster.ClusterProperties.standalone(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(ClusterWorkerReports.class));

        WorkersEndpoint.ClusterReport report = (WorkersEndpoint.ClusterReport) endpoint.workers("cluster");

        assertThat(report.poolSize()).isEqualTo(2);
        assertThat(report.members()).singleElement().satisfies(member -> {
            assertThat(member.member()).isEqualTo("local");
            assertThat(member.self()).isTrue();
            assertThat(member.workers()).extracting(WorkersEndpoint.WorkerReport::name).containsExactly("worker-1", "worker-2");
        });
        assertThat(endpoint.workers("member")).isEqualTo(endpoint.workers());
    }
}
