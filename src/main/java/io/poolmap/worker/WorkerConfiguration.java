package io.poolmap.worker;

import io.poolmap.PoolmapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one worker pool, sized by {@code poolmap.workers} (default: the available processors). */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean(destroyMethod = "close")
    WorkerPool workerPool(PoolmapProperties properties) {
        return new WorkerPool(properties.effectiveWorkers());
    }
}
