package io.poolmap.web;

import io.poolmap.PoolmapProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Makes JSON reading strict, so that a typo ({@code parallelsm}), a duplicate key, trailing data or a
 * quoted number is refused with 400 instead of being silently ignored or guessed at.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading(PoolmapProperties properties) {
        return builder -> builder
                .addModule(NumbersJson.module(properties.maxBatchSize(), properties.maxDigits()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * Jackson's stream-read constraints from poolmap's limits: numbers as long as {@code poolmap.max-digits} allows
     * (plus a sign; Jackson's default stops at 1,000), and strings, names and nesting as {@code poolmap.request.*}
     * allows, so that the parser refuses a hostile body before it is buffered into a value.
     */
    @Bean
    JsonFactoryBuilderCustomizer streamReadConstraints(PoolmapProperties properties, RequestLimits limits) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(properties.maxDigits() + 1)
                // Jackson buffers a number's digits as it buffers a string, and checks them against this limit too
                .maxStringLength(Math.max(limits.maxStringLength(), properties.maxDigits() + 2))
                .maxNameLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .build());
    }
}
