package io.poolmap.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class ExpressionLimitsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExpressionLimits.class)
    static class Properties {
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> assertThat(context.getBean(ExpressionLimits.class))
                .isEqualTo(ExpressionLimits.defaults())
                .isEqualTo(new ExpressionLimits(1000, 100, 10_000, 10_000_000)));
    }

    @Test
    void eachLimitIsBoundFromItsProperty() {
        runner.withPropertyValues("poolmap.expressions.max-length=50", "poolmap.expressions.max-depth=7",
                        "poolmap.expressions.max-digits=30", "poolmap.expressions.max-work=5000")
                .run(context -> assertThat(context.getBean(ExpressionLimits.class)).isEqualTo(new ExpressionLimits(50, 7, 30, 5000)));
    }

    @Test
    void aDepthThatCouldExhaustTheStackStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("poolmap.expressions.max-depth=10000").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("poolmap.expressions").contains("maxDepth");
        });
    }

    @Test
    void aDigitLimitBelowALongStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("poolmap.expressions.max-digits=5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("poolmap.expressions").contains("maxDigits");
        });
    }

    @Test
    void aCompilerRefusesADigitLimitBelowALongEvenWithoutSpring() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ExpressionCompiler(new ExpressionLimits(1000, 100, 5, 20_000_000)))
                .withMessageContaining("poolmap.expressions.max-digits");
    }
}
