package io.poolmap.worker;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.poolmap.PoolmapProperties;
import io.poolmap.cluster.ClusterProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one worker pool, sized by {@code poolmap.workers} (default: the available processors), and its statistics; its
 * workers are {@code worker-k} on a single node and {@code member/worker-k} in a cluster.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class WorkerConfiguration {

    @Bean(destroyMethod = "close")
    PlatformWorkerPool workerPool(PoolmapProperties properties, ClusterProperties cluster) {
        return PlatformWorkerPool.start(properties.effectiveWorkers(), cluster.enabled() ? cluster.effectiveMemberName() + "/" : "");
    }

    @Bean
    WorkerStatistics workerStatistics(PlatformWorkerPool pool) {
        return pool.statistics();
    }

    /** Micrometer's {@code executor_*} meters for the CPU workers' queue of lanes, named {@code poolmap.workers}. */
    @Bean
    MeterBinder workerExecutorMetrics(PlatformWorkerPool pool) {
        return new ExecutorServiceMetrics(pool.cpuExecutor(), "poolmap.workers", Tags.empty());
    }
}
