package io.poolmap.job.web;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.poolmap.PoolmapProperties;
import io.poolmap.job.Job;
import io.poolmap.job.JobRefusedException;
import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.job.TestJobEngine;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.builtin.BuiltInOperations;
import io.poolmap.operation.builtin.OperationLimits;
import io.poolmap.web.ProblemException;
import io.poolmap.web.StrictJsonTestConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request path for any bytes a client may POST: poolmap's own strict JSON mapper reads them into a
 * {@link JobRequest}, Bean Validation checks it, {@link JobService} admits it and the built-in operations run it.
 * Whatever the bytes, each step either refuses with what becomes a 4xx problem detail (a {@link JacksonException},
 * which Spring MVC turns into 400, a constraint violation, or a refusal that {@link JobProblems} makes a 4xx) or the job runs and
 * ends; numbers that were read are written back exactly. Any other exception is a finding.
 *
 * <p>{@code ./mvnw verify} replays the committed bodies under {@code JobRequestFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes for new ones (see the README).
 */
class JobRequestFuzzTest {

    private static final PoolmapProperties PROPERTIES = aPoolmapProperties().build();
    private static final JsonMapper JSON = strictMapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final TestJobEngine ENGINE = TestJobEngine.start(PROPERTIES,
            BuiltInOperations.all(new OperationLimits(2000, 20_000, 100_000, 100, 300, 2)), List.of(), Clock.systemUTC());
    private static final JobService JOBS = ENGINE.jobs();

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PoolmapProperties.class)
    static class Properties {
    }

    /** The mapper exactly as the application builds it: Spring Boot's Jackson set-up with poolmap's customizers. */
    private static JsonMapper strictMapper() {
        AtomicReference<JsonMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(Properties.class, StrictJsonTestConfiguration.class)
                .withPropertyValues("poolmap.max-batch-size=" + PROPERTIES.maxBatchSize(), "poolmap.queue-capacity=" + PROPERTIES.queueCapacity())
                .run(context -> mapper.set(context.getBean(JsonMapper.class)));
        return mapper.get();
    }

    @AfterAll
    static void stopThePool() throws InterruptedException {
        ENGINE.close();
    }

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsRefusedWithA4xxOrRunsToAnEnd(byte[] body) throws InterruptedException {
        JobRequest request;
        try {
            request = JSON.readValue(body, JobRequest.class);
        } catch (JacksonException | ProblemException unreadable) {
            assertClientError(unreadable);
            return;
        }
        assertThat(request).isNotNull();
        Set<ConstraintViolation<JobRequest>> violations = VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            return;
        }
        assertThat(JSON.readValue(JSON.writeValueAsString(request.numbers()), Numbers.class).toString())
                .as("numbers written back and read again").isEqualTo(request.numbers().toString());
        // at most 2 s a job, so that no input can stall the fuzzer; the timeout is one of the ends it checks
        long timeoutMs = request.timeoutMs() == null ? 2_000 : Math.min(request.timeoutMs(), 2_000);
        Job job;
        try {
            job = JOBS.submit(new JobRequest(request.operation(), request.expression(), request.numbers(), request.parallelism(), request.chunkSize(),
                    timeoutMs, request.async()).toSubmission());
        } catch (JobRefusedException refused) {
            assertClientError(JobProblems.refused(refused));
            return;
        }
        assertThat(job.await(Duration.ofSeconds(30))).as("job %s ended", job.id()).isTrue();
        assertThat(job.status()).isIn(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.TIMED_OUT);
        if (job.status() == JobStatus.SUCCEEDED) {
            assertThat(job.resultsIf(job.status()).size()).isEqualTo(request.numbers().size());
            assertThat(job.completed()).isEqualTo(job.size());
        }
    }

    /** A refusal must say why to the client (4xx), wherever in the causes poolmap's own problem sits. */
    private static void assertClientError(RuntimeException refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                assertThat(problem.status().is4xxClientError()).as(problem.getMessage()).isTrue();
            }
        }
    }
}
