package io.poolmap.actuator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import io.poolmap.store.TestCluster;
import io.poolmap.worker.PlatformWorkerPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of a cluster of two members in one JVM: health names the members and says this one is in the
 * view; {@code /actuator/workers?scope=cluster} shows every member's workers, named {@code member/worker-k}; each
 * member counts the segments it computed again. The two members are shared by the tests; the one that stops a member
 * runs last.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterObservabilityTest {

    @TempDir
    static Path root;

    private static TestCluster cluster;
    private static final List<PlatformWorkerPool> pools = new java.util.ArrayList<>();
    private static final List<ClusterWorkerReports> reports = new java.util.ArrayList<>();

    @BeforeAll
    static void startTwoMembers() {
        cluster = TestCluster.start(root, 2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        reports.forEach(ClusterWorkerReports::close);
        for (PlatformWorkerPool pool : pools) {
            pool.close();
        }
        cluster.close();
    }

    @Test
    @Order(2)
    void healthNamesTheMembersAndSaysThisOneIsInTheViewUntilItLeaves() {
        ClusterHealthIndicator first = new ClusterHealthIndicator(cluster.member(0), properties(0));
        ClusterHealthIndicator second = new ClusterHealthIndicator(cluster.member(1), properties(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(first.health().getDetails().get("size")).isEqualTo(2));
        assertThat(first.health().getStatus()).isEqualTo(Status.UP);
        assertThat(first.health().getDetails()).containsEntry("member", cluster.name(0)).containsEntry("inView", true)
                .containsEntry("members", List.of(cluster.name(0), cluster.name(1))).containsEntry("configuredMembers", 2);

        cluster.stop(1);

        assertThat(second.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(second.health().getDetails()).containsEntry("inView", false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(first.health().getDetails().get("members"))
                .isEqualTo(List.of(cluster.name(0))));
    }

    @Test
    @Order(1)
    void theClusterScopeShowsEveryMembersWorkersUnderTheirMembersName() {
        WorkersEndpoint endpoint = null;
        for (int member = 0; member < 2; member++) {
            PlatformWorkerPool pool = PlatformWorkerPool.start(member + 1, cluster.name(member) + "/");
            pools.add(pool);
            ClusterWorkerReports report = new ClusterWorkerReports(cluster.member(member), pool.statistics());
            reports.add(report);
            if (member == 0) {
                StaticListableBeanFactory beans = new StaticListableBeanFactory();
                beans.addBean("reports", report);
                endpoint = new WorkersEndpoint(pool.statistics(), properties(0), beans.getBeanProvider(ClusterWorkerReports.class));
            }
        }
        WorkersEndpoint first = endpoint;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            WorkersEndpoint.ClusterReport report = (WorkersEndpoint.ClusterReport) first.workers("cluster");
            assertThat(report.members()).extracting(WorkersEndpoint.MemberReport::member).containsExactly(cluster.name(0), cluster.name(1));
            assertThat(report.poolSize()).isEqualTo(3);
        });
        WorkersEndpoint.ClusterReport report = (WorkersEndpoint.ClusterReport) first.workers("cluster");
        assertThat(report.members().getFirst().self()).isTrue();
        assertThat(report.members().get(1).workers()).extracting(WorkersEndpoint.WorkerReport::name)
                .containsExactly(cluster.name(1) + "/worker-1", cluster.name(1) + "/worker-2");
        assertThat(((WorkersEndpoint.WorkersReport) first.workers(null)).workers()).extracting(WorkersEndpoint.WorkerReport::name)
                .containsExactly(cluster.name(0) + "/worker-1");
        assertThatThrownBy(() -> first.workers("everyone")).isInstanceOf(InvalidEndpointRequestException.class);
    }

    @Test
    @Order(1)
    void aMemberCountsTheSegmentsItComputedAgainFromZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClusterMeters meters = new ClusterMeters();
        meters.bindTo(registry);
        assertThat(registry.get("poolmap.segments.rerun").counter().count()).isZero();

        meters.segmentRerun();
        meters.segmentRerun();

        assertThat(registry.get("poolmap.segments.rerun").counter().count()).isEqualTo(2);
    }

    private ClusterProperties properties(int member) {
        List<HostPort> members = List.of(HostPort.of(cluster.name(0)), HostPort.of(cluster.name(1)));
        return ClusterProperties.staticMembers(HostPort.of(cluster.name(member)), members, TestCluster.FAILURE_TIMEOUT);
    }
}
