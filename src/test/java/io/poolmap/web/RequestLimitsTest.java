package io.poolmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.poolmap.PoolmapProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/** poolmap.request.* reaches Jackson's stream-read constraints, and bad values stop the start naming the property. */
class RequestLimitsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withUserConfiguration(Properties.class, JsonConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PoolmapProperties.class)
    static class Properties {
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> assertThat(context.getBean(RequestLimits.class))
                .isEqualTo(new RequestLimits(Duration.ofSeconds(20), Duration.ofSeconds(20), 32, 1000)));
    }

    @Test
    void theMapperRefusesNestingDeeperThanTheLimit() {
        runner.withPropertyValues("poolmap.request.max-nesting-depth=4").run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            assertThat(json.readTree("[[[[1]]]]").toString()).isEqualTo("[[[[1]]]]");
            assertThatThrownBy(() -> json.readTree("[[[[[1]]]]]")).isInstanceOf(StreamConstraintsException.class);
        });
    }

    @Test
    void theMapperRefusesStringsAndNamesLongerThanTheLimit() {
        runner.withPropertyValues("poolmap.request.max-string-length=100", "poolmap.max-digits=50").run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            assertThat(json.readTree("[\"" + "s".repeat(100) + "\"]").get(0).asString()).hasSize(100);
            assertThatThrownBy(() -> json.readTree("[\"" + "s".repeat(101) + "\"]")).isInstanceOf(StreamConstraintsException.class);
            assertThatThrownBy(() -> json.readTree("{\"" + "n".repeat(101) + "\":1}")).isInstanceOf(StreamConstraintsException.class);
        });
    }

    @Test
    void withTheDefaultsANumberOfMaxDigitsIsRead() {
        runner.run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            assertThat(json.readTree("[-" + "7".repeat(1000) + "]").get(0).bigIntegerValue().toString()).hasSize(1001);
        });
    }

    @Test
    void numbersMayBeLongerThanStringsWhenMaxDigitsAllows() {
        runner.withPropertyValues("poolmap.max-digits=3000").run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            assertThat(json.readTree("-" + "7".repeat(3000)).bigIntegerValue().toString()).hasSize(3001);
        });
    }

    @Test
    void aZeroReadTimeoutStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("poolmap.request.read-timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("poolmap.request.read-timeout");
        });
    }
}
