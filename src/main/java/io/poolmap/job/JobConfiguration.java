package io.poolmap.job;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that stamps jobs (replaceable in tests) and the one timer thread of timeouts and retention sweeps. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    static final String SCHEDULER = "poolmapJobScheduler";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(name = SCHEDULER, destroyMethod = "shutdownNow")
    ScheduledExecutorService poolmapJobScheduler() {
        return scheduler();
    }

    /** One daemon thread, {@code poolmap-timer}, whose cancelled tasks are removed at once rather than when due. */
    static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("poolmap-timer").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
