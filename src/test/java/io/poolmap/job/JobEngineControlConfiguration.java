package io.poolmap.job;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Lets a test of the whole application shut its jobs engine down, as {@link JobEngineTestConfiguration} does for slices. */
@TestConfiguration(proxyBeanMethods = false)
public class JobEngineControlConfiguration {

    @Bean
    JobEngineControl jobEngineControl(InMemoryJobStore store, JobShutdown shutdown) {
        return new JobEngineControl(store, shutdown);
    }
}
