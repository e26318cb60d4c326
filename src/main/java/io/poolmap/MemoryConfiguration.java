package io.poolmap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link MemoryBudget} of the process, sized from {@code poolmap.memory.*} and the maximum heap. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemoryProperties.class)
class MemoryConfiguration {

    @Bean
    MemoryBudget memoryBudget(MemoryProperties memory) {
        return MemoryBudget.ofHeap(memory.inFlightBytes(Runtime.getRuntime().maxMemory()), memory.pressurePercent());
    }
}
