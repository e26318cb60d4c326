package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import org.infinispan.lifecycle.ComponentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.util.unit.DataSize;

/** The store's beans and properties as Spring binds and validates them. */
class StoreConfigurationTest {

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(StoreConfiguration.class);

    @Test
    void theStoreStartsOnlyWhenABeanAsksForItAndStopsWithTheContext() {
        Store[] started = new Store[1];
        runner.withPropertyValues("poolmap.store.path=" + directory).run(context -> {
            assertThat(directory).isEmptyDirectory();
            started[0] = context.getBean(Store.class);
            assertThat(started[0].cacheManager().getStatus()).isEqualTo(ComponentStatus.RUNNING);
            assertThat(directory.resolve(StoreDirectory.MARKER)).exists();
        });
        assertThat(started[0].cacheManager().getStatus()).isEqualTo(ComponentStatus.TERMINATED);
    }

    @Test
    void defaultsAreAStandaloneStoreUnderTheUsersHome() {
        runner.run(context -> {
            StoreProperties store = context.getBean(StoreProperties.class);
            assertThat(store.path()).isEqualTo(Path.of(System.getProperty("user.home"), ".poolmap", "store"));
            assertThat(store.memory()).isEqualTo(DataSize.ofMegabytes(64));
            assertThat(store.syncWrites()).isFalse();
            assertThat(store.minFreeDisk()).isEqualTo(DataSize.ofMegabytes(64));
            ClusterProperties cluster = context.getBean(ClusterProperties.class);
            assertThat(cluster.enabled()).isFalse();
            assertThat(cluster.effectiveMemberName()).isEqualTo("local");
            assertThat(cluster.copies()).isEqualTo(2);
        });
    }

    @Test
    void aClusterBindsItsAddressesFromText() {
        runner.withPropertyValues("poolmap.cluster.enabled=true", "poolmap.cluster.bind=127.0.0.1:7800",
                "poolmap.cluster.members=127.0.0.1:7800, poolmap-2:7800,[::1]:7801").run(context -> {
            ClusterProperties cluster = context.getBean(ClusterProperties.class);
            assertThat(cluster.bind()).isEqualTo(new HostPort("127.0.0.1", 7800));
            assertThat(cluster.members()).containsExactly(new HostPort("127.0.0.1", 7800), new HostPort("poolmap-2", 7800),
                    new HostPort("::1", 7801));
            assertThat(cluster.effectiveMemberName()).isEqualTo("127.0.0.1:7800");
        });
    }

    @Test
    void aClusterWithoutABindAddressStopsTheStartNamingTheProperty() {
        assertStartFails(runner.withPropertyValues("poolmap.cluster.enabled=true", "poolmap.cluster.members=127.0.0.1:7800"),
                "poolmap.cluster.bind is required");
    }

    @Test
    void aClusterWithNeitherOrBothDiscoveriesStopsTheStart() {
        assertStartFails(runner.withPropertyValues("poolmap.cluster.enabled=true", "poolmap.cluster.bind=127.0.0.1:7800"),
                "exactly one of poolmap.cluster.members");
        assertStartFails(runner.withPropertyValues("poolmap.cluster.enabled=true", "poolmap.cluster.bind=127.0.0.1:7800",
                "poolmap.cluster.members=127.0.0.1:7800", "poolmap.cluster.dns-query=poolmap.default.svc"), "exactly one of poolmap.cluster.members");
    }

    @Test
    void malformedAddressesStopTheStartNamingTheProperty() {
        assertStartFails(runner.withPropertyValues("poolmap.cluster.bind=127.0.0.1"), "poolmap.cluster.bind");
        assertStartFails(runner.withPropertyValues("poolmap.cluster.members=a:1,b:70000"), "poolmap.cluster.members");
        assertStartFails(runner.withPropertyValues("poolmap.cluster.bind=::1:7800"), "poolmap.cluster.bind");
    }

    @Test
    void outOfRangeValuesStopTheStartNamingTheProperty() {
        assertStartFails(runner.withPropertyValues("poolmap.cluster.bind=127.0.0.1:65500"), "poolmap.cluster.bind's port must be at most 65435");
        assertStartFails(runner.withPropertyValues("poolmap.cluster.failure-timeout=100ms"), "poolmap.cluster.failure-timeout");
        assertStartFails(runner.withPropertyValues("poolmap.cluster.member-name=a/b"), "poolmap.cluster.member-name");
        assertStartFails(runner.withPropertyValues("poolmap.store.memory=10KB"), "poolmap.store.memory");
        assertStartFails(runner.withPropertyValues("poolmap.store.min-free-disk=-1MB"), "poolmap.store.min-free-disk");
        assertStartFails(runner.withPropertyValues("poolmap.cluster.copies=0"), "poolmap.cluster.copies must be at least 1");
    }

    private static void assertStartFails(ApplicationContextRunner runner, String message) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(message);
        });
    }
}
