package io.poolmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class AccessPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Keys.class);

    /** The properties and the key check as SecurityConfiguration builds them, without a web server. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessProperties.class)
    static class Keys {

        @Bean
        ApiKeys apiKeys(AccessProperties access) {
            return new SecurityConfiguration().apiKeys(access);
        }
    }

    @Test
    void withoutKeysTheServiceIsOpenAndSaysSoInTheLog(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context.getBean(AccessProperties.class).secured()).isFalse();
            assertThat(context.getBean(AccessProperties.class).corsOrigins()).isEmpty();
        });
        assertThat(output).contains("WARN").contains("poolmap.security.api-keys is not set");
    }

    @Test
    void commaSeparatedKeysAreEachAKey(CapturedOutput output) {
        runner.withPropertyValues("poolmap.security.api-keys=first-key-0123456789,second-key-0123456789").run(context -> {
            assertThat(context.getBean(AccessProperties.class).apiKeys()).containsExactly("first-key-0123456789", "second-key-0123456789");
            assertThat(context.getBean(ApiKeys.class).matches("second-key-0123456789")).isTrue();
        });
        assertThat(output).doesNotContain("poolmap.security.api-keys is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "a key with spaces in it", "tab\tseparated-0123456789"})
    void aShortOrSpacedKeyStopsTheStartNamingTheProperty(String key) {
        runner.withPropertyValues("poolmap.security.api-keys=" + key).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("poolmap.security.api-keys");
        });
    }
}
