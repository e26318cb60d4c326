package io.poolmap.job.web;

import java.util.concurrent.atomic.AtomicReference;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.web.StrictJsonTestConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * poolmap's strict JSON mapper exactly as the application builds it (Spring Boot's Jackson set-up with poolmap's
 * customizers), with the properties it was built from; and the comparison of two {@link JobRequest}s that the fast
 * reader's differential tests make, item by item (records compare {@link Numbers} by identity).
 */
record StrictJson(JsonMapper mapper, PoolmapProperties properties) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PoolmapProperties.class)
    static class Properties {
    }

    static StrictJson with(String... propertyValues) {
        AtomicReference<StrictJson> json = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(Properties.class, StrictJsonTestConfiguration.class)
                .withPropertyValues(propertyValues)
                .run(context -> json.set(new StrictJson(context.getBean(JsonMapper.class), context.getBean(PoolmapProperties.class))));
        return json.get();
    }

    /** Asserts that the two requests hold the same fields and the same numbers, each of the same kind and value. */
    static void assertSameRequest(JobRequest actual, JobRequest expected, String description) {
        assertThat(new JobRequest(actual.operation(), actual.expression(), null, actual.parallelism(), actual.chunkSize(), actual.timeoutMs(), actual.async()))
                .as(description)
                .isEqualTo(new JobRequest(expected.operation(), expected.expression(), null, expected.parallelism(), expected.chunkSize(),
                        expected.timeoutMs(), expected.async()));
        if (expected.numbers() == null) {
            assertThat(actual.numbers()).as(description).isNull();
            return;
        }
        assertThat(actual.numbers()).as(description).isNotNull();
        assertThat(actual.numbers().size()).as(description).isEqualTo(expected.numbers().size());
        for (int i = 0; i < expected.numbers().size(); i++) {
            Numbers.Kind kind = expected.numbers().kind(i);
            assertThat(actual.numbers().kind(i)).as("%s: numbers[%d]", description, i).isEqualTo(kind);
            Object value = kind == Numbers.Kind.DOUBLE ? Double.doubleToRawLongBits(expected.numbers().doubleAt(i)) : expected.numbers().valueAt(i);
            Object actualValue = kind == Numbers.Kind.DOUBLE ? Double.doubleToRawLongBits(actual.numbers().doubleAt(i)) : actual.numbers().valueAt(i);
            assertThat(actualValue).as("%s: numbers[%d]", description, i).isEqualTo(value);
        }
    }
}
