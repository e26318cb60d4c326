package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.poolmap.operation.builtin.OperationLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class PoolmapPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PoolmapProperties.class, OperationLimits.class})
    static class Properties {
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            PoolmapProperties properties = context.getBean(PoolmapProperties.class);
            assertThat(properties.workers()).isZero();
            assertThat(properties.effectiveWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(properties.maxBatchSize()).isEqualTo(1_000_000);
            assertThat(properties.maxDigits()).isEqualTo(1000);
            assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(16));
            assertThat(properties.queueCapacity()).isEqualTo(4_000_000);
            assertThat(properties.syncWait()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.retention()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.tinyJobLimit()).isEqualTo(Duration.ofNanos(50_000));
            assertThat(context.getBean(OperationLimits.class).factorialMax()).isEqualTo(2000);
        });
    }

    @Test
    void aPlainNumberOfBytesIsARequestSize() {
        runner.withPropertyValues("poolmap.max-request-size=2048")
                .run(context -> assertThat(context.getBean(PoolmapProperties.class).maxRequestSize().toBytes()).isEqualTo(2048));
    }

    @Test
    void aQueueSmallerThanTheLargestBatchStopsTheStartNamingBothProperties() {
        runner.withPropertyValues("poolmap.queue-capacity=10", "poolmap.max-batch-size=100").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message()
                    .contains("poolmap.queue-capacity").contains("poolmap.max-batch-size");
        });
    }

    @Test
    void aNegativeWorkerCountStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("poolmap.workers=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("workers");
        });
    }

    @Test
    void aZeroSyncWaitStopsTheStart() {
        runner.withPropertyValues("poolmap.sync-wait=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("poolmap.sync-wait");
        });
    }

    @Test
    void aNegativeTinyJobLimitStopsTheStartNamingIt() {
        runner.withPropertyValues("poolmap.tiny-job-limit=-1ms").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("poolmap.tiny-job-limit");
        });
    }

    @Test
    void anOperationLimitOutOfRangeStopsTheStartNamingIt() {
        runner.withPropertyValues("poolmap.operations.factorial-max=-5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("factorialMax");
        });
    }
}
