package io.poolmap.job;

import io.poolmap.MemoryBudget;
import io.poolmap.MemoryProperties;
import io.poolmap.expression.ExpressionLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.poolmap.store.StoreTestConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages import the package-private jobs engine, with its in-memory store. */
@TestConfiguration(proxyBeanMethods = false)
@Import({JobConfiguration.class, JobService.class, JobPlanner.class, JobAdmission.class, JobTimeouts.class,
        JobRetention.class, JobHooks.class, JobShutdown.class, InMemoryJobStore.class, StoreJobArchive.class, JobRestore.class,
        LocalPlacement.class,
        StoreTestConfiguration.class})
@EnableConfigurationProperties({MemoryProperties.class, ExpressionLimits.class})
public class JobEngineTestConfiguration {

    @Bean
    MemoryBudget memoryBudget(MemoryProperties memory) {
        return MemoryBudget.ofHeap(memory.inFlightBytes(Runtime.getRuntime().maxMemory()), memory.pressurePercent());
    }

    @Bean
    JobEngineControl jobEngineControl(InMemoryJobStore store, JobShutdown shutdown) {
        return new JobEngineControl(store, shutdown);
    }
}
