package io.poolmap.job;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that stamps jobs (replaceable in tests) and the one timer thread of timeouts and retention sweeps. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    static final String SCHEDULER = "poolmapJobScheduler";
    static final String ARCHIVE_WRITER = "poolmapArchiveWriter";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(name = SCHEDULER, destroyMethod = "shutdownNow")
    ScheduledExecutorService poolmapJobScheduler() {
        return scheduler();
    }

    /**
     * One thread, {@code poolmap-archive}, that packs finished jobs' numbers for the store, one job after another; closed
     * before the store is, and waits for what it was given, so that an orderly stop stores every finished job.
     */
    @Bean(name = ARCHIVE_WRITER, destroyMethod = "close")
    ExecutorService poolmapArchiveWriter() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("poolmap-archive").daemon().factory());
    }

    /** One daemon thread, {@code poolmap-timer}, whose cancelled tasks are removed at once rather than when due. */
    static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("poolmap-timer").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
