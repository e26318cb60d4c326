package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The moment the web server listens, a restarted poolmap has put its stored jobs back and admits new ones: a client
 * that asks at once for the job it was answered 202 for must find it, and a new job must not be refused as if
 * poolmap were shutting down. DurabilityIT met the first as a 404 on a slow machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadyWhenThePortOpensTest {

    /** What the engine's state was when the web server said it had started. */
    record AtTheOpening(boolean restored, boolean admitting) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Watch {

        static final AtomicReference<AtTheOpening> SEEN = new AtomicReference<>();

        @Bean
        ApplicationListener<WebServerInitializedEvent> whenThePortOpens(JobRestore restore, JobAdmission admission) {
            return opened -> SEEN.compareAndSet(null, new AtTheOpening(restore.isRunning(), admission.isAccepting()));
        }
    }

    @Autowired
    JobAdmission admission;

    @Test
    void storedJobsAreBackAndNewOnesAdmittedBeforeThePortOpens() {
        assertThat(Watch.SEEN.get()).as("the web server started in this context").isNotNull();
        assertThat(Watch.SEEN.get()).isEqualTo(new AtTheOpening(true, true));
        assertThat(admission.isAccepting()).isTrue();
    }
}
